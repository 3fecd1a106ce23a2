// A Python virtual environment built on demand from one pinned requirements file, and rebuilt
// when that file, the interpreter or the venv's place changes. The Python target's .venv/ and
// the Schemathesis venv of the contract-fuzzing test are two of these.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { root } from './paths.ts';

const run = promisify(execFile);

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
  throw new Error('Python 3.11 or later is needed (python3.11 or python3 on PATH)');
}

export interface Venv {
  dir: string;
  bin(name: string): string;
  /** Creates the venv when it is missing or stale. Once per process. */
  ensure(): Promise<void>;
  /** The environment of a process that runs inside the venv. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

export function pythonVenv(dir: string, requirements: string): Venv {
  const stamp = join(dir, '.requirements.sha256');
  let ready: Promise<void> | undefined;
  return {
    dir,
    bin: (name) => join(dir, 'bin', name),
    ensure() {
      ready ??= (async () => {
        const python = await interpreter();
        const want = createHash('sha256').update(await readFile(requirements)).update(python.version).update(dir).digest('hex');
        const have = existsSync(stamp) ? (await readFile(stamp, 'utf8')).trim() : '';
        if (have === want) return;
        console.error(`python: creating ${relative(root, dir)}/ from ${relative(root, requirements)}`);
        await rm(dir, { recursive: true, force: true });
        await run(python.path, ['-m', 'venv', dir]);
        await run(join(dir, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements], {
          maxBuffer: 16 * 1024 * 1024,
        });
        await writeFile(stamp, `${want}\n`);
      })();
      return ready;
    },
    env: (extra = {}) => ({ ...process.env, PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: dir, ...extra }),
  };
}
