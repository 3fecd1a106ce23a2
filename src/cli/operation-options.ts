// Command-line flags derived from the spec, so that a command mapping one operation gets its
// options from the generated tables, not from a hand-written list: each query parameter and
// each top-level scalar field of the JSON body becomes `--kebab-name`, its type picks the
// parser (integer, boolean `true|false`, comma-separated list), its enum the choices, its
// description the help, its default the "(service default: …)" note. Checks beyond the type
// (ranges, patterns) are the client's, which reports the flag by name through `flagOf`.
import { InvalidArgumentError, Option } from 'commander';
import type { OperationId } from '../../generated/client.ts';
import { operationDocs } from '../../generated/operation-docs.ts';
import { OPERATIONS, PARAMETERS } from '../validate.ts';

export interface DerivedOption {
  option: Option;
  /** Where the value goes: a typed input field, or a top-level body field. */
  target: 'input' | 'body';
  /** The input field (camelCase) or the body field (wire name). */
  field: string;
}

const kebab = (name: string) => name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The text without its parenthesised source notes ("(OTC ...; Huawei ...)"): the spec keeps them, a help line need not. */
function withoutSources(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      const group = text.slice(i, j + 1);
      if (/\b(OTC|Huawei|seed|inferred)\b/.test(group)) {
        out = out.replace(/\s+$/, '');
        i = j;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

/** The first sentence of a description, as plain text. */
function helpOf(description: string): string {
  const plain = withoutSources(description.replace(/`/g, '').replace(/\*\*?/g, '')).replace(/\s+/g, ' ').trim();
  const end = plain.search(/\.(\s|$)/);
  return end < 0 ? plain : plain.slice(0, end + 1);
}

function parserFor(type: string | undefined, itemType?: string): ((value: string) => unknown) | undefined {
  switch (type) {
    case 'integer':
      return (v) => {
        if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('must be an integer');
        return Number(v);
      };
    case 'number':
      return (v) => {
        if (v.trim() === '' || !Number.isFinite(Number(v))) throw new InvalidArgumentError('must be a number');
        return Number(v);
      };
    case 'boolean':
      return (v) => {
        if (v !== 'true' && v !== 'false') throw new InvalidArgumentError('must be true or false');
        return v === 'true';
      };
    case 'array': {
      const item = parserFor(itemType);
      return (v) => v.split(',').map((x) => x.trim()).filter(Boolean).map((x) => (item ? item(x) : x));
    }
    default:
      return undefined;
  }
}

function build(flag: string, valueName: string, help: string, type: string | undefined, choices: unknown[] | undefined, itemType?: string): Option {
  const option = new Option(`--${flag} <${valueName}>`, help);
  if (choices && choices.length > 0 && type !== 'array') option.choices(choices.map(String));
  const parse = parserFor(type, itemType);
  if (parse) option.argParser((value: string) => parse(value));
  return option;
}

/** Flags for the query parameters of `id` (all but `except`, by wire name). */
export function queryOptions(id: OperationId, except: readonly string[] = []): DerivedOption[] {
  const docs = operationDocs[id].parameters as Record<string, { description: string; default?: unknown; enum?: unknown[]; type?: string }>;
  const out: DerivedOption[] = [];
  for (const key of OPERATIONS[id].params) {
    const p = PARAMETERS[key]!;
    if (p.in !== 'query' || except.includes(p.name)) continue;
    const doc = docs[p.name];
    const type = p.schema.type ?? doc?.type;
    const itemType = p.schema.items?.type;
    const note = doc?.default !== undefined ? ` (service default: ${String(doc.default)})` : '';
    const valueName = type === 'boolean' ? 'true|false' : type === 'array' ? 'a,b,...' : type === 'integer' ? 'n' : 'value';
    const option = build(kebab(p.name), valueName, helpOf(doc?.description ?? '') + note, type, doc?.enum, itemType);
    out.push({ option, target: 'input', field: p.field });
  }
  return out;
}

/** Flags for the top-level scalar fields of `id`'s JSON body (objects and lists come from a file). */
export function bodyOptions(id: OperationId): DerivedOption[] {
  const body = (operationDocs[id] as { body?: { properties: Record<string, { type?: string; description: string; enum?: unknown[] }> } }).body;
  const out: DerivedOption[] = [];
  for (const [name, prop] of Object.entries(body?.properties ?? {})) {
    if (prop.type === 'object' || prop.type === 'array') continue;
    const valueName = prop.type === 'boolean' ? 'true|false' : prop.type === 'integer' ? 'n' : 'text';
    out.push({ option: build(kebab(name), valueName, helpOf(prop.description), prop.type, prop.enum), target: 'body', field: name });
  }
  return out;
}

/** The values of the derived flags that were given: typed input fields and body fields. */
export function collect(derived: readonly DerivedOption[], values: Record<string, unknown>): { input: Record<string, unknown>; body: Record<string, unknown> } {
  const input: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const d of derived) {
    const value = values[d.option.attributeName()];
    if (value === undefined) continue;
    (d.target === 'input' ? input : body)[d.field] = value;
  }
  return { input, body };
}

/** The flag that sets a client input field (for errors such as "sortBy: ..."), when one does. */
export function flagOf(derived: readonly DerivedOption[], field: string): string | undefined {
  const bodyField = field.startsWith('body.') ? field.slice('body.'.length) : undefined;
  const hit = derived.find((d) => (d.target === 'input' ? d.field === field : d.field === bodyField));
  return hit?.option.long;
}
