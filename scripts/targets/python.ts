// The Python target: the development venv (.venv/, built from python/requirements-dev.txt
// and rebuilt when that file or the interpreter changes), and the client generated into
// generated/python/ by openapi-python-client.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../paths.ts';

const run = promisify(execFile);
export const VENV = join(root, '.venv');
const REQUIREMENTS = join(root, 'python/requirements-dev.txt');
const STAMP = join(VENV, '.requirements.sha256');
export const venvBin = (name: string) => join(VENV, 'bin', name);
export const PACKAGE = 'modelarts_processor_tasks_client';

async function interpreter(): Promise<{ path: string; version: string }> {
  for (const candidate of ['python3.11', 'python3']) {
    try {
      const { stdout } = await run(candidate, ['-c', 'import sys; print(sys.executable); print(sys.version)']);
      const [path, version] = stdout.split('\n');
      if (path && version && /^3\.(1[1-9]|[2-9]\d)\./.test(version)) return { path, version };
    } catch {
      // try the next name
    }
  }
  throw new Error('Python 3.11 or later is needed for the Python target (python3.11 or python3 on PATH)');
}

let ready: Promise<void> | undefined;

/** Creates .venv/ from the pinned requirements when it is missing or stale. Once per process. */
export function ensureVenv(): Promise<void> {
  ready ??= (async () => {
    const python = await interpreter();
    const want = createHash('sha256').update(await readFile(REQUIREMENTS)).update(python.version).update(VENV).digest('hex');
    const have = existsSync(STAMP) ? (await readFile(STAMP, 'utf8')).trim() : '';
    if (have === want) return;
    console.error(`python: creating ${VENV} from python/requirements-dev.txt`);
    await rm(VENV, { recursive: true, force: true });
    await run(python.path, ['-m', 'venv', VENV]);
    await run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS], {
      maxBuffer: 16 * 1024 * 1024,
    });
    await writeFile(STAMP, `${want}\n`);
  })();
  return ready;
}

export function venvEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${join(VENV, 'bin')}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: VENV, ...extra };
}

export const PYTHON_NOTE = (note: string) =>
  `# Generated Python client\n\n${note}\nWritten by openapi-python-client (version pinned in python/requirements-dev.txt) from\n` +
  '`generated/openapi.json`, with python/openapi-python-client.yaml. The hand-written layer is in\n`python/`; both install together with `pip install ./python`.\n';

/** Writes generated/python/ (the package and a note) from the bundled spec at `specPath`. */
export async function generatePython(outDir: string, specPath: string, note: string): Promise<string[]> {
  await ensureVenv();
  const dir = join(outDir, 'python');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const target = join(dir, PACKAGE);
  try {
    await run(
      venvBin('openapi-python-client'),
      ['generate', '--path', specPath, '--config', join(root, 'python/openapi-python-client.yaml'), '--meta', 'none', '--output-path', target],
      { cwd: dir, env: venvEnv({ NO_COLOR: '1', TERM: 'dumb' }), maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`openapi-python-client failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
  await writeFile(join(dir, 'README.md'), PYTHON_NOTE(note));
  return ['python/'];
}
