// The generated docs page in a real browser (headless Chromium): what a reader sees, after
// the clicks a reader makes, and proof that the page asks nothing of any host but its own.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer, type DocsServer } from '../scripts/docs-server.ts';
import { root } from '../scripts/paths.ts';
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, type Browser } from './support/browser.ts';
import { deref, loadBundledSpec, type Json } from './support/fixtures.ts';

const SCREENSHOT = join(root, 'artifacts/docs-page.png');
const PATH = '/v2/{project_id}/processor-tasks/{task_id}';

// Everything the page must show comes from the bundle the page is built from.
const spec = loadBundledSpec();
const operation = spec.paths[PATH].delete as Json;
const summary = operation.summary as string;
const codeSamples = operation['x-codeSamples'] as { lang: string; label: string; source: string }[];
const errorExamples = Object.entries(operation.responses as Json)
  .filter(([status]) => Number(status) >= 400)
  .flatMap(([status, raw]) => {
    const examples = deref(spec, raw as Json).content['application/json'].examples as Json;
    return Object.entries(examples).map(([name, ref]) => {
      const example = deref(spec, ref as Json);
      return { status, name, summary: example.summary as string, code: example.value.error_code as string };
    });
  });

const browserMissing = !chromiumInstalled();
if (browserMissing && !process.env.CI) console.warn(`\n[docs-browser.test.ts] SKIPPED: ${CHROMIUM_MISSING}\n`);

describe('docs page in headless Chromium', () => {
  // CI must never pass without having looked at the page.
  it.runIf(browserMissing && process.env.CI)('has Chromium to run in', () => {
    throw new Error(CHROMIUM_MISSING);
  });

  describe.skipIf(browserMissing)('rendered by Redoc', () => {
    let docs: DocsServer;
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];
    const pageErrors: string[] = [];

    /**
     * The operation's own section: Redoc renders every operation of the spec on one page, and
     * the other operations on the same path show the same path and the same status buttons.
     */
    const section = (): Locator => page.locator(`[id$="/${(operation.operationId as string).toLowerCase()}"]`);
    /** The right-hand panel that shows response bodies. */
    const responsePanel = (): Locator =>
      section().getByTestId('right-panel').filter({ has: page.getByText('Response', { exact: true }) });
    /** The right-hand panel that shows the request: server menu with the path, code samples. */
    const samplePanel = (): Locator => section().getByTestId('right-panel').filter({ hasText: PATH });

    beforeAll(async () => {
      docs = await startDocsServer(0);
      browser = await launchChromium();
      browser.context.on('request', (request) => requests.push(request.url()));
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(`${docs.url}/`, { waitUntil: 'load' });
      // Redoc lists operations under their tag in the sidebar; open the operation as a reader
      // would. The server-rendered links are plain `/tag` hrefs that the docs server does not
      // serve: a click before React has hydrated the link would leave the page, so wait for it.
      const menu = page.locator('[data-component-name="Menu/MenuItem"]');
      const item = (text: string) => menu.filter({ has: page.getByText(text, { exact: true }) });
      const tagLink = item((operation.tags as string[])[0]!).first().locator('a').first();
      const hydrated = (a: Element) => Object.keys(a).some((key) => key.startsWith('__reactProps'));
      await page.waitForFunction(hydrated, await tagLink.elementHandle(), { timeout: 20_000 });
      await tagLink.click();
      // The innermost item: the tag's own item contains the operation's too.
      await item(summary).last().locator('a').first().click();
      await page.getByRole('heading', { name: summary }).waitFor();
    });

    afterAll(async () => {
      await browser?.close();
      await docs?.close();
    });

    it('shows the operation: its summary, method and path', async () => {
      await expect.poll(() => page.url()).toMatch(/#\/.+/);
      await page.getByRole('heading', { name: summary }).waitFor({ state: 'visible' });
      const main = await section().innerText();
      expect(main).toContain(summary);
      expect(main).toContain(PATH);
      expect(main).toContain('DELETE');
    });

    it('shows both authentication schemes: X-Auth-Token and the AK/SK signature', async () => {
      await section().getByRole('button', { name: 'View security details' }).click();
      // The details panel: one tab per alternative of the operation's `security`. Assertions
      // stay inside it, since the page's introduction also names the headers and the algorithm.
      const tabs = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: 'iamToken' }) });
      const details = tabs.locator('xpath=..');

      await tabs.getByRole('tab', { name: 'iamToken' }).click();
      await expect.poll(() => details.innerText()).toMatch(/Header parameter name:\s*X-Auth-Token/);

      await tabs.getByRole('tab', { name: /akskSignature/ }).click();
      await expect.poll(() => details.innerText()).toMatch(/Header parameter name:\s*Authorization/);
      const aksk = await details.innerText();
      expect(aksk).toContain('SDK-HMAC-SHA256');
      expect(aksk).toMatch(/Header parameter name:\s*X-Sdk-Date/);
      expect(aksk).not.toMatch(/Header parameter name:\s*X-Auth-Token/);

      await page.keyboard.press('Escape');
      await tabs.waitFor({ state: 'detached' });
    });

    it('documents the error codes of generated/openapi.json', () => {
      // Guards the per-code tests below against passing on an empty list.
      expect(errorExamples.length).toBeGreaterThan(0);
      for (const e of errorExamples) expect(e.code, `${e.status} ${e.name}`).toMatch(/^[A-Za-z]+\.\d{4}$/);
    });

    it.each(errorExamples)('renders $status $code ($name) as a response example', async ({ status, summary: title, code }) => {
      const panel = responsePanel();
      await panel.getByRole('button', { name: status, exact: true }).click();
      // Several examples under one status: Redoc shows one at a time, picked from a menu.
      const picker = panel.getByRole('button', { name: 'Example' });
      if (await picker.count()) {
        if ((await picker.innerText()).trim() !== title) {
          await picker.click();
          await page.getByRole('menuitem', { name: title, exact: true }).click();
        }
        await expect.poll(() => picker.innerText()).toBe(title);
      }
      const body = panel.getByTestId('json-viewer');
      await expect.poll(async () => (await body.innerText()).replace(/\s+/g, ' ')).toContain(`"error_code": "${code}"`);
    });

    it('shows every code sample of the spec (curl and TypeScript), each in its own tab', async () => {
      expect(codeSamples.map((s) => s.lang)).toEqual(['Shell', 'TypeScript']);
      const panel = samplePanel();
      const labels = new RegExp(`^(${codeSamples.map((s) => s.label).join('|')})$`);
      // The language menu: its button names the sample on show.
      const language = panel.locator('[aria-haspopup="menu"]').filter({ hasText: labels });
      for (const sample of codeSamples) {
        if ((await language.innerText()).trim() !== sample.label) {
          await language.click();
          await page.getByRole('menuitem', { name: sample.label, exact: true }).click();
        }
        await expect.poll(async () => (await language.innerText()).trim()).toBe(sample.label);
        const code = panel.locator('pre[data-testid="source-code"]');
        await expect.poll(async () => (await code.innerText()).trim()).toBe(sample.source.trim());
      }
    });

    it('saves a full-page screenshot to artifacts/docs-page.png', async () => {
      await mkdir(join(root, 'artifacts'), { recursive: true });
      await responsePanel().getByRole('button', { name: '400', exact: true }).click();
      // Captured from the top: taken scrolled down to the operation, Chromium leaves the part
      // above the viewport blank.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      const shot = await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(shot.length).toBeGreaterThan(10_000);
    });

    it('made no request beyond its own loopback server, and threw no script error', () => {
      const own = `${docs.url}/`;
      expect(requests[0]).toBe(own);
      const foreign = requests.filter((url) => !url.startsWith(own) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(foreign).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
