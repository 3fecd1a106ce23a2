// `--seed N`: N realistic tasks of mixed type, status and age in one project, the same N
// giving the same tasks (a seeded generator), so tests and demos can rely on what is there.
import { newId } from './ids.ts';
import { STATUS, type Status, type Timeline } from './lifecycle.ts';
import { sampleCountsFor } from './samples.ts';
import type { Store, TaskRecord, VersionRecord } from './store.ts';

/** mulberry32: a tiny, well-known seeded PRNG; reproducible data needs no dependency. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['sys_data_analyse', 'sys_data_validation', 'sys_data_cleaning', 'sys_data_selection', 'sys_data_augmentation'] as const;
const OPERATORS: Record<string, { name: string; params: Record<string, unknown> }> = {
  sys_data_analyse: { name: 'sys_data_analyse', params: { op_list: [] } },
  sys_data_validation: { name: 'MetaValidation', params: { task_type: 'image_classification', dataset_type: 'manifest', image_max_width: '1920', image_max_height: '1920' } },
  sys_data_cleaning: { name: 'PCC', params: { task_type: 'image_classification', dataset_type: 'manifest', simlarity_threshold: '0.9' } },
  sys_data_selection: { name: 'SimDeduplication', params: { task_type: 'image_classification', dataset_type: 'manifest', simlarity_threshold: '0.9' } },
  sys_data_augmentation: { name: 'AddNoise', params: { task_type: 'image_classification', dataset_type: 'manifest', noise_type: 'Gauss' } },
};
const DAY = 86_400_000;

/** Mostly finished work, some failures and stops, a few still initializing or running. */
function pickOutcome(r: number): 'completed' | 'failed' | 'stopped' | 'running' | 'initialized' {
  if (r < 0.55) return 'completed';
  if (r < 0.7) return 'failed';
  if (r < 0.8) return 'stopped';
  if (r < 0.92) return 'running';
  return 'initialized';
}

function earlierVersion(task: Timeline, index: number): Timeline {
  const createdAt = task.createdAt + index * 1000;
  return { createdAt, initUntil: createdAt + 200, runUntil: createdAt + 800, outcome: STATUS.completed, stoppedAt: null };
}

export function seedStore(store: Store, projectId: string, count: number, now: number, intervalMs: number): number {
  const random = seededRandom(count);
  const pick = (n: number) => Math.floor(random() * n);
  const datasets = Array.from({ length: 4 }, () => ({ id: newId(pick), versions: Array.from({ length: 3 }, () => newId(pick)) }));
  store.atomically(() => {
    for (let i = 0; i < count; i++) {
      const type = TYPES[pick(TYPES.length)]!;
      const dataset = datasets[pick(datasets.length)]!;
      const datasetVersion = pick(dataset.versions.length);
      const state = pickOutcome(random());
      const runSeconds = 5 + pick(3 * 3600);
      let timeline: Timeline;
      if (state === 'initialized' || state === 'running') {
        // Still going: it moves on at the emulator's speed from now.
        const createdAt = now - (state === 'running' ? intervalMs : 0) - pick(1000);
        timeline = { createdAt, initUntil: createdAt + intervalMs, runUntil: createdAt + 3 * intervalMs, outcome: STATUS.completed, stoppedAt: null };
      } else {
        const createdAt = now - 90 * DAY + Math.floor(random() * 89 * DAY);
        const initUntil = createdAt + 2_000 + pick(60_000);
        const runUntil = initUntil + runSeconds * 1000;
        const outcome: Status = state === 'failed' ? STATUS.failed : STATUS.completed;
        timeline = { createdAt, initUntil, runUntil, outcome, stoppedAt: state === 'stopped' ? initUntil + Math.floor((runUntil - initUntil) / 2) : null };
      }
      const taskId = newId(pick);
      const analyse = type === 'sys_data_analyse';
      const operator = OPERATORS[type]!;
      const source = { type: 'DATASET', source: dataset.id, version_id: dataset.versions[datasetVersion]! };
      const task: TaskRecord = {
        projectId,
        taskId,
        name: `${analyse ? 'V' : 'PRE-'}${String(i + 1).padStart(4, '0')}`,
        description: random() < 0.3 ? `seeded ${type.replace('sys_data_', '')} task` : '',
        timeline,
        doc: {
          ...(analyse ? { data_source: { type: 'DATASET', source: dataset.id } } : { inputs: [source] }),
          template: { id: type, operator_params: [{ ...(analyse ? { id: operator.name } : { name: operator.name, advanced_params_switch: false }), params: operator.params }] },
          version_id: source.version_id,
          version_name: `V${String(datasetVersion + 1).padStart(3, '0')}`,
          ...(analyse ? {} : { work_path: { type: 'DATASET', path: dataset.id, version_name: `V${String(datasetVersion + 10).padStart(3, '0')}` } }),
          workspace_id: random() < 0.85 ? '0' : 'ws-emulator',
          ...(state === 'failed' ? { error_msg: 'Dataset version has no annotated samples.' } : {}),
        },
      };
      const versions: VersionRecord[] = [];
      if (!analyse) {
        // A task still going has only the version it is running.
        const n = state === 'initialized' || state === 'running' ? 1 : 1 + pick(3);
        for (let v = 0; v < n; v++) {
          const versionId = newId(pick);
          versions.push({
            projectId,
            taskId,
            versionId,
            versionName: `V${String(v + 1).padStart(3, '0')}`,
            description: '',
            // Earlier versions completed within seconds each; the last one shares the task's fate.
            timeline: v === n - 1 ? timeline : earlierVersion(timeline, v),
            doc: { inputs: task.doc.inputs!, template: task.doc.template!, work_path: task.doc.work_path! },
            samples: sampleCountsFor(versionId, type),
          });
        }
      }
      store.insertTask(task, versions);
    }
  });
  return count;
}
