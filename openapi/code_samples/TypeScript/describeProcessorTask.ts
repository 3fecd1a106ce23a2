import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

const { data: task } = await client.describeProcessorTask({ taskId: 'AcYfsdfhGyrWL5TtahH' });
console.log(task.name, task.status, task.template?.id);

// Or wait until it completes, fails or is stopped (status 2, 3 or 4).
const finished = await client.waitUntilProcessorTaskFinished({ taskId: 'AcYfsdfhGyrWL5TtahH' });
if (finished.status === 3) console.error(finished.error_msg);
