// Starts the Prism mock once per test run, on a free loopback port. A failure to start
// fails the whole run: no test silently skips for want of a mock.
import type { TestProject } from 'vitest/node';
import { startMock, type MockServer } from '../../scripts/mock-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

let mock: MockServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  try {
    mock = await startMock({ logLevel: 'silent' });
  } catch (err) {
    throw new Error(`Prism mock could not start: ${(err as Error).stack ?? String(err)}`);
  }
  project.provide('mockUrl', mock.url);
}

export async function teardown(): Promise<void> {
  await mock?.close();
}
