// The generated docs page in a real browser (headless Chromium on a 1280x800 screen): what a
// reader sees first, where the clicks a reader makes lead, and proof that the page asks nothing
// of any host but its own and logs no error.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer, type DocsServer } from '../scripts/docs-server.ts';
import { root } from '../scripts/paths.ts';
import { CHROMIUM_MISSING, SCREEN, chromiumInstalled, launchChromium, type Browser } from './support/browser.ts';
import { deref, loadBundledSpec, type Json } from './support/fixtures.ts';

const SCREENSHOT = join(root, 'artifacts/docs-page.png');
const PATH = '/v2/{project_id}/processor-tasks/{task_id}';
// Two cores shared with other test runs: give the page time, never a timing assertion.
const POLL = { timeout: 15_000 };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Everything the page must show comes from the bundle the page is built from.
const spec = loadBundledSpec();
const operation = spec.paths[PATH].delete as Json;
const summary = operation.summary as string;
const tag = (operation.tags as string[])[0]!;
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
const operations = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  // In the spec's own order, which is the page's.
  Object.keys(item as Json).filter((key) => HTTP_METHODS.includes(key)).map((method) => {
    const op = (item as Json)[method] as Json;
    return { method: method.toUpperCase(), path, summary: op.summary as string, id: op.operationId as string };
  }),
);
const servers = spec.servers as { url: string; description: string }[];
const schemes = spec.components.securitySchemes as Record<string, { name: string; description: string }>;
const security = (operation.security ?? spec.security) as Record<string, string[]>[];
/** The operation's security as Redoc writes it: alternatives joined by "or", the schemes of one by "and". */
const securityText = security
  .map((alternative) => {
    const names = Object.keys(alternative);
    return names.length > 1 && security.length > 1 ? `(${names.join(' and ')})` : names.join(' and ');
  })
  .join(' or ');
const schemeByHeader = (header: string) => Object.keys(schemes).find((name) => schemes[name]!.name === header)!;
const signature = schemeByHeader('Authorization');
const signingDate = schemeByHeader('X-Sdk-Date');

/** A route of the page (the part after `#`) as Redoc names it: lowercase slugs. */
const route = (...parts: string[]) => `#/${parts.map((p) => p.toLowerCase().replace(/\s+/g, '-')).join('/')}`;

describe('what the docs page is built from', () => {
  it('has server descriptions in plain text: the server menus show them verbatim, Markdown and all', () => {
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) expect(server.description, server.url).not.toContain('`');
  });

  it('requires X-Sdk-Date only as part of the AK/SK signature, never as a way to authenticate by itself', () => {
    expect(signature).toBeDefined();
    expect(signingDate).toBeDefined();
    const requirements = [
      ...(spec.security as Json[]),
      ...Object.values(spec.paths as Json).flatMap((item) =>
        HTTP_METHODS.flatMap((method) => ((item as Json)[method]?.security ?? []) as Json[]),
      ),
    ];
    for (const alternative of requirements) {
      expect(signingDate in alternative, JSON.stringify(alternative)).toBe(signature in alternative);
    }
    expect(schemes[signature]!.description).toContain('X-Sdk-Date');
    expect(schemes[signingDate]!.description).toContain(signature);
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
    const failedRequests: string[] = [];
    const consoleErrors: string[] = [];
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
    /** A section of the introduction (a `##` heading of info.description), by its slug. */
    const introSection = (slug: string): Locator => page.locator(`[data-section-id="/section/${slug}"]`);
    const quickStart = (): Locator => introSection('quick-start');
    const menuItem = (text: string): Locator =>
      page.locator('[data-component-name="Menu/MenuItem"]').filter({ has: page.getByText(text, { exact: true }) });

    /** The operation the quick start calls: the first of the spec's named there by method and path. */
    async function quickStartOperation(): Promise<(typeof operations)[number]> {
      const text = await quickStart().innerText();
      // The whole path: `GET /a` must not count where the text says `GET /a/{id}`.
      const isNamed = (op: (typeof operations)[number]) =>
        new RegExp(`${op.method} ${op.path.replace(/[{}]/g, '\\$&')}(?![\\w/{])`).test(text);
      const named = operations.filter(isNamed);
      expect(named.map((op) => op.id), 'operations named in the quick start').not.toEqual([]);
      return named[0]!;
    }

    /** True when the whole of `locator`'s box is on the screen, as it is scrolled now. */
    async function onScreen(locator: Locator): Promise<boolean> {
      if (!(await locator.isVisible())) return false;
      const box = await locator.boundingBox();
      return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= SCREEN.height && box.x + box.width <= SCREEN.width;
    }

    /**
     * A code block as laid out: whether it scrolls sideways, whether its longest line wraps, and
     * how many boxes of its text the copy button (when it has one) covers. Text boxes come from
     * a Range over each text node: the glyphs' own boxes, not the block's padding.
     */
    function layoutOf(pre: Locator) {
      return pre.evaluate((el) => {
        const button = el.parentElement?.querySelector('[data-testid="copy-button"]')?.getBoundingClientRect();
        const range = document.createRange();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let textBoxes = 0;
        let covered = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          range.selectNodeContents(node);
          for (const r of Array.from(range.getClientRects())) {
            if (r.width === 0 || r.height === 0) continue;
            textBoxes += 1;
            if (button && r.left < button.right && r.right > button.left && r.top < button.bottom && r.bottom > button.top) covered += 1;
          }
        }
        // A line spans several boxes' rows when it wraps; Redoc marks each source line `.line`.
        const rowsPerLine = Array.from(el.querySelectorAll('.line')).map(
          (line) => new Set(Array.from(line.getClientRects()).map((r) => Math.round(r.top))).size,
        );
        return {
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          hasCopyButton: !!button,
          textBoxes,
          covered,
          longestLineRows: Math.max(0, ...rowsPerLine),
        };
      });
    }

    /** Opens the operation from the sidebar: its tag first, unless the page is on the tag already. */
    async function openOperation(): Promise<void> {
      // The sidebar keeps a tag open only while the page shows the tag or one of its operations
      // (and animates the closing: the closing items are still there, but take no click).
      if (!(await page.evaluate(() => location.hash)).startsWith(route(tag))) {
        await menuItem(tag).first().locator('a').first().click();
      }
      // The innermost item: the tag's own item contains the operation's too.
      await menuItem(summary).last().locator('a').first().click();
      await page.getByRole('heading', { name: summary }).waitFor();
    }

    beforeAll(async () => {
      docs = await startDocsServer(0);
      browser = await launchChromium(SCREEN);
      browser.context.on('request', (request) => requests.push(request.url()));
      browser.context.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
      browser.context.on('response', (response) => {
        if (response.status() >= 400) failedRequests.push(`${response.url()}: ${response.status()}`);
      });
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.on('pageerror', (err) => pageErrors.push(err.message));
      // A favicon the page does not name shows only here ("Failed to load resource: ... 404"):
      // the browser fetches it outside the page's network events.
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await page.goto(`${docs.url}/`, { waitUntil: 'load' });
      // The server-rendered links are plain `/tag` hrefs that the docs server does not serve: a
      // click before React has hydrated the page would leave it, so wait for the sidebar's.
      const link = menuItem(tag).first().locator('a').first();
      const hydrated = (a: Element) => Object.keys(a).some((key) => key.startsWith('__reactProps'));
      await page.waitForFunction(hydrated, await link.elementHandle(), { timeout: 20_000 });
    });

    afterAll(async () => {
      await browser?.close();
      await docs?.close();
    });

    describe('first view: the page as it opens, before any scroll or click', () => {
      it('is the top of the page', async () => {
        expect(page.viewportSize()).toEqual(SCREEN);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
      });

      it('shows how to call the API: an operation by method and path, a link to it and a curl call', async () => {
        const op = await quickStartOperation();
        expect(await onScreen(quickStart().locator('code', { hasText: `${op.method} ${op.path}` }).first())).toBe(true);

        const link = quickStart().getByRole('link', { name: op.summary, exact: true });
        expect(await onScreen(link)).toBe(true);
        expect(await link.getAttribute('href')).toBe(route(tag, op.id));

        // The call itself: curl on that path (path parameters filled in), with a credential header.
        const call = quickStart().locator('pre').filter({ hasText: /^curl / }).first();
        expect(await onScreen(call)).toBe(true);
        const text = await call.innerText();
        const pathPattern = op.path.replace(/\{[^}]+\}/g, '[^/"]+');
        expect(text).toMatch(new RegExp(`https://[^"]+${pathPattern}`));
        expect(Object.values(schemes).some((scheme) => text.includes(`${scheme.name}: `))).toBe(true);
        const layout = await layoutOf(call);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      });

      it('links to the list of all operations', async () => {
        const link = quickStart().getByRole('link', { name: tag, exact: true });
        expect(await onScreen(link)).toBe(true);
        expect(await link.getAttribute('href')).toBe(route(tag));
      });

      it('lists the servers with their descriptions as plain text, without Markdown backticks', async () => {
        const names = page.getByTestId('panel-servers').getByTestId('server-panel-item-name');
        expect(await names.allInnerTexts()).toEqual(servers.map((s) => s.description));
        for (const text of await page.getByTestId('panel-servers').allInnerTexts()) expect(text).not.toContain('`');
      });

      it('is saved to artifacts/docs-page.png', async () => {
        await mkdir(join(root, 'artifacts'), { recursive: true });
        const shot = await page.screenshot({ path: SCREENSHOT });
        expect(shot.length).toBeGreaterThan(10_000);
      });
    });

    describe("the quick start's links land on the operations", () => {
      it('the list of operations: the tag and its first operation on screen', async () => {
        await quickStart().getByRole('link', { name: tag, exact: true }).click();
        await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe(route(tag));
        const heading = page.locator('h2', { hasText: tag }).first();
        await expect.poll(() => onScreen(heading), POLL).toBe(true);
        const first = operations.find((op) => spec.paths[op.path][op.method.toLowerCase()].tags.includes(tag))!;
        await expect.poll(() => onScreen(page.locator('h2', { hasText: first.summary }).first()), POLL).toBe(true);
        // The sidebar opens the tag: every operation is one click away.
        await expect.poll(() => onScreen(menuItem(first.summary).last()), POLL).toBe(true);
      });

      it('the operation it names: its title, method and path on screen', async () => {
        await menuItem('Quick start').first().locator('a').first().click();
        const op = await quickStartOperation();
        await quickStart().getByRole('link', { name: op.summary, exact: true }).click();
        await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe(route(tag, op.id));
        const opSection = page.locator(`[id$="/${op.id.toLowerCase()}"]`);
        await expect.poll(() => onScreen(opSection.locator('h2', { hasText: op.summary }).first()), POLL).toBe(true);
        const request = opSection.getByTestId('right-panel').filter({ hasText: op.path }).first();
        await expect.poll(() => onScreen(request.getByText(op.method, { exact: true }).first()), POLL).toBe(true);
      });
    });

    describe('an operation, opened from the sidebar as a reader would', () => {
      beforeAll(openOperation);

      it('shows the operation: its summary, method and path', async () => {
        await expect.poll(() => page.url(), POLL).toMatch(/#\/.+/);
        await page.getByRole('heading', { name: summary }).waitFor({ state: 'visible' });
        const main = await section().innerText();
        expect(main).toContain(summary);
        expect(main).toContain(PATH);
        expect(main).toContain('DELETE');
      });

      it('names its security as the spec requires it', async () => {
        const box = section().getByRole('button', { name: 'View security details' }).locator('xpath=../..');
        expect((await box.innerText()).replace(/\s+/g, ' ')).toContain(securityText);
      });

      it('shows both ways to authenticate: X-Auth-Token, and the AK/SK signature with X-Sdk-Date in it', async () => {
        await section().getByRole('button', { name: 'View security details' }).click();
        // The details panel: one tab per alternative of the operation's `security`. Assertions
        // stay inside it, since the page's introduction also names the headers and the algorithm.
        const tabs = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: 'iamToken' }) });
        const details = tabs.locator('xpath=..');
        // X-Sdk-Date is no alternative of its own: no tab offers it alone.
        expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(security.map((a) => Object.keys(a).join(' and ')));

        await tabs.getByRole('tab', { name: 'iamToken' }).click();
        await expect.poll(() => details.innerText(), POLL).toMatch(/Header parameter name:\s*X-Auth-Token/);

        await tabs.getByRole('tab', { name: new RegExp(signature) }).click();
        await expect.poll(() => details.innerText(), POLL).toMatch(/Header parameter name:\s*Authorization/);
        const aksk = await details.innerText();
        expect(aksk).toContain('SDK-HMAC-SHA256');
        expect(aksk).toMatch(/Header parameter name:\s*X-Sdk-Date/);
        expect(aksk).not.toMatch(/Header parameter name:\s*X-Auth-Token/);

        // Each scheme is a card under its name: the signature's card explains X-Sdk-Date, and
        // the date's card says it belongs to the signature.
        const card = (name: string) => details.locator(`xpath=.//p[normalize-space()="${name}"]/../..`);
        const signatureCard = await card(signature).innerText();
        expect(signatureCard).toMatch(/Header parameter name:\s*Authorization/);
        expect(signatureCard).toMatch(/X-Sdk-Date: the signing time/);
        const dateCard = await card(signingDate).innerText();
        expect(dateCard).toMatch(/Header parameter name:\s*X-Sdk-Date/);
        expect(dateCard).toContain(`of the AK/SK signature (${signature}), not a way to authenticate`);

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
          await expect.poll(() => picker.innerText(), POLL).toBe(title);
        }
        const body = panel.getByTestId('json-viewer');
        await expect.poll(async () => (await body.innerText()).replace(/\s+/g, ' '), POLL).toContain(`"error_code": "${code}"`);
      });

      /** Puts `sample` on show in the request panel (its language menu) and returns its code block. */
      async function showSample(sample: (typeof codeSamples)[number]): Promise<Locator> {
        const panel = samplePanel();
        const labels = new RegExp(`^(${codeSamples.map((s) => s.label).join('|')})$`);
        // The language menu: its button names the sample on show.
        const language = panel.locator('[aria-haspopup="menu"]').filter({ hasText: labels });
        if ((await language.innerText()).trim() !== sample.label) {
          await language.click();
          await page.getByRole('menuitem', { name: sample.label, exact: true }).click();
        }
        await expect.poll(async () => (await language.innerText()).trim(), POLL).toBe(sample.label);
        const code = panel.locator('pre[data-testid="source-code"]');
        await expect.poll(async () => (await code.innerText()).trim(), POLL).toBe(sample.source.trim());
        await code.scrollIntoViewIfNeeded();
        return code;
      }

      it('shows every code sample of the spec (curl and TypeScript), each in its own tab, wrapped and clear of the copy button', async () => {
        expect(codeSamples.map((s) => s.lang)).toEqual(['Shell', 'TypeScript']);
        for (const sample of codeSamples) {
          const layout = await layoutOf(await showSample(sample));
          expect(layout.scrollWidth, `${sample.label}: scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth);
          expect(layout.hasCopyButton, sample.label).toBe(true);
          expect(layout.textBoxes, sample.label).toBeGreaterThan(0);
          expect(layout.covered, `${sample.label}: text under the copy button`).toBe(0);
        }
      });

      it('wraps a curl line longer than the panel instead of cutting it off', async () => {
        const layout = await layoutOf(await showSample(codeSamples.find((s) => s.lang === 'Shell')!));
        // The URL line is longer than the panel is wide: it must take several rows, all in view.
        expect(layout.longestLineRows).toBeGreaterThan(1);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
        expect(layout.covered).toBe(0);
      });

      it('keeps its server menu in plain text: every server description, no backtick', async () => {
        const menuButton = samplePanel().locator('button', { hasText: PATH }).first();
        await menuButton.click();
        const menu = page.getByRole('menu');
        await menu.waitFor();
        const text = await menu.innerText();
        for (const server of servers) expect(text).toContain(server.description);
        expect(text).not.toContain('`');
        // Escape leaves this menu open; its button toggles it.
        await menuButton.click();
        await menu.waitFor({ state: 'detached' });
      });
    });

    describe('the Authentication section', () => {
      const sectionText = async () => (await introSection('authentication').innerText()).replace(/\s+/g, ' ');

      it('opens from the sidebar', async () => {
        await menuItem('Authentication').first().locator('a').first().click();
        await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe(route('section', 'authentication'));
        await expect.poll(() => onScreen(page.locator('[id="section/authentication"]')), POLL).toBe(true);
      });

      it('names exactly the schemes the operations require, grouped as they require them', async () => {
        const text = await sectionText();
        const named = Object.keys(schemes).filter((name) => new RegExp(`\\b${name}\\b`).test(text));
        const required = [...new Set(security.flatMap((alternative) => Object.keys(alternative)))];
        expect(named.sort()).toEqual(required.sort());
        expect(Object.keys(schemes).sort()).toEqual(required.sort());
        // Same words as the operations' Security box, which the test above reads.
        expect(text).toContain(securityText);
        for (const scheme of Object.values(schemes)) expect(text).toContain(scheme.name);
      });

      it('presents X-Sdk-Date as part of the AK/SK signature', async () => {
        const text = await sectionText();
        const aksk = text.slice(text.indexOf('AK/SK signature'));
        expect(aksk).toContain('X-Sdk-Date');
        expect(aksk).toContain(`${signingDate} is part of the AK/SK signature, not a way to authenticate by itself`);
      });

      it("points where the schemes really are: each operation's Security box and its details", async () => {
        const text = await sectionText();
        expect(text).toContain('Each operation lists them in its Security box');
        expect(text).toContain('View security details');
        // Followed as a reader would: an operation, its Security box, the same words, the button.
        await openOperation();
        const button = section().getByRole('button', { name: 'View security details' });
        await button.waitFor();
        expect((await button.locator('xpath=../..').innerText()).replace(/\s+/g, ' ')).toContain(securityText);
      });
    });

    it('requested nothing beyond its own server, got no error status, logged no error and threw none', () => {
      const own = `${docs.url}/`;
      expect(requests[0]).toBe(own);
      const foreign = requests.filter((url) => !url.startsWith(own) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(foreign).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
