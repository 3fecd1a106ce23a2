// The package build: `npm run build` writes dist/.
//  - dist/index.js + index.d.ts (ESM) and dist/index.cjs + index.d.cts (CommonJS) from src/index.ts;
//    generated/ is bundled in, the runtime dependencies (openapi-fetch, ...) stay external.
//  - dist/cli.js (ESM, with a shebang) from src/cli/main.ts, the `modelarts-tasks` bin.
import { defineConfig, type Options } from 'tsup';

const shared = {
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  splitting: false,
  treeshake: true,
  shims: false,
  removeNodeProtocol: false,
  // Everything in "dependencies" is external by default; say it explicitly for the ones we use.
  external: ['openapi-fetch', 'commander', 'cli-progress'],
} satisfies Options;

const configs: Options[] = [
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
  },
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
];

export default defineConfig(configs);
