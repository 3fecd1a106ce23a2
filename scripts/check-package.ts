// `npm run check:package`: builds dist/, packs the package once into a temporary folder and
// checks the tarball with publint (strict: warnings fail too) and @arethetypeswrong/cli
// (settings in .attw.json). test/package.test.ts uses the same helpers.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isMain, root } from './paths.ts';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (name: string) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

export interface PackedFile {
  path: string;
  size: number;
}

export interface Packed {
  tarball: string;
  version: string;
  files: PackedFile[];
  size: number;
  unpackedSize: number;
}

/** `npm run build`: dist/ from the current sources. */
export async function build(): Promise<void> {
  await run(npm, ['run', '-s', 'build'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
}

/** `npm pack` of the already built package into `destination`; lifecycle scripts are not run again. */
export async function pack(destination: string): Promise<Packed> {
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout) as { filename: string; version: string; files: PackedFile[]; size: number; unpackedSize: number }[];
  if (!info) throw new Error(`npm pack printed no package: ${stdout}`);
  return { tarball: join(destination, info.filename), version: info.version, files: info.files, size: info.size, unpackedSize: info.unpackedSize };
}

export interface CheckResult {
  tool: string;
  ok: boolean;
  output: string;
}

async function tool(name: string, args: string[]): Promise<CheckResult> {
  try {
    const { stdout, stderr } = await run(bin(name), args, {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { tool: name, ok: true, output: `${stdout}${stderr}`.trim() };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { tool: name, ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message };
  }
}

/** publint (strict) and attw on a packed tarball. */
export async function lintTarball(tarball: string): Promise<CheckResult[]> {
  return Promise.all([
    tool('publint', ['run', tarball, '--strict']),
    tool('attw', [tarball, '--format', 'table-flipped', '--no-emoji', '--no-color']),
  ]);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'check-package-'));
  try {
    await build();
    const packed = await pack(dir);
    console.log(`packed ${packed.files.length} files, ${packed.size} bytes (${packed.unpackedSize} unpacked)`);
    const results = await lintTarball(packed.tarball);
    for (const r of results) console.log(`\n== ${r.tool}: ${r.ok ? 'ok' : 'FAILED'}\n${r.output}`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
