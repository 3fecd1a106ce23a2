# The reference's example request: every sample of a version (result_property=-1), 14 per page.
curl -sS \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions/7PoIhUzSk92OglQrTxr/results?offset=0&limit=14&result_property=-1" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
