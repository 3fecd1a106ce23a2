// A server for B6 in a process of its own: the Prism mock or the emulator, quiet, on a free
// loopback port. Prints {"url": ...} on stdout once listening; exits when stdin closes (the
// bench process's lifeline), so no server outlives a crashed bench.
//   node --import tsx bench/b6-server.ts prism|emulator
import { startEmulator } from '../emulator/index.ts';
import { startMock } from '../scripts/mock-server.ts';

const kind = process.argv[2];
const server =
  kind === 'prism'
    ? await startMock({ logLevel: 'silent' })
    : kind === 'emulator'
      ? await startEmulator({ port: 0, statusIntervalMs: 0, seed: 200 })
      : undefined;
if (!server) throw new Error(`usage: b6-server.ts prism|emulator, got ${String(kind)}`);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
