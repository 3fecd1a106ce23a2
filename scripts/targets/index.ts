// The targets generated beside the TypeScript client, each from the bundled spec: the shared
// signing vectors, the Python client and the Go client. generate.ts calls this once the spec
// is bundled into `outDir`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderSigningVectors } from '../signing-vectors.ts';
import { generateGo } from './go.ts';
import { generatePython } from './python.ts';

export async function generateTargets(outDir: string, note: string): Promise<string[]> {
  const spec = join(outDir, 'openapi.json');
  await writeFile(join(outDir, 'signing-vectors.json'), renderSigningVectors(note));
  // Independent: the two generators run side by side.
  const [python, go] = await Promise.all([generatePython(outDir, spec, note), generateGo(outDir, spec, note)]);
  return ['signing-vectors.json', ...python, ...go];
}
