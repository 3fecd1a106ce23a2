// Identifiers in the format of every published example: 19 ASCII letters and digits
// (Huawei publishes no format; *inferred* from examples, as the spec says).
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 19;

/** `pick(n)` returns an integer in [0, n): crypto by default, a seeded generator when seeding. */
export function newId(pick: (n: number) => number = randomInt): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[pick(ALPHABET.length)];
  return id;
}

/** A fresh X-Request-Id: 32 lowercase hex digits, the shape of the gateway's examples. */
export function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
