import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

await client.stopProcessorTaskVersion({ taskId: 'kM7j9TSa611ZzBThzSr', versionId: 'qSaudx2sbPvthHygckA' });
