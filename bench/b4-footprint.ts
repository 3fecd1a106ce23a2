// B4: footprint. The installed production closure (package count, bytes on disk) of what the
// client entry imports, of the CLI's extra dependencies, and of @huaweicloud/huaweicloud-sdk-core;
// and each entry bundled with esbuild (platform node, format esm, minify, only node builtins
// external), minified and gzipped (level 9). Sizes are apparent file sizes (what npm calls
// "unpacked size"), summed over each package's files, its own nested node_modules excluded
// (those packages are counted on their own).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { GENERATED_NOTE } from '../scripts/generate.ts';
import { renderClientModule } from '../scripts/render-client.ts';
import { fmt, ROOT } from './lib.ts';

export interface Closure {
  roots: string[];
  packages: { name: string; version: string; bytes: number; files: number }[];
  count: number;
  bytes: number;
}

export interface BundleSize {
  entry: string;
  minBytes: number;
  gzipBytes: number;
  /** npm packages whose code ended up in the bundle. */
  packagesBundled: string[];
  /** Minified bytes each input contributes, largest first (the 25 largest). */
  inputs: { path: string; minBytes: number }[];
  warnings: number;
}

export interface ModuleSize {
  path: string;
  minBytes: number;
  /** The module minified alone (imports external) and gzipped alone: a share, not additive. */
  gzipBytes: number;
}

/** The client entry bundled with a generated client of the first `operations` operations of the spec. */
export interface OperationCost {
  operations: number;
  gzipBytes: number;
  minBytes: number;
}

export interface B4Result {
  /**
   * Bundle size against the number of operations in the spec: the client entry bundled with
   * generated/client.ts rendered from the bundled spec cut to its first k operations, k = 1…all,
   * and the least-squares slope: what one more operation costs, min+gzip.
   */
  perOperation: { points: OperationCost[]; gzipBytesPerOperation: number; minBytesPerOperation: number };
  client: {
    bundle: BundleSize;
    /** Our code only (openapi-fetch external), and openapi-fetch only. */
    split: { ownCode: BundleSize; openapiFetch: BundleSize };
    /** Each bundled module minified and gzipped on its own. */
    perModule: ModuleSize[];
    /** Only `createProcessorTasksClient` imported: what esbuild's tree shaking leaves. */
    clientOnlyBundle: BundleSize;
    runtimeDependencies: string[];
    installed: Closure;
  };
  cli: { installed: Closure; commander: Closure; cliProgress: Closure };
  allProductionDependencies: Closure;
  officialSdkCore: {
    /** The package's main entry (credentials and regions only). */
    bundle: BundleSize;
    /** What a generated service client imports: the main entry, ClientBuilder and HcClient (axios). */
    clientBundle: BundleSize;
    installed: Closure;
  };
}

function findPackageDir(name: string, from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' && dir !== '') {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = dirSize(path);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Every installed package reachable through `dependencies` (and installed optional ones). */
export function closure(roots: string[], from: string = ROOT): Closure {
  const seen = new Map<string, Closure['packages'][number]>();
  const visit = (name: string, base: string, optional: boolean) => {
    const dir = findPackageDir(name, base);
    if (!dir) {
      if (optional) return;
      throw new Error(`not installed: ${name} (from ${relative(ROOT, base) || '.'})`);
    }
    if (seen.has(dir)) return;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    seen.set(dir, { name: pkg.name, version: pkg.version, ...dirSize(dir) });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const root of roots) visit(root, from, false);
  const packages = [...seen.values()].sort((a, b) => b.bytes - a.bytes);
  return { roots, packages, count: packages.length, bytes: packages.reduce((s, p) => s + p.bytes, 0) };
}

function packageOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const first = parts[i + 1];
  if (!first) return undefined;
  return first.startsWith('@') ? `${first}/${parts[i + 2]}` : first;
}

/** How every size here is measured: an ESM bundle for Node 20, minified, kept in memory. */
const MINIFIED_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  write: false,
  logLevel: 'silent',
} as const;

/** Bundles a file, or (`{ contents }`) a module text resolved from the project root. */
export async function bundleSize(entry: string | { name: string; contents: string }, external: string[] = []): Promise<BundleSize> {
  const result = await build({
    external,
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: ROOT, sourcefile: entry.name } }),
    ...MINIFIED_BUNDLE,
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .map(([path, v]) => ({ path, minBytes: v.bytesInOutput }))
    .filter((i) => i.minBytes > 0)
    .sort((a, b) => b.minBytes - a.minBytes);
  const packagesBundled = [
    ...new Set(Object.keys(result.metafile.inputs).map(packageOf).filter((p): p is string => p !== undefined)),
  ].sort();
  return {
    entry: typeof entry === 'string' ? relative(ROOT, entry).split(sep).join('/') : entry.name,
    minBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    packagesBundled,
    inputs: inputs.slice(0, 25),
    warnings: result.warnings.length,
  };
}

const OFFICIAL_CLIENT_ENTRY = [
  "export * from '@huaweicloud/huaweicloud-sdk-core';",
  "export { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';",
  "export { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';",
].join('\n');

/** One module minified with everything it imports left external. */
async function moduleSize(path: string): Promise<ModuleSize> {
  const result = await build({
    entryPoints: [join(ROOT, path)],
    ...MINIFIED_BUNDLE,
    plugins: [
      {
        name: 'only-this-module',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.contents;
  return { path, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return num / den;
}

/** The spec with only the first `k` operations (in operationId order, as the generator sorts them). */
function cutSpec(spec: Record<string, any>, k: number): Record<string, any> {
  const ops: [string, string, string][] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, any>)) {
    for (const method of ['get', 'put', 'post', 'delete']) if (item[method]) ops.push([item[method].operationId, path, method]);
  }
  const keep = new Set(ops.sort((a, b) => a[0].localeCompare(b[0])).slice(0, k).map(([id]) => id));
  const paths: Record<string, any> = {};
  for (const [path, item] of Object.entries(spec.paths as Record<string, any>)) {
    const copy: Record<string, any> = { ...item };
    for (const method of ['get', 'put', 'post', 'delete']) if (copy[method] && !keep.has(copy[method].operationId)) delete copy[method];
    if (['get', 'put', 'post', 'delete'].some((m) => copy[m])) paths[path] = copy;
  }
  return { ...spec, paths };
}

async function perOperation(): Promise<B4Result['perOperation']> {
  const spec = JSON.parse(readFileSync(join(ROOT, 'generated/openapi.json'), 'utf8')) as Record<string, any>;
  const total = Object.values(spec.paths as Record<string, any>).reduce((n, item) => n + ['get', 'put', 'post', 'delete'].filter((m) => item[m]).length, 0);
  const points: OperationCost[] = [];
  for (let k = 1; k <= total; k++) {
    const module = renderClientModule(cutSpec(spec, k), GENERATED_NOTE);
    const result = await build({
      entryPoints: [join(ROOT, 'src/index.ts')],
      ...MINIFIED_BUNDLE,
      plugins: [
        {
          name: 'generated-client-of-k-operations',
          setup(b) {
            b.onResolve({ filter: /generated[\\/]client\.ts$/ }, () => ({ path: 'client-k.ts', namespace: 'cut' }));
            b.onLoad({ filter: /.*/, namespace: 'cut' }, () => ({ contents: module, loader: 'ts', resolveDir: join(ROOT, 'generated') }));
          },
        },
      ],
    });
    const code = result.outputFiles[0]!.contents;
    points.push({ operations: k, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  }
  return {
    points,
    gzipBytesPerOperation: slope(points.map((p) => ({ x: p.operations, y: p.gzipBytes }))),
    minBytesPerOperation: slope(points.map((p) => ({ x: p.operations, y: p.minBytes }))),
  };
}

export async function runB4(): Promise<B4Result> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const clientBundle = await bundleSize(join(ROOT, 'src/index.ts'));
  const runtimeDependencies = clientBundle.packagesBundled;
  const cliRoots = Object.keys(pkg.dependencies).filter((d) => !runtimeDependencies.includes(d));
  const sdkEntry = createRequire(import.meta.url).resolve('@huaweicloud/huaweicloud-sdk-core');
  return {
    perOperation: await perOperation(),
    client: {
      bundle: clientBundle,
      split: {
        ownCode: await bundleSize(join(ROOT, 'src/index.ts'), ['openapi-fetch']),
        openapiFetch: await bundleSize({ name: 'openapi-fetch-entry.js', contents: "export { default } from 'openapi-fetch';" }),
      },
      perModule: await Promise.all(
        clientBundle.inputs.filter((i) => !i.path.includes('node_modules')).map((i) => moduleSize(i.path)),
      ),
      // (the client bundle has fewer than 25 inputs, so the list above is complete)
      clientOnlyBundle: await bundleSize({ name: 'client-only-entry.ts', contents: "export { createProcessorTasksClient } from './src/index.ts';" }),
      runtimeDependencies,
      installed: closure(runtimeDependencies),
    },
    cli: { installed: closure(cliRoots), commander: closure(['commander']), cliProgress: closure(['cli-progress']) },
    allProductionDependencies: closure(Object.keys(pkg.dependencies)),
    officialSdkCore: {
      bundle: await bundleSize(sdkEntry),
      clientBundle: await bundleSize({ name: 'official-client-entry.js', contents: OFFICIAL_CLIENT_ENTRY }),
      installed: closure(['@huaweicloud/huaweicloud-sdk-core']),
    },
  };
}

export function printB4(r: B4Result): string {
  const c = (x: Closure) => `${x.count} package(s), ${fmt.kb(x.bytes)} installed`;
  const b = (x: BundleSize) => `${fmt.kb(x.minBytes)} min, ${fmt.kb(x.gzipBytes)} min+gzip`;
  return [
    'B4 footprint',
    `  client entry (src/index.ts): runtime dependencies bundled: ${r.client.runtimeDependencies.join(', ') || 'none'}`,
    `    installed closure: ${c(r.client.installed)} (${r.client.installed.packages.map((p) => `${p.name}@${p.version}`).join(', ')})`,
    `    bundle: ${b(r.client.bundle)}; importing createProcessorTasksClient only: ${b(r.client.clientOnlyBundle)}`,
    `    split: our code ${b(r.client.split.ownCode)}; openapi-fetch alone ${b(r.client.split.openapiFetch)}`,
    `    per module (each minified and gzipped alone): ${r.client.perModule
      .slice()
      .sort((x, y) => y.gzipBytes - x.gzipBytes)
      .map((m) => `${m.path.replace(/^src\//, '')} ${fmt.kb(m.gzipBytes)}`)
      .join(', ')}`,
    `  per operation: ${fmt.kb(r.perOperation.gzipBytesPerOperation)} min+gzip (${fmt.kb(r.perOperation.minBytesPerOperation)} min) each, least squares over ` +
      `${r.perOperation.points.map((p) => `${p.operations}:${p.gzipBytes}`).join(' ')} (operations:bytes min+gzip)`,
    `  CLI-only dependencies: ${c(r.cli.installed)} (commander: ${c(r.cli.commander)}; cli-progress: ${c(r.cli.cliProgress)})`,
    `  all production dependencies: ${c(r.allProductionDependencies)}`,
    `  @huaweicloud/huaweicloud-sdk-core: ${c(r.officialSdkCore.installed)}`,
    `    main entry bundle: ${b(r.officialSdkCore.bundle)} (bundles ${r.officialSdkCore.bundle.packagesBundled.join(', ')})`,
    `    + ClientBuilder + HcClient (what a service client imports): ${b(r.officialSdkCore.clientBundle)} ` +
      `(${r.officialSdkCore.clientBundle.packagesBundled.length} packages bundled, ${r.officialSdkCore.clientBundle.warnings} esbuild warnings)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runB4();
  console.log(printB4(r));
  console.log(r.officialSdkCore.installed.packages.slice(0, 12).map((p) => `${p.name} ${fmt.kb(p.bytes)}`).join('\n'));
}
