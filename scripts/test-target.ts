// Runs one target's test suite (`npm run test:python`, `npm run test:go`) against the Prism
// mock, started here on a free port, or against MODELARTS_TEST_BASE_URL when that is set
// (e.g. the stateful emulator). The suite reads the mock's URL from MODELARTS_TEST_BASE_URL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startMock, type MockServer } from './mock-server.ts';
import { isMain, root } from './paths.ts';
import { ensureVenv, INSTALL_PACKAGE, venvBin, venvEnv } from './targets/python.ts';

type Step = { cmd: string; args: string[]; cwd: string; env?: NodeJS.ProcessEnv };

async function steps(target: string): Promise<Step[]> {
  switch (target) {
    case 'python': {
      await ensureVenv();
      const env = venvEnv();
      return [
        // The suite imports the installed package, so every run proves the install works.
        { cmd: venvBin('python'), args: INSTALL_PACKAGE, cwd: root, env },
        { cmd: venvBin('ruff'), args: ['check', '--quiet', 'python'], cwd: root, env },
        { cmd: venvBin('ruff'), args: ['format', '--check', '--quiet', 'python'], cwd: root, env },
        { cmd: venvBin('pytest'), args: ['-q', 'python/tests'], cwd: root, env },
      ];
    }
    case 'go':
      return [
        { cmd: 'sh', args: ['-c', 'out=$(gofmt -l .); [ -z "$out" ] || { echo "not gofmt-formatted: $out"; exit 1; }'], cwd: join(root, 'go') },
        { cmd: 'go', args: ['vet', './...'], cwd: join(root, 'go') },
        { cmd: 'go', args: ['test', '-count=1', './...'], cwd: join(root, 'go') },
      ];
    default:
      throw new Error(`unknown target ${target}: python or go`);
  }
}

function exec(step: Step, baseUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(step.cmd, step.args, {
      cwd: step.cwd,
      env: { ...(step.env ?? process.env), MODELARTS_TEST_BASE_URL: baseUrl },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runTarget(target: string): Promise<number> {
  const plan = await steps(target);
  const given = process.env.MODELARTS_TEST_BASE_URL;
  let mock: MockServer | undefined;
  try {
    if (!given) mock = await startMock({ logLevel: 'silent' });
    const baseUrl = given ?? mock!.url;
    for (const step of plan) {
      const code = await exec(step, baseUrl);
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    await mock?.close();
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = await runTarget(process.argv[2] ?? '');
}
