import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// The samples an augmentation added (result_property is a string in the query: '-1' to '3').
const { data } = await client.listProcessorTaskVersionResults({
  taskId: 'kM7j9TSa611ZzBThzSr',
  versionId: '7PoIhUzSk92OglQrTxr',
  resultProperty: '3',
  limit: 14,
});
for (const r of data.results ?? []) console.log(r.sample_id, r.new_source);
