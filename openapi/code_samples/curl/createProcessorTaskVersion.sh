# A new version of task kM7j9TSa611ZzBThzSr; Huawei's page makes task_id mandatory in the body too.
curl -sS -X POST \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks/kM7j9TSa611ZzBThzSr/versions" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  -H 'Content-Type: application/json' \
  -d '{
    "name": "PRE-e77c",
    "task_id": "kM7j9TSa611ZzBThzSr",
    "inputs": [ { "type": "DATASET", "source": "PYc9H2HGv5BJNwBGXyK", "version_id": "Osc8SZ7TZStiRV4vYkZ" } ],
    "work_path": { "type": "DATASET", "path": "PYc9H2HGv5BJNwBGXyK", "version_name": "V0011" },
    "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "advanced_params_switch": false,
      "params": { "task_type": "image_classification", "dataset_type": "manifest", "source_service": "select",
        "filter_func": "data_validation_select", "image_max_width": "1920", "image_max_height": "1920", "total_status": "[0,1,2]" } } ] },
    "workspace_id": "0"
  }'
