// How a team would generate a fetch client from the published bundle with orval
// (`npx orval --config consumers/orval.config.ts`). The suite calls `orvalOptions` with a
// temporary output file and the mock's URL (test/consumers-generators.test.ts).
import { defineConfig, type Options } from 'orval';

/** orval's fetch client fixes its base URL when it generates: a URL, or the spec's first server. */
export type OrvalBaseUrl = string | { getBaseUrlFromSpecification: true };

export function orvalOptions(input: string, target: string, baseUrl: OrvalBaseUrl): Options {
  return {
    input: { target: input },
    output: {
      target,
      client: 'fetch',
      mode: 'single',
      baseUrl,
      // orval 7's fetch client explodes every array query parameter while `override.fetch.explode`
      // is true (its default), whatever the parameter's own `explode`: `version_id` (explode:
      // false) would go out as `version_id=a&version_id=b` instead of `version_id=a,b`. Off, the
      // parameter's own `explode` decides (orval-labs/orval#2272; the option is gone in orval 8).
      override: { fetch: { explode: false } },
    },
  };
}

// orval resolves these paths from this file's folder, not from the working directory.
export default defineConfig({
  processorTasks: orvalOptions('../generated/openapi.json', '../.tmp/consumers/orval/processor-tasks.ts', { getBaseUrlFromSpecification: true }),
});
