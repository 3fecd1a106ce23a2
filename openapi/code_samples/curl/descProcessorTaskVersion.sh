# One version's details; a version that does not exist answers 400 ModelArts.4851.
curl -sS \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions/qSaudx2sbPvthHygckA" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
