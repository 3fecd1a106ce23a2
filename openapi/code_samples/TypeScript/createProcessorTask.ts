import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// A feature analysis task of one dataset version (the reference's first example request).
const { data } = await client.createProcessorTask({
  body: {
    name: 'V001',
    description: '',
    data_source: { type: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu' },
    template: { id: 'sys_data_analyse', operator_params: [{ id: 'sys_data_analyse', params: { op_list: [] } }] },
    version_id: 'J4Eh2FDEWH1qnDlD3hQ',
  },
});
console.log(`created ${data.task_id}`);
