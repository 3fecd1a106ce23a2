// A small stateful stand-in for the processor-task list, describe and delete calls, for the
// paging, waiter and CLI tests: it holds a list of tasks, pages them as the spec says
// (`offset` a 0-based page index, `limit` the page size, `count` the total), filters by
// `status` and `task_type`, deletes, and records every request. It can also misbehave the
// ways a paginator must survive: serve the same page whatever the offset, or report a count
// larger than what it holds. Describe can be scripted per poll, for the waiters.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Task {
  task_id: string;
  name: string;
  status: number;
  create_time: number;
  template: { id: string };
  [field: string]: unknown;
}

export interface TasksServerOptions {
  tasks?: Task[];
  /** `repeat`: every page is page 0. `overcount`: count is twice what is held. */
  paging?: 'normal' | 'repeat' | 'overcount';
  /** Describe's answer for the n-th (1-based) poll of a task; default: the held task, or 400 ModelArts.4700. */
  describe?: (taskId: string, n: number) => { status: number; body: unknown } | undefined;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface TasksServer {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Task ids still held. */
  ids(): string[];
  close(): Promise<void>;
}

const notFound = { status: 400, body: { error_code: 'ModelArts.4700', error_msg: 'Task does not exist' } };

/** `n` tasks of mixed status and type, one day apart, newest first. */
export function makeTasks(n: number, now = Date.UTC(2026, 11, 1)): Task[] {
  const types = ['sys_data_analyse', 'sys_data_cleaning', 'sys_data_augmentation', 'sys_data_validation', 'sys_data_selection'];
  return Array.from({ length: n }, (_, i) => ({
    task_id: `Tsk${String(i).padStart(16, '0')}`,
    name: `task-${i}`,
    status: i % 5,
    create_time: now - i * 86_400_000,
    template: { id: types[i % types.length]! },
  }));
}

export async function startTasksServer(options: TasksServerOptions = {}): Promise<TasksServer> {
  const tasks = new Map((options.tasks ?? []).map((t) => [t.task_id, t]));
  const requests: RecordedRequest[] = [];
  const polls = new Map<string, number>();
  const sockets = new Set<Socket>();

  const answer = (method: string, path: string, query: URLSearchParams): { status: number; body: unknown } => {
    const list = /^\/v2\/[0-9a-z]{32}\/processor-tasks$/.exec(path);
    const one = /^\/v2\/[0-9a-z]{32}\/processor-tasks\/([^/]+)$/.exec(path);
    if (list && method === 'GET') {
      const limit = Number(query.get('limit') ?? 10);
      const page = Number(query.get('offset') ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(page) || page < 0) {
        return { status: 400, body: { error_code: 'ModelArts.0101', error_msg: 'Invalid request parameter.' } };
      }
      const status = query.get('status');
      const type = query.get('task_type');
      const matching = [...tasks.values()]
        .filter((t) => (status === null || t.status === Number(status)) && (type === null || t.template.id === type))
        .sort((a, b) => b.create_time - a.create_time);
      const at = options.paging === 'repeat' ? 0 : page;
      const count = options.paging === 'overcount' ? matching.length * 2 : matching.length;
      return { status: 200, body: { count, tasks: matching.slice(at * limit, at * limit + limit) } };
    }
    if (one && method === 'GET') {
      const id = decodeURIComponent(one[1]!);
      const n = (polls.get(id) ?? 0) + 1;
      polls.set(id, n);
      const scripted = options.describe?.(id, n);
      if (scripted) return scripted;
      const task = tasks.get(id);
      return task ? { status: 200, body: task } : notFound;
    }
    if (one && method === 'DELETE') {
      const id = decodeURIComponent(one[1]!);
      return tasks.delete(id) ? { status: 200, body: {} } : notFound;
    }
    return { status: 404, body: { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' } };
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams });
    req.resume();
    req.on('end', () => {
      const { status, body } = answer(req.method ?? 'GET', url.pathname, url.searchParams);
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `tasks-${requests.length}` });
      res.end(text);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    ids: () => [...tasks.keys()],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
