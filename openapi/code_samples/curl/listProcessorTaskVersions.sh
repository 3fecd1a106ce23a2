# The first page of 5 versions of a data processing task.
curl -sS \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions?offset=0&limit=5" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
