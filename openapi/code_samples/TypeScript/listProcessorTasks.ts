import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// One page: a dataset's feature analysis tasks, newest first, without their results.
const { data } = await client.listProcessorTasks({
  limit: 10,
  sortBy: 'create_time',
  order: 'desc',
  sourceType: 'DATASET',
  source: 'X6c3N3eztX7cr3Arvqu',
  taskType: 'sys_data_analyse',
  returnResult: false,
});
console.log(data.count, data.tasks?.map((t) => t.task_id));

// Every page (offset is a page index; the client walks it), here the latest task of two versions.
for await (const task of client.listProcessorTasksAll({
  taskType: 'sys_data_analyse',
  versionId: ['XwTuRqI9En7xuZskW70', 'J4Eh2FDEWH1qnDlD3hQ'],
  queryCurrent: true,
})) {
  console.log(task.task_id, task.status);
}
