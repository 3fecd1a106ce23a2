# IAM token in X-Auth-Token; a deleted task answers 200 with {}.
curl -sS -X DELETE \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/SNEJua7qdZZN8GvkcEr" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  -D -
