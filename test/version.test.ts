// One version for the kit: package.json, the spec's info.version, every generated bundle and
// the changelog agree, so a release cannot ship a spec that names another version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../scripts/paths.ts';

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };

describe('version', () => {
  it('package.json has a semantic version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  it('openapi/openapi.yaml info.version equals package.json version', () => {
    expect((parse(read('openapi/openapi.yaml')) as { info: { version: string } }).info.version).toBe(version);
  });

  it.each([
    ['generated/openapi.yaml', /^3\.1\.\d+$/],
    ['generated/openapi.json', /^3\.1\.\d+$/],
    ['generated/openapi-3.0.yaml', /^3\.0\.3$/],
    ['generated/openapi-3.0.json', /^3\.0\.3$/],
  ])('%s carries it (npm run generate after a bump)', (file, openapi) => {
    // YAML parses JSON too.
    const doc = parse(read(file)) as { openapi: string; info: { version: string } };
    expect(doc.openapi).toMatch(openapi);
    expect(doc.info.version).toBe(version);
  });

  it('the Python and Go clients carry it', () => {
    expect(read('python/pyproject.toml')).toMatch(new RegExp(`^version = "${version.replace(/\./g, '\\.')}"$`, 'm'));
    expect(read('python/modelarts_processor_tasks/client.py')).toContain(`__version__ = "${version}"`);
    expect(read('go/client.go')).toContain(`const Version = "${version}"`);
  });

  it('the docs page embeds it', () => {
    expect(read('generated/docs/index.html')).toContain(`"version":${JSON.stringify(version)}`);
  });

  it('CHANGELOG.md has an Unreleased section, then this version as the newest release, with entries', () => {
    const changelog = read('CHANGELOG.md');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)];
    expect(headings.map((h) => h[1])).toContain(version);
    expect(headings[0]?.[1]).toBe('Unreleased');
    const release = headings[1]!;
    expect(release[1], 'the newest release section is this version').toBe(version);
    expect(release[2], 'a release section is dated').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const body = changelog.slice(release.index! + release[0].length, headings[2]?.index ?? changelog.length);
    expect(body).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
    expect(body).toMatch(/^- \S/m);
  });
});
