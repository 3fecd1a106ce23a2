# A deleted version answers 204 with no body.
curl -sS -X DELETE \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions/qSaudx2sbPvthHygckA" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  -D -
