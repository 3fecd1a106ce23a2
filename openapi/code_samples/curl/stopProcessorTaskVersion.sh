# No request body; 200 gives {}.
curl -sS -X POST \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions/qSaudx2sbPvthHygckA/stop" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
