# Only the description can be updated; 200 gives {}.
curl -sS -X PUT \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/AcYfsdfhGyrWL5TtahH" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  -H 'Content-Type: application/json' \
  -d '{ "description": "test" }'
