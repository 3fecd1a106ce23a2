// Compiles a folder of generated TypeScript as a consumer's strict project would, through
// the TypeScript compiler API (one in-process program instead of a `tsc` process per client).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * A consumer's strict settings, the project's own (tsconfig.json) among them. No `@types`:
 * a generated fetch client must not need Node's typings, only the standard and DOM libraries.
 */
const CONSUMER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  types: [],
  noEmitOnError: true,
};

/**
 * Type-checks `entry` and everything it imports, and emits JavaScript under `dir/out`.
 * Returns the diagnostics, one formatted line each (empty when it compiles).
 */
export function compileTypeScript(dir: string, entry: string): string[] {
  // ESM output: the emitted `.js` files must load as modules.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const program = ts.createProgram({ rootNames: [join(dir, entry)], options: { ...CONSUMER_OPTIONS, rootDir: dir, outDir: join(dir, 'out') } });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
  return diagnostics.map((d) => ts.formatDiagnostic(d, host).trim());
}
