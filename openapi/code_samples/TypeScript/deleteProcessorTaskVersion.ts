import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// 204 No Content: data is undefined. A version already gone (400 ModelArts.4851) resolves with missing: true.
const { status, missing } = await client.deleteProcessorTaskVersion(
  { taskId: 'kM7j9TSa611ZzBThzSr', versionId: 'qSaudx2sbPvthHygckA' },
  { ignoreMissing: true },
);
console.log(missing ? 'already gone' : `deleted (${status})`);
