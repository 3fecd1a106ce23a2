// How a team would generate a fetch client from the published bundle with Hey API
// (`npx openapi-ts -f consumers/hey-api.config.ts`). The suite calls `heyApiConfig` with a
// temporary output folder (test/consumers-generators.test.ts).
import { defineConfig, type UserConfig } from '@hey-api/openapi-ts';

export function heyApiConfig(input: string, output: string): UserConfig {
  return {
    input,
    output,
    // The fetch client is generated into the output folder: no runtime dependency.
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent' },
  };
}

// `./`: Hey API reads a bare relative path such as `generated/openapi.json` as a registry
// shorthand (`organization/project`).
export default defineConfig(heyApiConfig('./generated/openapi.json', '.tmp/consumers/hey-api'));
