// The offline docs page (generated/docs/index.html): Redoc 3, rendered by `redocly build-docs`
// from the bundle, into one file that needs no network. The page's own head (favicon, the code
// block rules) is scripts/docs-page.hbs; test/docs-browser.test.ts checks what a reader sees.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './paths.ts';

type Json = Record<string, unknown>;

/** Runs the Redocly CLI with `args` (generate.ts's runner: no telemetry, no update check). */
export type RedoclyRun = (args: string[]) => Promise<void>;

export const DOCS_TEMPLATE = join(root, 'scripts/docs-page.hbs');

/**
 * Redoc 3 shows only the code samples whose label is in `codeSamples.languages`, and its
 * default list (curl, JavaScript, Python...) has no TypeScript: list the spec's own samples,
 * in the order the spec gives them, so every sample written under openapi/code_samples/ shows.
 * Given on the command line, these options replace any `openapi:` section of redocly.yaml.
 */
export function redocOptionsFor(spec: Json): Json {
  const languages = new Map<string, { lang: string; label: string }>();
  for (const item of Object.values((spec.paths ?? {}) as Json)) {
    for (const op of Object.values(item as Json)) {
      for (const sample of ((op as Json)?.['x-codeSamples'] ?? []) as { lang: string; label?: string }[]) {
        const label = sample.label ?? sample.lang;
        languages.set(label.toLowerCase(), { lang: sample.lang, label });
      }
    }
  }
  return { codeSamples: { languages: [...languages.values()] } };
}

// Redoc 3's sidebar credit ("API docs by" + logo) loads its logo from Redocly's CDN on every
// page view, and no option turns it off. The page promises to work offline and to make no
// request beyond its own host, so the logo becomes an inline SVG; the credit and its link stay.
const CDN_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16" viewBox="0 0 56 16">' +
    '<text x="0" y="12.5" font-family="sans-serif" font-size="13" font-weight="700" fill="#0044D4">Redocly</text></svg>',
)}`;

export function offlineAttribution(html: string): string {
  let out = html;
  for (const url of CDN_LOGOS) {
    if (!out.includes(url)) throw new Error(`build-docs output no longer contains ${url}: review offlineAttribution()`);
    out = out.split(url).join(INLINE_LOGO);
  }
  return out;
}

/**
 * Renders `bundle` (a file; `spec` is its content) into `out`, one self-contained HTML page that
 * opens with `note` as an HTML comment.
 */
export async function buildDocsPage(redocly: RedoclyRun, bundle: string, spec: Json, out: string, note: string): Promise<void> {
  const options = JSON.stringify(redocOptionsFor(spec));
  await redocly(['build-docs', bundle, '--inlineBundle', '--template', DOCS_TEMPLATE, '--openapi', options, '-o', out]);
  const html = offlineAttribution(await readFile(out, 'utf8'));
  await writeFile(out, `<!-- ${note} -->\n${html}`);
}
