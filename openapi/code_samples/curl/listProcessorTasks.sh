# The reference's first example request: a dataset's feature analysis tasks, newest first, without results.
curl -sS -G \
  "https://modelarts.cn-north-4.myhuaweicloud.com/v2/${HUAWEICLOUD_SDK_PROJECT_ID}/processor-tasks" \
  -H "X-Auth-Token: ${HUAWEICLOUD_SDK_TOKEN}" \
  --data-urlencode 'offset=0' --data-urlencode 'limit=10' \
  --data-urlencode 'sort_by=create_time' --data-urlencode 'order=desc' \
  --data-urlencode 'source_type=DATASET' --data-urlencode 'source=X6c3N3eztX7cr3Arvqu' \
  --data-urlencode 'task_type=sys_data_analyse' \
  --data-urlencode 'return_result=false' --data-urlencode 'query_current=false'
# version_id takes several ids, comma-joined: --data-urlencode 'version_id=XwTuRqI9En7xuZskW70,J4Eh2FDEWH1qnDlD3hQ'
