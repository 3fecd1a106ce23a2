// B2: AK/SK signatures per second. Our signRequest versus the official
// @huaweicloud/huaweicloud-sdk-core AKSKSigner.sign on the same DELETE requests, and versus a
// floor: one sha256 of a canonical request of the same size plus one HMAC-SHA256 of a
// string-to-sign of the same size, nothing else.
//
// Comparable work: both signers get the same request (host, X-Project-Id, a fresh date each
// call, empty body) and must produce the same Authorization header; this is checked before
// timing. The official signer dates a request by `moment()`; `moment.now` is pinned to the
// same instant our signer is given, so both format the same date (and both build a Date per
// call, as our transport does with `new Date()`).
import { createHmac, hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { formatSdkDate, signRequest } from '../src/signer.ts';
import { regionEndpoint } from '../src/endpoints.ts';
import { fmt, runPaired, runRounds, type Spread } from './lib.ts';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const PROJECT_ID = 'a4a5d4098fb4474fa22cd05f897d6b99';
const FIXED = Date.UTC(2026, 10, 29, 12, 34, 56);
/** Signatures per tinybench sample: amortises the timer's own cost over many signatures. */
const BATCH = 64;
const REQUESTS = 256;

export interface B2Result {
  /** Latency per signature, µs, pooled over rounds. */
  perSignatureUs: Record<string, Spread>;
  signaturesPerSecond: Record<string, number>;
  /**
   * official cost / our cost (≥ 3 wanted): the headline, from the paired design (median of the
   * ratios within each iteration, where the three ran back to back).
   */
  speedupVsOfficial: number;
  /** our cost / floor cost (≤ 1.5 wanted), paired like the above. */
  costVsFloor: number;
  /** The paired ratios' distributions (p25–p75 and MAD) and how many iterations. */
  paired: { iterations: number; speedupVsOfficial: Spread; costVsFloor: Spread };
  /** The same two ratios from the tinybench rounds: medians of all samples pooled, and per round. */
  pooled: { speedupVsOfficial: number; costVsFloor: number };
  perRound: { speedupVsOfficial: number[]; costVsFloor: number[] };
  identicalAuthorization: boolean;
  canonicalRequestBytes: number;
  stringToSignBytes: number;
  dateNote: string;
}

type Moment = { now: () => number };

export async function runB2(options: { rounds?: number; time?: number; log?: (s: string) => void } = {}): Promise<B2Result> {
  const rounds = options.rounds ?? 6;
  const time = options.time ?? 200;
  const endpoint = regionEndpoint('cn-north-4', {});
  // The very moment instance the official signer requires.
  const sdkRequire = createRequire(createRequire(import.meta.url).resolve('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js'));
  const moment = sdkRequire('moment') as Moment;
  const savedNow = moment.now;
  moment.now = () => FIXED;
  try {
    const credential = new BasicCredentials().withAk(AK).withSk(SK);
    const urls = Array.from({ length: REQUESTS }, (_, i) => `${endpoint}/v2/${PROJECT_ID}/processor-tasks/Task${String(i).padStart(15, '0')}`);
    const official = urls.map((url) => ({ endpoint: url, method: 'DELETE', headers: { 'X-Project-Id': PROJECT_ID } }));

    const ours = (i: number) =>
      signRequest({ method: 'DELETE', url: urls[i]!, accessKey: AK, secretKey: SK, projectId: PROJECT_ID, date: new Date(FIXED) });
    const theirs = (i: number) => AKSKSigner.sign(official[i]!, credential) as Record<string, string>;

    // Same output, or the comparison means nothing.
    let identical = true;
    for (let i = 0; i < REQUESTS; i++) {
      if (ours(i).Authorization !== theirs(i).Authorization) identical = false;
    }
    if (!identical) options.log?.('  B2: WARNING: Authorization headers differ between the signers');

    // The floor's inputs: the exact canonical requests and string-to-sign prefix of these requests.
    const sdkDate = formatSdkDate(new Date(FIXED));
    const canonical = urls.map((url) => {
      const path = new URL(url).pathname + '/';
      return `DELETE\n${path}\n\nhost:${new URL(url).host}\nx-project-id:${PROJECT_ID}\nx-sdk-date:${sdkDate}\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`;
    });
    const prefix = `SDK-HMAC-SHA256\n${sdkDate}\n`;
    const floor = (i: number) => createHmac('sha256', SK).update(prefix + hash('sha256', canonical[i]!, 'hex')).digest('hex');
    // The floor is really the signature: check it is the same bytes as ours.
    const sig0 = ours(0).Authorization!.split('Signature=')[1];
    if (floor(0) !== sig0) options.log?.('  B2: WARNING: the floor does not reproduce the signature');

    let sink = 0;
    let next = 0;
    const batch = (fn: (i: number) => unknown) => () => {
      const start = next;
      next = (next + BATCH) % REQUESTS;
      for (let k = 0; k < BATCH; k++) {
        const r = fn((start + k) % REQUESTS);
        sink += r === undefined ? 0 : 1;
      }
    };
    options.log?.(`  B2: ${rounds} rounds × 3 tasks × ${time} ms, ${BATCH} signatures per sample`);
    const { latency, perRound } = await runRounds(
      { 'signRequest (ours)': batch(ours), 'AKSKSigner.sign (official)': batch(theirs), 'floor: sha256 + HMAC': batch(floor) },
      { rounds, time, warmupTime: 200, warmupIterations: 200 },
    );
    if (sink === 0) throw new Error('unreachable');

    const perSignatureUs: Record<string, Spread> = {};
    const signaturesPerSecond: Record<string, number> = {};
    for (const [name, s] of Object.entries(latency)) {
      const scale = 1000 / BATCH;
      perSignatureUs[name] = { n: s.n, median: s.median * scale, p25: s.p25 * scale, p75: s.p75 * scale, mad: s.mad * scale };
      signaturesPerSecond[name] = 1e6 / perSignatureUs[name]!.median;
    }
    const o = perSignatureUs['signRequest (ours)']!.median;
    const t = perSignatureUs['AKSKSigner.sign (official)']!.median;
    const f = perSignatureUs['floor: sha256 + HMAC']!.median;
    const pr = (name: string) => perRound[name]!;
    const speedups = pr('AKSKSigner.sign (official)').map((v, i) => v / pr('signRequest (ours)')[i]!);
    const costs = pr('signRequest (ours)').map((v, i) => v / pr('floor: sha256 + HMAC')[i]!);

    options.log?.('  B2: paired ratios (the three back to back in every iteration)');
    const OURS = 'signRequest (ours)';
    const OFFICIAL = 'AKSKSigner.sign (official)';
    const FLOOR = 'floor: sha256 + HMAC';
    const paired = await runPaired(
      { [OURS]: batch(ours), [OFFICIAL]: batch(theirs), [FLOOR]: batch(floor) },
      [
        [OFFICIAL, OURS],
        [OURS, FLOOR],
      ],
      { time: 3000, warmupTime: 300, unitsPerTurn: BATCH },
    );
    const speedup = paired.ratio[`${OFFICIAL} / ${OURS}`]!;
    const cost = paired.ratio[`${OURS} / ${FLOOR}`]!;
    return {
      perSignatureUs,
      signaturesPerSecond,
      speedupVsOfficial: speedup.median,
      costVsFloor: cost.median,
      paired: { iterations: paired.iterations, speedupVsOfficial: speedup, costVsFloor: cost },
      pooled: { speedupVsOfficial: t / o, costVsFloor: o / f },
      perRound: { speedupVsOfficial: speedups, costVsFloor: costs },
      identicalAuthorization: identical,
      canonicalRequestBytes: canonical[0]!.length,
      stringToSignBytes: prefix.length + 64,
      dateNote: 'moment.now pinned to the instant passed to signRequest; both build one Date per signature',
    };
  } finally {
    moment.now = savedNow;
  }
}

export function printB2(r: B2Result): string {
  const lines = [`B2 signing (DELETE, ${r.canonicalRequestBytes}-byte canonical request; identical Authorization: ${r.identicalAuthorization})`];
  for (const [name, s] of Object.entries(r.perSignatureUs)) {
    lines.push(
      `  ${name.padEnd(30)} ${Math.round(r.signaturesPerSecond[name]!).toLocaleString('en-US').padStart(9)} sig/s  ` +
        `median ${s.median.toFixed(2)} µs  p25–p75 ${s.p25.toFixed(2)}–${s.p75.toFixed(2)} µs`,
    );
  }
  const iqr = (s: Spread) => `p25–p75 ${s.p25.toFixed(2)}–${s.p75.toFixed(2)}`;
  lines.push(
    `  ours vs official: ${fmt.x(r.speedupVsOfficial)} faster (paired, ${r.paired.iterations} iterations, ${iqr(r.paired.speedupVsOfficial)}; ` +
      `tinybench rounds: pooled ${fmt.x(r.pooled.speedupVsOfficial)}, per round ${r.perRound.speedupVsOfficial.map((x) => x.toFixed(2)).join(', ')})`,
  );
  lines.push(
    `  ours vs floor: ${fmt.x(r.costVsFloor)} the floor's cost (paired, ${iqr(r.paired.costVsFloor)}; ` +
      `tinybench rounds: pooled ${fmt.x(r.pooled.costVsFloor)}, per round ${r.perRound.costVsFloor.map((x) => x.toFixed(2)).join(', ')})`,
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(printB2(await runB2({ log: console.log })));
}
