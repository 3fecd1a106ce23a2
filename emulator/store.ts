// Where tasks and their versions live: SQLite through better-sqlite3, in memory by default or
// in a file (`--data`) that a restart opens again. Every change is one transaction, and the
// calls are synchronous, so two requests never interleave inside a change (Node runs one
// handler at a time): of two concurrent deletes of one id, exactly one finds the row.
// Tasks are also held decoded in memory (this process is the file's only writer), updated
// only once a transaction has committed, so a List reads no rows and parses no JSON.
import Database from 'better-sqlite3';
import type { Status, Timeline } from './lifecycle.ts';

type Json = Record<string, unknown>;

/** The request fields a task keeps, in the wire format (snake_case), as created. */
export interface TaskDoc {
  data_source?: Json;
  inputs?: Json[];
  template?: Json;
  version_id?: string;
  version_name?: string;
  work_path?: Json;
  workspace_id?: string;
  /** Set when the emulator finishes a feature analysis task (seeded ones carry theirs). */
  error_msg?: string;
}

export interface TaskRecord {
  projectId: string;
  taskId: string;
  name: string;
  description: string;
  timeline: Timeline;
  doc: TaskDoc;
}

export interface SampleCounts {
  origin: number;
  added: number;
  modified: number;
  deleted: number;
  unmodified: number;
}

export interface VersionRecord {
  projectId: string;
  taskId: string;
  versionId: string;
  versionName: string;
  description: string;
  timeline: Timeline;
  doc: TaskDoc;
  samples: SampleCounts;
}

const SCHEMA_VERSION = 1;

// What tasks and versions both keep: a description, the timeline (see lifecycle.ts), the document.
const RECORD_COLUMNS = `description TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  init_until INTEGER NOT NULL,
  run_until INTEGER NOT NULL,
  outcome INTEGER NOT NULL,
  stopped_at INTEGER,
  doc TEXT NOT NULL,`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  project_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  name TEXT NOT NULL,
  ${RECORD_COLUMNS}
  PRIMARY KEY (project_id, task_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS tasks_by_name ON tasks (project_id, name);
CREATE TABLE IF NOT EXISTS versions (
  project_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  version_name TEXT NOT NULL,
  ${RECORD_COLUMNS}
  samples TEXT NOT NULL,
  PRIMARY KEY (project_id, task_id, version_id),
  FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, task_id) ON DELETE CASCADE
);
`;

interface TimelineRow {
  created_at: number;
  init_until: number;
  run_until: number;
  outcome: number;
  stopped_at: number | null;
}
interface TaskRow extends TimelineRow {
  project_id: string;
  task_id: string;
  name: string;
  description: string;
  doc: string;
}
interface VersionRow extends TaskRow {
  version_id: string;
  version_name: string;
  samples: string;
}

function timelineOf(row: TimelineRow): Timeline {
  return { createdAt: row.created_at, initUntil: row.init_until, runUntil: row.run_until, outcome: row.outcome as Status, stoppedAt: row.stopped_at };
}

function taskOf(row: TaskRow): TaskRecord {
  return { projectId: row.project_id, taskId: row.task_id, name: row.name, description: row.description, timeline: timelineOf(row), doc: JSON.parse(row.doc) as TaskDoc };
}

function versionOf(row: VersionRow): VersionRecord {
  return {
    projectId: row.project_id,
    taskId: row.task_id,
    versionId: row.version_id,
    versionName: row.version_name,
    description: row.description,
    timeline: timelineOf(row),
    doc: JSON.parse(row.doc) as TaskDoc,
    samples: JSON.parse(row.samples) as SampleCounts,
  };
}

function timelineParams(t: Timeline) {
  return { created_at: t.createdAt, init_until: t.initUntil, run_until: t.runUntil, outcome: t.outcome, stopped_at: t.stoppedAt ?? null };
}

export class Store {
  readonly #db: Database.Database;
  readonly #stmt;
  /** project → task id → record, as committed. */
  readonly #tasks = new Map<string, Map<string, TaskRecord>>();

  /** `file` undefined: in memory. */
  constructor(file?: string) {
    this.#db = new Database(file ?? ':memory:');
    if (file !== undefined) this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('foreign_keys = ON');
    const version = this.#db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== SCHEMA_VERSION) {
      this.#db.close();
      throw new Error(`${file} holds emulator data of schema ${version}; this emulator reads schema ${SCHEMA_VERSION}`);
    }
    this.#db.exec(SCHEMA);
    this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    const db = this.#db;
    this.#stmt = {
      taskByName: db.prepare<[string, string], TaskRow>('SELECT * FROM tasks WHERE project_id = ? AND name = ?'),
      countAll: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tasks'),
      insertTask: db.prepare(
        `INSERT INTO tasks (project_id, task_id, name, description, created_at, init_until, run_until, outcome, stopped_at, doc)
         VALUES (@project_id, @task_id, @name, @description, @created_at, @init_until, @run_until, @outcome, @stopped_at, @doc)`,
      ),
      describeTask: db.prepare('UPDATE tasks SET description = ? WHERE project_id = ? AND task_id = ?'),
      deleteTask: db.prepare('DELETE FROM tasks WHERE project_id = ? AND task_id = ?'),
      versions: db.prepare<[string, string], VersionRow>('SELECT * FROM versions WHERE project_id = ? AND task_id = ?'),
      version: db.prepare<[string, string, string], VersionRow>('SELECT * FROM versions WHERE project_id = ? AND task_id = ? AND version_id = ?'),
      versionCount: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM versions WHERE project_id = ? AND task_id = ?'),
      insertVersion: db.prepare(
        `INSERT INTO versions (project_id, task_id, version_id, version_name, description, created_at, init_until, run_until, outcome, stopped_at, doc, samples)
         VALUES (@project_id, @task_id, @version_id, @version_name, @description, @created_at, @init_until, @run_until, @outcome, @stopped_at, @doc, @samples)`,
      ),
      deleteVersion: db.prepare('DELETE FROM versions WHERE project_id = ? AND task_id = ? AND version_id = ?'),
      stopVersion: db.prepare('UPDATE versions SET stopped_at = ? WHERE project_id = ? AND task_id = ? AND version_id = ?'),
      allTasks: db.prepare<[], TaskRow>('SELECT * FROM tasks'),
    };
    for (const row of this.#stmt.allTasks.iterate()) this.#remember(taskOf(row));
  }

  #remember(task: TaskRecord): void {
    let project = this.#tasks.get(task.projectId);
    if (!project) this.#tasks.set(task.projectId, (project = new Map()));
    project.set(task.taskId, task);
  }

  /** The tasks of a project; records are shared, never to be modified. */
  listTasks(projectId: string): TaskRecord[] {
    return [...(this.#tasks.get(projectId)?.values() ?? [])];
  }

  getTask(projectId: string, taskId: string): TaskRecord | undefined {
    return this.#tasks.get(projectId)?.get(taskId);
  }

  hasTaskNamed(projectId: string, name: string): boolean {
    return this.#stmt.taskByName.get(projectId, name) !== undefined;
  }

  /** Tasks in every project. */
  countTasks(): number {
    return this.#stmt.countAll.get()!.n;
  }

  versionCount(projectId: string, taskId: string): number {
    return this.#stmt.versionCount.get(projectId, taskId)!.n;
  }

  /** A task and, in the same transaction, its first versions. */
  insertTask(task: TaskRecord, versions: VersionRecord[] = []): void {
    this.#db.transaction(() => {
      this.#stmt.insertTask.run({
        project_id: task.projectId,
        task_id: task.taskId,
        name: task.name,
        description: task.description,
        ...timelineParams(task.timeline),
        doc: JSON.stringify(task.doc),
      });
      for (const v of versions) this.insertVersion(v);
    })();
    this.#remember(task);
  }

  setDescription(projectId: string, taskId: string, description: string): boolean {
    const changed = this.#stmt.describeTask.run(description, projectId, taskId).changes === 1;
    const task = this.getTask(projectId, taskId);
    if (changed && task) this.#remember({ ...task, description });
    return changed;
  }

  /**
   * Deletes a task and its versions if it exists and `allow` (given the current record) does
   * not throw; both in one transaction, so the record checked is the record deleted.
   */
  deleteTask(projectId: string, taskId: string, allow: (task: TaskRecord) => void): boolean {
    const deleted = this.#db.transaction(() => {
      const task = this.getTask(projectId, taskId);
      if (!task) return false;
      allow(task);
      return this.#stmt.deleteTask.run(projectId, taskId).changes === 1;
    })();
    if (deleted) this.#tasks.get(projectId)?.delete(taskId);
    return deleted;
  }

  listVersions(projectId: string, taskId: string): VersionRecord[] {
    return this.#stmt.versions.all(projectId, taskId).map(versionOf);
  }

  getVersion(projectId: string, taskId: string, versionId: string): VersionRecord | undefined {
    const row = this.#stmt.version.get(projectId, taskId, versionId);
    return row && versionOf(row);
  }

  insertVersion(v: VersionRecord): void {
    this.#stmt.insertVersion.run({
      project_id: v.projectId,
      task_id: v.taskId,
      version_id: v.versionId,
      version_name: v.versionName,
      description: v.description,
      ...timelineParams(v.timeline),
      doc: JSON.stringify(v.doc),
      samples: JSON.stringify(v.samples),
    });
  }

  deleteVersion(projectId: string, taskId: string, versionId: string): boolean {
    return this.#stmt.deleteVersion.run(projectId, taskId, versionId).changes === 1;
  }

  stopVersion(projectId: string, taskId: string, versionId: string, at: number): void {
    this.#stmt.stopVersion.run(at, projectId, taskId, versionId);
  }

  /** Runs `fn` as one transaction. */
  atomically<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
