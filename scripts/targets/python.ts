// The Python target: the development venv (.venv/, built from python/requirements-dev.txt
// and rebuilt when that file or the interpreter changes), and the client generated into
// generated/python/ by openapi-python-client.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../paths.ts';
import { pythonVenv } from '../venv.ts';

const run = promisify(execFile);
const dev = pythonVenv(join(root, '.venv'), join(root, 'python/requirements-dev.txt'));
export const venvBin = dev.bin;
export const PACKAGE = 'modelarts_processor_tasks_client';

/** Creates .venv/ from the pinned requirements when it is missing or stale. Once per process. */
export const ensureVenv = dev.ensure;
export const venvEnv = dev.env;

/** pip's arguments that install ./python (with the generated client and spec) into .venv/, offline. */
export const INSTALL_PACKAGE = ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--no-build-isolation', '--no-index', '--force-reinstall', './python'];

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
