import { createProcessorTasksClient } from 'modelarts-processor-tasks';

// Credentials and project id come from HUAWEICLOUD_SDK_TOKEN (or HUAWEICLOUD_SDK_AK and
// HUAWEICLOUD_SDK_SK) and HUAWEICLOUD_SDK_PROJECT_ID when not given.
const client = createProcessorTasksClient({ region: 'cn-north-4' });

// The reference's data validation version; Huawei's page makes task_id mandatory in the body as
// well as in the path.
const { data } = await client.createProcessorTaskVersion({
  taskId: 'kM7j9TSa611ZzBThzSr',
  body: {
    name: 'PRE-e77c',
    task_id: 'kM7j9TSa611ZzBThzSr',
    inputs: [{ type: 'DATASET', source: 'PYc9H2HGv5BJNwBGXyK', version_id: 'Osc8SZ7TZStiRV4vYkZ' }],
    work_path: { type: 'DATASET', path: 'PYc9H2HGv5BJNwBGXyK', version_name: 'V0011' },
    template: {
      id: 'sys_data_validation',
      operator_params: [
        {
          name: 'MetaValidation',
          advanced_params_switch: false,
          params: {
            task_type: 'image_classification',
            dataset_type: 'manifest',
            source_service: 'select',
            filter_func: 'data_validation_select',
            image_max_width: '1920',
            image_max_height: '1920',
            total_status: '[0,1,2]',
          },
        },
      ],
    },
    workspace_id: '0',
  },
});
console.log(`created version ${data.version_id}`);
