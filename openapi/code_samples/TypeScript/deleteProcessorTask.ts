import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// A task already gone (400 ModelArts.4700) resolves with missing: true instead of rejecting.
const { missing, requestId } = await client.deleteProcessorTask({ taskId: 'SNEJua7qdZZN8GvkcEr' }, { ignoreMissing: true });
console.log(missing ? 'already gone' : `deleted, request ${requestId}`);
