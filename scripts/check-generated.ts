// Fails when generated/ is not exactly what the spec produces, printing a readable diff.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { generate } from './generate.ts';
import { root } from './paths.ts';

const run = promisify(execFile);
const committedDir = join(root, 'generated');
// The docs page is one 2.5 MB minified line: a diff of it would bury everything else.
const DIFF_LIMIT = 256 * 1024;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  // Python's bytecode caches appear wherever the generated client is imported from; never committed.
  return entries
    .filter((e) => e.isFile() && !e.parentPath.split(/[\\/]/).includes('__pycache__'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function unifiedDiff(a: string, b: string): Promise<string> {
  try {
    await run('diff', ['-u', a, b], { maxBuffer: 64 * 1024 * 1024 });
    return '';
  } catch (err) {
    return (err as { stdout?: string }).stdout ?? String(err);
  }
}

const fresh = await mkdtemp(join(tmpdir(), 'modelarts-generated-'));
try {
  await generate(fresh);
  const [want, have] = await Promise.all([listFiles(fresh), listFiles(committedDir)]);
  const problems: string[] = [];
  for (const name of want.filter((n) => !have.includes(n))) problems.push(`missing: generated/${name}`);
  for (const name of have.filter((n) => !want.includes(n))) problems.push(`not produced by the spec: generated/${name}`);
  for (const name of want.filter((n) => have.includes(n))) {
    const [a, b] = [join(committedDir, name), join(fresh, name)];
    const [ta, tb] = await Promise.all([readFile(a, 'utf8'), readFile(b, 'utf8')]);
    if (ta === tb) continue;
    problems.push(
      ta.length + tb.length > DIFF_LIMIT
        ? `differs: generated/${name} (${ta.length} bytes committed, ${tb.length} expected)`
        : `differs: generated/${name}\n${await unifiedDiff(a, b)}`,
    );
  }
  if (problems.length > 0) {
    console.error(`generated/ is out of date with openapi/. Run \`npm run generate\` and commit.\n`);
    console.error(problems.join('\n'));
    process.exitCode = 1;
  } else {
    console.log(`generated/ matches openapi/ (${want.length} files)`);
  }
} finally {
  await rm(fresh, { recursive: true, force: true });
}
