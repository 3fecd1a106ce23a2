// B7: paging throughput. A 10,000-task listing (100 pages of 100 tasks, each task shaped as
// the spec's Describe example) served from memory by an in-process loopback server, read
// through the paginator (`client.listProcessorTasksAll`) and by raw fetch of the very same
// pages (fetch, res.json(), walk the tasks), paired within each iteration as B1 does. The
// ratio is the paginator's time over raw fetch's for the whole listing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createProcessorTasksClient } from '../src/index.ts';
import { fmt, runPaired, type Spread } from './lib.ts';

const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
export const TASKS = 10_000;
const PAGE = 100;

export interface B7Result {
  tasks: number;
  pageSize: number;
  pageBytes: number;
  iterations: number;
  /** ms per full listing. */
  latency: Record<string, Spread>;
  /** Paginator time over raw fetch time, per iteration. */
  ratio: Spread;
  tasksPerSecond: Record<string, number>;
}

function task(i: number) {
  return {
    task_id: `Tsk${String(i).padStart(16, '0')}`,
    name: `V${String(i).padStart(3, '0')}`,
    data_source: { type: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu' },
    inputs: [{ type: 'DATASET', source: 'X6c3N3eztX7cr3Arvqu' }],
    template: {
      id: 'sys_data_analyse',
      name: 'data analyse template name',
      operator_params: [
        {
          id: 'sys_data_analyse',
          params: {
            op_list: [],
            task_type: 'image_classification',
            manifest_path: 's3://test-obs/classify/output/dataset-3026-X6c3N3eztX7cr3Arvqu/annotation/V001/V001.manifest',
            file_path: 's3://test-obs/classify/output/dataset-3026-X6c3N3eztX7cr3Arvqu/annotation/evaluation/V001',
            is_normed: false,
          },
        },
      ],
    },
    status: i % 5,
    duration_seconds: 11,
    create_time: 1606372570023 + i,
    version_id: 'J4Eh2FDEWH1qnDlD3hQ',
    version_name: 'V001',
    is_current: true,
  };
}

async function pageServer(): Promise<{ origin: string; pageBytes: number; close(): Promise<void> }> {
  const all = Array.from({ length: TASKS }, (_, i) => task(i));
  const pages = Array.from({ length: TASKS / PAGE }, (_, p) => Buffer.from(JSON.stringify({ count: TASKS, tasks: all.slice(p * PAGE, p * PAGE + PAGE) })));
  const empty = Buffer.from(JSON.stringify({ count: TASKS, tasks: [] }));
  const server: Server = createServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset') ?? 0);
    const body = pages[page] ?? empty;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'x-request-id': 'bench-page' });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pageBytes: pages[0]!.length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export async function runB7(options: { time?: number; log?: (s: string) => void } = {}): Promise<B7Result> {
  const server = await pageServer();
  try {
    const client = createProcessorTasksClient({ endpoint: server.origin, credentials: { token: 'bench-token' }, projectId: PROJECT_ID });
    const headers = { 'x-auth-token': 'bench-token', 'user-agent': 'bench' };
    const paginator = async () => {
      let n = 0;
      for await (const t of client.listProcessorTasksAll({ limit: PAGE })) if (t.task_id) n++;
      if (n !== TASKS) throw new Error(`paginator listed ${n}`);
    };
    const rawFetch = async () => {
      let n = 0;
      for (let page = 0; n < TASKS; page++) {
        const res = await fetch(`${server.origin}/v2/${PROJECT_ID}/processor-tasks?limit=${PAGE}&offset=${page}`, { headers });
        const data = (await res.json()) as { tasks: { task_id?: string }[] };
        if (data.tasks.length === 0) break;
        for (const t of data.tasks) if (t.task_id) n++;
      }
      if (n !== TASKS) throw new Error(`raw fetch listed ${n}`);
    };
    options.log?.(`B7: ${TASKS} tasks, pages of ${PAGE} (${fmt.kb(server.pageBytes)} each)`);
    const r = await runPaired({ paginator, 'raw fetch': rawFetch }, [['paginator', 'raw fetch']], { time: options.time ?? 15_000, warmupTime: 1_000 });
    return {
      tasks: TASKS,
      pageSize: PAGE,
      pageBytes: server.pageBytes,
      iterations: r.iterations,
      latency: r.latency,
      ratio: r.ratio['paginator / raw fetch']!,
      tasksPerSecond: Object.fromEntries(Object.entries(r.latency).map(([k, v]) => [k, TASKS / (v.median / 1000)])),
    };
  } finally {
    await server.close();
  }
}

export function printB7(r: B7Result): string {
  return [
    `B7 paging: ${r.tasks} tasks in pages of ${r.pageSize} (${fmt.kb(r.pageBytes)} per page), ${r.iterations} paired iterations`,
    ...Object.entries(r.latency).map(([k, v]) => `  ${k}: ${fmt.ms(v.median)} per listing (p25–p75 ${fmt.ms(v.p25)}–${fmt.ms(v.p75)}), ${Math.round(r.tasksPerSecond[k]!).toLocaleString('en-US')} tasks/s`),
    `  paginator / raw fetch: ${fmt.x(r.ratio.median)} (p25–p75 ${r.ratio.p25.toFixed(2)}–${r.ratio.p75.toFixed(2)})`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(printB7(await runB7({ log: console.log })));
}
