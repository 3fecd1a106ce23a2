// The targets generated beside the TypeScript client, each from the bundled spec: the shared
// signing vectors and region table, the Python client and the Go client. generate.ts calls this once the spec
// is bundled into `outDir`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MODELARTS_REGIONS, regionEndpoint } from '../../src/endpoints.ts';
import { renderSigningVectors } from '../signing-vectors.ts';
import { generateGo } from './go.ts';
import { generatePython } from './python.ts';

export async function generateTargets(outDir: string, note: string): Promise<string[]> {
  const spec = join(outDir, 'openapi.json');
  await writeFile(join(outDir, 'signing-vectors.json'), renderSigningVectors(note));
  // The region table as the TypeScript client resolves it, for the other targets' tests.
  const regions = Object.fromEntries(MODELARTS_REGIONS.map((r) => [r, regionEndpoint(r, {})]));
  await writeFile(join(outDir, 'regions.json'), `${JSON.stringify({ 'x-generated': note, regions }, null, 2)}\n`);
  // Independent: the two generators run side by side.
  const [python, go] = await Promise.all([generatePython(outDir, spec, note), generateGo(outDir, spec, note)]);
  return ['signing-vectors.json', 'regions.json', ...python, ...go];
}
