// What each operation of the processor-task API does to the store, keyed by operationId.
// Requests reach a handler already routed, authenticated and validated against the spec; a
// handler enforces only what a schema cannot say (existence, uniqueness, status rules).
// Behaviour the reference does not document is marked *inferred* and listed in the README.
import { newId } from './ids.ts';
import { durationSecondsAt, newTimeline, STATUS, statusAt, type Status } from './lifecycle.ts';
import { page, sortBy, type Order, type Query } from './paging.ts';
import { sampleCountsFor, sampleResults } from './samples.ts';
import { ServiceError } from './error-responses.ts';
import type { Store, TaskDoc, TaskRecord, VersionRecord } from './store.ts';

type Json = Record<string, any>;

export interface Call {
  params: Record<string, string>;
  query: Query;
  body: any;
  now: number;
}

export interface Reply {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
}

export interface OperationContext {
  store: Store;
  statusIntervalMs: number;
}

export type Handler = (call: Call, ctx: OperationContext) => Reply;

// Names a finished template shows (*inferred*: the reference's examples only carry
// placeholders such as "name to translate"); the four data-processing labels are Items'.
const TEMPLATE_NAMES: Record<string, string> = {
  sys_data_analyse: 'data analyse',
  sys_data_cleaning: 'data cleaning',
  sys_data_validation: 'data validation',
  sys_data_selection: 'data selection',
  sys_data_augmentation: 'data augmentation',
};

/** GetProcessorTaskItems: the reference's example list, the four data-processing types. */
export const ITEMS = [
  { template_id: 'sys_data_cleaning', label_zh: 'label_zh to translate', label_en: 'data cleaning' },
  { template_id: 'sys_data_validation', label_zh: 'label_zh to translate', label_en: 'data validation' },
  { template_id: 'sys_data_selection', label_zh: 'label_zh to translate', label_en: 'data selection' },
  { template_id: 'sys_data_augmentation', label_zh: 'label_zh to translate', label_en: 'data augmentation' },
];

const notFound = () => new ServiceError(400, 'ModelArts.4700');
const versionNotFound = () => new ServiceError(400, 'ModelArts.4851');

function requireTask(ctx: OperationContext, call: Call): TaskRecord {
  const task = ctx.store.getTask(call.params.project_id!, call.params.task_id!);
  if (!task) throw notFound();
  return task;
}

function requireVersion(ctx: OperationContext, call: Call): VersionRecord {
  requireTask(ctx, call);
  const version = ctx.store.getVersion(call.params.project_id!, call.params.task_id!, call.params.version_id!);
  if (!version) throw versionNotFound();
  return version;
}

function withTemplateName(template: Json | undefined): Json | undefined {
  if (!template) return undefined;
  const name = template.name ?? TEMPLATE_NAMES[template.id as string];
  return name === undefined ? template : { ...template, name };
}

/** The fields of a stored document a response shows, absent ones left out. */
function docFields(doc: TaskDoc): Json {
  const out: Json = {};
  for (const key of ['data_source', 'inputs', 'version_id', 'version_name', 'work_path'] as const) {
    if (doc[key] !== undefined) out[key] = doc[key];
  }
  return out;
}

/** A feature analysis result, present once the task completed (*inferred* content). */
function analysisResult(task: TaskRecord): Json {
  return {
    sample_count: 100 + (task.timeline.createdAt % 900),
    report_path: `obs://emulator-obs/analysis/${task.taskId}/report.json`,
  };
}

interface TaskViewOptions {
  versionCount: number;
  isCurrent: boolean;
  returnResult: boolean;
}

function taskView(task: TaskRecord, now: number, o: TaskViewOptions): Json {
  const status = statusAt(task.timeline, now);
  const view: Json = {
    task_id: task.taskId,
    name: task.name,
    description: task.description,
    ...docFields(task.doc),
    template: withTemplateName(task.doc.template),
    status,
    duration_seconds: durationSecondsAt(task.timeline, now),
    create_time: task.timeline.createdAt,
    workspace_id: task.doc.workspace_id ?? '0',
    is_current: o.isCurrent,
    version_count: o.versionCount,
  };
  if (view.template === undefined) delete view.template;
  if (status === STATUS.completed && task.doc.template?.id === 'sys_data_analyse' && o.returnResult) view.result = analysisResult(task);
  if (status === STATUS.failed) view.error_msg = task.doc.error_msg ?? 'Data processing failed.';
  return view;
}

/**
 * is_current: "whether the current task is the latest of the same type of this version"
 * (reference): no later task of the project has the same template id and dataset version.
 */
function currentTasks(tasks: readonly TaskRecord[]): Set<string> {
  const latest = new Map<string, TaskRecord>();
  for (const t of tasks) {
    const key = `${String(t.doc.template?.id)}\u0000${String(t.doc.version_id ?? '')}`;
    const seen = latest.get(key);
    if (!seen || t.timeline.createdAt > seen.timeline.createdAt || (t.timeline.createdAt === seen.timeline.createdAt && t.taskId > seen.taskId)) {
      latest.set(key, t);
    }
  }
  return new Set([...latest.values()].map((t) => t.taskId));
}

function sources(doc: TaskDoc): Json[] {
  return [...(doc.data_source ? [doc.data_source] : []), ...(doc.inputs ?? [])];
}

function versionView(v: VersionRecord, now: number): Json {
  const status = statusAt(v.timeline, now);
  const view: Json = {
    task_version_id: v.versionId,
    task_id: v.taskId,
    version_name: v.versionName,
    description: v.description,
    status,
    create_time: v.timeline.createdAt,
    // The reference describes update_time as the creation time too (sic); it is shown as the
    // time of the last status change (*inferred*).
    update_time: lastChange(v, now),
    duration_seconds: durationSecondsAt(v.timeline, now),
  };
  if (v.doc.inputs) view.inputs = v.doc.inputs;
  else if (v.doc.data_source) view.inputs = [v.doc.data_source];
  if (v.doc.work_path) view.work_path = { ...v.doc.work_path, output_path: `/emulator-obs/output/${v.versionId}/` };
  if (v.doc.template) view.template = withTemplateName(v.doc.template);
  if (status === STATUS.completed) {
    view.origin_sample_count = v.samples.origin;
    view.add_sample_count = v.samples.added;
    view.modified_sample_count = v.samples.modified;
    view.unmodified_sample_count = v.samples.unmodified;
    view.deleted_sample_count = v.samples.deleted;
  }
  return view;
}

function lastChange(v: VersionRecord, now: number): number {
  const t = v.timeline;
  const changes = [t.createdAt, t.initUntil, t.runUntil, t.stoppedAt ?? Infinity].filter((at) => at <= now);
  return Math.max(...changes);
}

function nextVersionName(existing: readonly VersionRecord[]): string {
  const highest = Math.max(0, ...existing.map((v) => Number(/^V(\d+)$/.exec(v.versionName)?.[1] ?? 0)));
  return `V${String(highest + 1).padStart(3, '0')}`;
}

function newVersion(projectId: string, taskId: string, body: Json, now: number, interval: number, existing: readonly VersionRecord[]): VersionRecord {
  const versionId = newId();
  const doc = pickDoc(body);
  return {
    projectId,
    taskId,
    versionId,
    versionName: nextVersionName(existing),
    description: typeof body.description === 'string' ? body.description : '',
    timeline: newTimeline(now, interval),
    doc,
    samples: sampleCountsFor(versionId, doc.template?.id as string | undefined),
  };
}

/** The request fields a record keeps; anything else in the body is not stored. */
function pickDoc(body: Json): TaskDoc {
  const doc: TaskDoc = {};
  for (const key of ['data_source', 'inputs', 'template', 'version_id', 'work_path', 'workspace_id'] as const) {
    if (body[key] !== undefined) (doc as Json)[key] = body[key];
  }
  return doc;
}

function orderOf(query: Query): Order {
  return query.string('order') === 'asc' ? 'asc' : 'desc';
}

export const HANDLERS: Record<string, Handler> = {
  createProcessorTask(call, ctx) {
    const projectId = call.params.project_id!;
    const body = call.body as Json;
    if (ctx.store.hasTaskNamed(projectId, body.name)) throw new ServiceError(400, 'ModelArts.4709', `a task named ${JSON.stringify(body.name)} exists`);
    const task: TaskRecord = {
      projectId,
      taskId: newId(),
      name: body.name,
      description: typeof body.description === 'string' ? body.description : '',
      timeline: newTimeline(call.now, ctx.statusIntervalMs),
      doc: pickDoc(body),
    };
    const versions = body.create_version === true ? [newVersion(projectId, task.taskId, body, call.now, ctx.statusIntervalMs, [])] : [];
    ctx.store.insertTask(task, versions);
    return { status: 200, body: { task_id: task.taskId } };
  },

  listProcessorTasks(call, ctx) {
    const { query, now } = call;
    const projectId = call.params.project_id!;
    const all = ctx.store.listTasks(projectId);
    const current = currentTasks(all);
    const taskType = query.string('task_type');
    const name = query.string('task_name')?.toLowerCase();
    const sourceType = query.string('source_type');
    const source = query.string('source');
    const status = query.string('status');
    const versionIds = query.list('version_id');
    const workspace = query.string('workspace_id');
    const onlyCurrent = query.bool('query_current', false);
    const matching = all.filter((t) => {
      if (taskType !== undefined && t.doc.template?.id !== taskType) return false;
      // "Fuzzy search keyword": a case-insensitive substring of the name (*inferred*).
      if (name !== undefined && !t.name.toLowerCase().includes(name)) return false;
      if (sourceType !== undefined && !sources(t.doc).some((s) => s.type === sourceType)) return false;
      if (source !== undefined && !sources(t.doc).some((s) => s.source === source)) return false;
      if (status !== undefined && statusAt(t.timeline, now) !== Number(status)) return false;
      if (versionIds !== undefined && !versionIds.includes(String(t.doc.version_id))) return false;
      if (workspace !== undefined && (t.doc.workspace_id ?? '0') !== workspace) return false;
      if (onlyCurrent && !current.has(t.taskId)) return false;
      return true;
    });
    const sortKey = query.string('sort_by') ?? 'create_time';
    const key = sortKey === 'name' ? (t: TaskRecord) => t.name : sortKey === 'duration_seconds' ? (t: TaskRecord) => durationSecondsAt(t.timeline, now) : (t: TaskRecord) => t.timeline.createdAt;
    sortBy(matching, key, orderOf(query), (t) => t.taskId);
    const returnResult = query.bool('return_result', true);
    const tasks = page(matching, query.int('offset', 0), query.int('limit', 10)).map((t) =>
      taskView(t, now, { versionCount: ctx.store.versionCount(projectId, t.taskId), isCurrent: current.has(t.taskId), returnResult }),
    );
    return { status: 200, body: { count: matching.length, tasks } };
  },

  getProcessorTaskItems(call) {
    return { status: 200, body: { total: ITEMS.length, items: page(ITEMS, call.query.int('offset', 0), call.query.int('limit', 1000)) } };
  },

  describeProcessorTask(call, ctx) {
    const task = requireTask(ctx, call);
    const all = ctx.store.listTasks(task.projectId);
    const versionCount = ctx.store.versionCount(task.projectId, task.taskId);
    return { status: 200, body: taskView(task, call.now, { versionCount, isCurrent: currentTasks(all).has(task.taskId), returnResult: true }) };
  },

  updateProcessorTask(call, ctx) {
    // "Only the description of tasks can be updated" (reference): nothing else is read.
    const description = (call.body as Json | undefined)?.description;
    requireTask(ctx, call);
    if (typeof description === 'string') ctx.store.setDescription(call.params.project_id!, call.params.task_id!, description);
    return { status: 200, body: {} };
  },

  deleteProcessorTask(call, ctx) {
    const deleted = ctx.store.deleteTask(call.params.project_id!, call.params.task_id!, (task) => {
      if (statusAt(task.timeline, call.now) === STATUS.initialized) throw new ServiceError(403, 'ModelArts.4850');
    });
    if (!deleted) throw notFound();
    return { status: 200, body: {} };
  },

  listProcessorTaskVersions(call, ctx) {
    const task = requireTask(ctx, call);
    const versions = ctx.store.listVersions(task.projectId, task.taskId);
    const key = call.query.string('sort_by') === 'version_name' ? (v: VersionRecord) => v.versionName : (v: VersionRecord) => v.timeline.createdAt;
    sortBy(versions, key, orderOf(call.query), (v) => v.versionId);
    const shown = page(versions, call.query.int('offset', 0), call.query.int('limit', 100)).map((v) => versionView(v, call.now));
    return { status: 200, body: { count: versions.length, versions: shown } };
  },

  createProcessorTaskVersion(call, ctx) {
    // Huawei's page lists task_id in the body too; one naming another task is refused (*inferred*).
    const bodyTask = (call.body as Json).task_id;
    if (bodyTask !== undefined && bodyTask !== call.params.task_id) throw new ServiceError(400, 'ModelArts.0101', 'body task_id differs from the task in the path');
    return ctx.store.atomically(() => {
      const task = requireTask(ctx, call);
      const existing = ctx.store.listVersions(task.projectId, task.taskId);
      // A version without its own template or inputs takes the task's (*inferred*).
      const body = { template: task.doc.template, inputs: task.doc.inputs, data_source: task.doc.data_source, ...(call.body as Json) };
      const version = newVersion(task.projectId, task.taskId, body, call.now, ctx.statusIntervalMs, existing);
      ctx.store.insertVersion(version);
      return { status: 200, body: { version_id: version.versionId } };
    });
  },

  descProcessorTaskVersion(call, ctx) {
    return { status: 200, body: versionView(requireVersion(ctx, call), call.now) };
  },

  deleteProcessorTaskVersion(call, ctx) {
    const v = requireVersion(ctx, call);
    ctx.store.deleteVersion(v.projectId, v.taskId, v.versionId);
    return { status: 204 };
  },

  listProcessorTaskVersionResults(call, ctx) {
    const v = requireVersion(ctx, call);
    // Results exist once the version completed; before that the list is empty (*inferred*).
    const all = statusAt(v.timeline, call.now) === STATUS.completed ? sampleResults(v.versionId, v.samples) : [];
    const property = Number(call.query.string('result_property') ?? '-1');
    const matching = property === -1 ? all : all.filter((r) => r.result_property === property);
    const offset = call.query.int('offset', 0);
    const limit = call.query.int('limit', 10);
    const results = page(matching, offset, limit);
    // has_more: records beyond this page (*inferred*: the reference says "Whether all results are returned").
    return { status: 200, body: { count: matching.length, has_more: (offset + 1) * limit < matching.length, results } };
  },

  stopProcessorTaskVersion(call, ctx) {
    const v = requireVersion(ctx, call);
    const status: Status = statusAt(v.timeline, call.now);
    // Stopping a finished version changes nothing and succeeds (*inferred*).
    if (status === STATUS.initialized || status === STATUS.running) ctx.store.stopVersion(v.projectId, v.taskId, v.versionId, call.now);
    return { status: 200, body: {} };
  },
};
