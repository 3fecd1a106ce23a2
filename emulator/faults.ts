// Faults on demand: flow control (429 ModelArts.2799 with Retry-After), a share of internal
// errors (500 ModelArts.0010), and a fixed delay. They are decided before a request reaches
// the store, so an injected failure never changes state, and a client may retry it safely.
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceError } from './error-responses.ts';

/**
 * A token bucket: `perSecond` tokens a second, holding at most one second's worth (at least
 * one), so a burst of up to `perSecond` requests passes and then the rate holds.
 */
export function rateLimiter(perSecond: number, now: () => number) {
  const capacity = Math.max(1, perSecond);
  let tokens = capacity;
  let last = now();
  return function take(): void {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens >= 1) {
      tokens -= 1;
      return;
    }
    // Whole seconds until a token is back, at least 1 (Retry-After has no fractions).
    const wait = Math.max(1, Math.ceil((1 - tokens) / perSecond));
    throw new ServiceError(429, 'ModelArts.2799', undefined, { 'Retry-After': String(wait) });
  };
}

export interface FaultConfig {
  rateLimit?: number | undefined;
  failRate: number;
  latencyMs: number;
  now: () => number;
  random: () => number;
}

export interface Faults {
  /** Throws the 429 when the bucket is empty. */
  throttle(): void;
  /** Throws the 500 for the configured share of requests. */
  maybeFail(): void;
  delay(): Promise<void>;
}

export function createFaults(config: FaultConfig): Faults {
  const take = config.rateLimit === undefined ? undefined : rateLimiter(config.rateLimit, config.now);
  return {
    throttle() {
      take?.();
    },
    maybeFail() {
      if (config.failRate > 0 && config.random() < config.failRate) throw new ServiceError(500, 'ModelArts.0010', 'injected by --fail-rate');
    },
    async delay() {
      if (config.latencyMs > 0) await sleep(config.latencyMs);
    },
  };
}
