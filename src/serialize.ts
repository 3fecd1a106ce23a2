// Serialisation of a checked input: the path template filled in, the query string, the JSON
// body. Only checked copies come here (src/validate.ts), so every value is already of the
// type the spec says; encoding is RFC 3986 (encodeURIComponent), which is also what the
// signer's canonical form expects, so the bytes signed are the bytes sent.
import { PARAMETERS, type CheckedInput, type OperationRule } from './validate.ts';

/** The path with its parameters filled in, each percent-encoded. */
export function fillPath(template: string, path: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(path[name]!));
}

function scalar(value: unknown): string {
  return encodeURIComponent(typeof value === 'string' ? value : String(value));
}

/** `?a=1&b=x%2Cy`, in the spec's parameter order, or '' when nothing is set. */
export function queryString(op: OperationRule, query: Record<string, unknown>): string {
  let out = '';
  for (const key of op.params) {
    const p = PARAMETERS[key]!;
    if (p.in !== 'query') continue;
    const value = query[p.name];
    if (value === undefined) continue;
    const name = encodeURIComponent(p.name);
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      // style form: exploded, one pair per value; not exploded, one comma-joined value (the
      // reference's example sends the comma encoded, as %2C).
      const explode = p.explode !== false;
      out += explode ? value.map((v) => `&${name}=${scalar(v)}`).join('') : `&${name}=${scalar(value.map(String).join(','))}`;
    } else {
      out += `&${name}=${scalar(value)}`;
    }
  }
  return out === '' ? '' : `?${out.slice(1)}`;
}

/** The JSON body as bytes, or undefined when there is none. */
export function jsonBody(checked: CheckedInput): Uint8Array | undefined {
  return checked.body === undefined ? undefined : Buffer.from(JSON.stringify(checked.body), 'utf8');
}
