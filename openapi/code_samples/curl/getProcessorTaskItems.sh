# The algorithm types for data processing: {"total": 4, "items": [...]}.
curl -sS \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/items" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}"
