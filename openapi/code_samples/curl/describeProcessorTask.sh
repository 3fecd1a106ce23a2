# One task's details; a task that does not exist answers 400 ModelArts.4700.
curl -sS \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/AcYfsdfhGyrWL5TtahH" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
