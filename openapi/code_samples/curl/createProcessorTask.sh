# IAM token in X-Auth-Token; the body is the reference's feature analysis example. 200 gives {"task_id": "..."}.
curl -sS -X POST \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  -H 'Content-Type: application/json' \
  -d '{
    "name": "V001",
    "description": "",
    "data_source": { "type": "DATASET", "source": "X6c3N3eztX7cr3Arvqu" },
    "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] },
    "version_id": "J4Eh2FDEWH1qnDlD3hQ"
  }'
