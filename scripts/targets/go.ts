// The Go target: oapi-codegen, pinned by go/tools/go.mod and go.sum, built once into .cache/
// (keyed by those files and the Go version), writes the generated package into generated/go/.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../paths.ts';

const run = promisify(execFile);
const TOOLS = join(root, 'go/tools');
const GENERATOR = 'github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen';
export const GO_MODULE = 'modelarts-processor-tasks/generated/go';

let built: Promise<string> | undefined;

/** The oapi-codegen binary, built on first use and then reused from .cache/. */
export function oapiCodegen(): Promise<string> {
  built ??= (async () => {
    const { stdout: goVersion } = await run('go', ['env', 'GOVERSION']);
    const key = createHash('sha256')
      .update(await readFile(join(TOOLS, 'go.mod')))
      .update(await readFile(join(TOOLS, 'go.sum')))
      .update(goVersion)
      .digest('hex')
      .slice(0, 16);
    const binary = join(root, '.cache/oapi-codegen', key, 'oapi-codegen');
    if (!existsSync(binary)) {
      console.error('go: building oapi-codegen into .cache/ (once)');
      await run('go', ['build', '-o', binary, GENERATOR], { cwd: TOOLS, env: { ...process.env, GOFLAGS: '-mod=readonly' } });
    }
    return binary;
  })();
  return built;
}

/** The generated module's requirements, at the versions go/go.mod pins. */
async function generatedGoMod(note: string): Promise<string> {
  const mod = await readFile(join(root, 'go/go.mod'), 'utf8');
  const version = (path: string) => {
    const m = mod.match(new RegExp(`^\\s*${path.replace(/[./]/g, '\\$&')} (v\\S+)`, 'm'));
    if (!m) throw new Error(`go/go.mod does not require ${path}`);
    return m[1];
  };
  const deps = ['github.com/getkin/kin-openapi', 'github.com/oapi-codegen/runtime'];
  return `// ${note}\nmodule ${GO_MODULE}\n\ngo 1.26.0\n\nrequire (\n${deps.map((d) => `\t${d} ${version(d)}\n`).join('')})\n`;
}

/** Writes generated/go/ (the package and its go.mod) from the bundled spec at `specPath`. */
export async function generateGo(outDir: string, specPath: string, note: string): Promise<string[]> {
  const binary = await oapiCodegen();
  const dir = join(outDir, 'go');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    await run(binary, ['-config', join(root, 'go/oapi-codegen.yaml'), '-o', join(dir, 'processortasks.gen.go'), specPath], {
      cwd: dir,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`oapi-codegen failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
  await writeFile(join(dir, 'go.mod'), await generatedGoMod(note));
  return ['go/'];
}
