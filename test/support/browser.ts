// Headless Chromium for browser tests: Debian's package, never a downloaded build, with a
// throwaway profile and the background services that would reach the network turned off.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `${CHROMIUM_PATH} not found: the docs browser test needs Debian's Chromium. ` +
  'Install it with `apt-get install -y chromium` (as root), then run the tests again.';

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** A laptop screen: what a reader sees first, and the size of the screenshots. */
export const SCREEN = { width: 1280, height: 800 } as const;

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport: { width: number; height: number } = SCREEN): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'modelarts-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
}
