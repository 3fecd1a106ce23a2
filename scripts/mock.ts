// `npm run mock [-- --port N] [--host H]`: Prism serving the spec, validating requests.
import { parseArgs } from 'node:util';
import { startMock } from './mock-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MOCK_PORT ?? '4010' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
let mock;
try {
  mock = await startMock({ port, host: values.host, logLevel: 'info' });
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  // One line, no stack: the usual cause is a second mock, or another program on the port.
  if (e.code === 'EADDRINUSE') console.error(`npm run mock: port ${port} is in use; choose another with \`npm run mock -- --port <n>\` (or MOCK_PORT)`);
  else console.error(`npm run mock: cannot listen on ${values.host}:${port}: ${e.message}`);
  process.exit(1);
}
console.log(`Prism mock of the ModelArts processor-task API listening on ${mock.url}`);
const stop = () => void mock.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
