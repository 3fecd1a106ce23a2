// How a team would generate a fetch client from the published bundle with
// swagger-typescript-api. The suite calls `staOptions` with a temporary output folder
// (test/consumers-generators.test.ts); `npx tsx consumers/swagger-typescript-api.config.ts`
// writes the client under .tmp/.
import { join } from 'node:path';
import { generateApi, type GenerateApiParams } from 'swagger-typescript-api';
import { isMain, root } from '../scripts/paths.ts';

export function staOptions(input: string, output: string): GenerateApiParams {
  // The fetch HttpClient is written into the output file: no runtime dependency.
  // Union types for enums, not TypeScript `enum`s: a caller may pass the documented strings.
  return { input, output, fileName: 'index.ts', httpClientType: 'fetch', generateUnionEnums: true, silent: true };
}

// Absolute paths: a relative output is taken from the tool's own install folder.
if (isMain(import.meta.url)) await generateApi(staOptions(join(root, 'generated/openapi.json'), join(root, '.tmp/consumers/swagger-typescript-api')));
