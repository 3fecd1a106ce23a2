// The emulator's settings: their defaults, and the parsers that turn command-line text
// ("50ms", "10/s", "1mb") into numbers. Everything is checked here, once, so the server
// never meets a setting it cannot use.

export interface EmulatorOptions {
  /** TCP port on loopback; 0 picks a free one. Default 4012. */
  port?: number;
  /** Loopback address to listen on. Default 127.0.0.1. */
  host?: string;
  /** The bundled spec the emulator routes and validates against. Default generated/openapi.json. */
  specPath?: string;
  /** SQLite file that keeps the tasks across restarts; in memory when absent. */
  data?: string;
  /** Create this many realistic tasks when the store has none. */
  seed?: number;
  /** Project the seeded tasks belong to. */
  seedProjectId?: string;
  /** Accept only this IAM token. */
  token?: string;
  /** Verify AK/SK signatures made with this key pair. */
  accessKey?: string;
  secretKey?: string;
  /** With AK/SK: the security token temporary credentials must carry. */
  securityToken?: string;
  /** Requests per second before 429 ModelArts.2799 (token bucket, burst of one second). */
  rateLimit?: number;
  /** Share of requests answered 500 ModelArts.0010, 0 to 1. */
  failRate?: number;
  /** Delay before every response, ms. */
  latencyMs?: number;
  /**
   * How long a new task or version stays in each phase, ms: initialized (0) for one interval,
   * running (1) for two more, then completed (2). 0 creates them completed. Default 2,000.
   */
  statusIntervalMs?: number;
  /** Largest request body read, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Check every response against the spec and record violations (tests). */
  checkResponses?: boolean;
  /** Clock, ms since the epoch. Default Date.now. */
  now?: () => number;
  /** Uniform [0, 1) source for the fault injection. Default Math.random. */
  random?: () => number;
  /** One line per request; default none. */
  log?: (line: string) => void;
}

export const DEFAULT_PORT = 4012;
export const DEFAULT_STATUS_INTERVAL_MS = 2_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_SEED_PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'data' | 'token' | 'accessKey' | 'secretKey' | 'securityToken' | 'rateLimit' | 'log'>> &
  Pick<EmulatorOptions, 'data' | 'token' | 'accessKey' | 'secretKey' | 'securityToken' | 'rateLimit' | 'log'>;

export class OptionError extends Error {
  override name = 'OptionError';
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new OptionError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
}

function secret(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // A header value: what a client can send at all. The value itself is never echoed.
  if (!/^[\x21-\x7e]+$/.test(value)) throw new OptionError(`${name} must be printable ASCII without spaces`);
  return value;
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.length === 0) throw new OptionError(`${name} must not be empty`);
  return value;
}

export function resolveOptions(o: EmulatorOptions, defaultSpecPath: string): ResolvedOptions {
  const host = o.host ?? '127.0.0.1';
  // The emulator accepts any credential by default: it must never face a network.
  if (!LOOPBACK.test(host)) throw new OptionError(`host must be a loopback address, got ${host}`);
  if ((o.accessKey === undefined) !== (o.secretKey === undefined)) throw new OptionError('--ak and --sk go together');
  if (o.securityToken !== undefined && o.accessKey === undefined) throw new OptionError('--security-token needs --ak and --sk');
  const failRate = o.failRate ?? 0;
  if (!(failRate >= 0 && failRate <= 1)) throw new OptionError(`fail rate must be from 0 to 1, got ${failRate}`);
  if (o.rateLimit !== undefined && !(o.rateLimit > 0 && Number.isFinite(o.rateLimit))) {
    throw new OptionError(`rate limit must be a positive number of requests per second, got ${o.rateLimit}`);
  }
  const port = nonNegativeInteger('port', o.port ?? DEFAULT_PORT);
  if (port > 65_535) throw new OptionError(`port must be at most 65535, got ${port}`);
  const maxBodyBytes = nonNegativeInteger('max body', o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (maxBodyBytes === 0) throw new OptionError('max body must be at least 1 byte');
  const seedProjectId = o.seedProjectId ?? DEFAULT_SEED_PROJECT_ID;
  if (!/^[0-9a-z]{32}$/.test(seedProjectId)) throw new OptionError('seed project id must be 32 lowercase letters and digits');
  return {
    port,
    host,
    specPath: o.specPath ?? defaultSpecPath,
    data: o.data,
    seed: nonNegativeInteger('seed', o.seed ?? 0),
    seedProjectId,
    token: secret('token', o.token),
    accessKey: secret('ak', o.accessKey),
    secretKey: nonEmpty('sk', o.secretKey),
    securityToken: secret('security token', o.securityToken),
    rateLimit: o.rateLimit,
    failRate,
    latencyMs: nonNegativeInteger('latency', o.latencyMs ?? 0),
    statusIntervalMs: nonNegativeInteger('status interval', o.statusIntervalMs ?? DEFAULT_STATUS_INTERVAL_MS),
    maxBodyBytes,
    checkResponses: o.checkResponses ?? false,
    now: o.now ?? Date.now,
    random: o.random ?? Math.random,
    log: o.log,
  };
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/;

/** "50ms", "2s", "1.5s", "1m", or a bare number of milliseconds. */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text.trim());
  if (!m) throw new OptionError(`not a duration: ${JSON.stringify(text)} (try 50ms, 2s, 1m)`);
  const factor = m[2] === 's' ? 1_000 : m[2] === 'm' ? 60_000 : 1;
  return Math.round(Number(m[1]) * factor);
}

/** "10/s", "600/min" or a bare number per second → requests per second. */
export function parseRate(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute))?$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0) throw new OptionError(`not a rate: ${JSON.stringify(text)} (try 10/s or 600/min)`);
  return m[2] !== undefined && m[2].startsWith('m') ? Number(m[1]) / 60 : Number(m[1]);
}

/** "512kb", "1mb", or bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+)\s*(b|kb|kib|mb|mib)?$/i.exec(text.trim());
  if (!m) throw new OptionError(`not a size: ${JSON.stringify(text)} (try 64kb or 1mb)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  return Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
}

/** "0.1" or "10%". */
export function parseShare(text: string): number {
  const t = text.trim();
  const value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === '' || !(value >= 0 && value <= 1)) throw new OptionError(`not a share from 0 to 1: ${JSON.stringify(text)}`);
  return value;
}
