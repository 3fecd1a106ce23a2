import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

const { data } = await client.listProcessorTaskVersions({ taskId: 'kM7j9TSa611ZzBThzSr', offset: 0, limit: 5 });
console.log(data.count, data.versions?.map((v) => `${v.version_name}: ${v.status}`));

// Every version, page after page.
for await (const version of client.listProcessorTaskVersionsAll({ taskId: 'kM7j9TSa611ZzBThzSr', sortBy: 'version_name' })) {
  console.log(version.task_version_id);
}
