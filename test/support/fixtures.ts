// Shared test inputs: ids in the documented formats, and the bundled spec.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/paths.ts';

export const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
export const TASK_ID = 'SNEJua7qdZZN8GvkcEr';
export const VERSION_ID = 'qSaudx2sbPvthHygckA';

export type Json = Record<string, any>;

export function loadBundledSpec(): Json {
  return JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')) as Json;
}

/** Follows local `#/...` references of the bundled spec. */
export function deref(spec: Json, node: Json): Json {
  let current = node;
  while (typeof current?.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce((obj: Json, key: string) => obj[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

/**
 * Every documented (status, example name, example value) of an operation. A response without
 * content (DeleteProcessorTaskVersion's 204) has no example and is not listed.
 */
export function documentedExamples(spec: Json, path: string, method: string) {
  const op = spec.paths[path][method];
  const out: { status: number; name: string; value: Json }[] = [];
  for (const [status, raw] of Object.entries(op.responses as Json)) {
    const response = deref(spec, raw as Json);
    for (const [name, ex] of Object.entries((response.content?.['application/json']?.examples ?? {}) as Json)) {
      out.push({ status: Number(status), name, value: deref(spec, ex as Json).value });
    }
  }
  return out;
}
