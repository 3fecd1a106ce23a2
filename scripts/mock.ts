// `npm run mock [-- --port N] [--host H]`: Prism serving the spec, validating requests.
import { parseArgs } from 'node:util';
import { startMock } from './mock-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MOCK_PORT ?? '4010' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const mock = await startMock({ port: Number(values.port), host: values.host, logLevel: 'info' });
console.log(`Prism mock of the ModelArts processor-task API listening on ${mock.url}`);
const stop = () => void mock.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
