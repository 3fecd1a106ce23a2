import { createProcessorTasksClient, isTaskNotFound } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK
// (and HUAWEICLOUD_SDK_SECURITY_TOKEN) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

try {
  const { requestId } = await client.deleteProcessorTask({ taskId: 'SNEJua7qdZZN8GvkcEr' });
  console.log(`deleted, request ${requestId}`);
} catch (err) {
  if (isTaskNotFound(err)) console.log('already gone');
  else throw err;
}
