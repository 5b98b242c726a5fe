import { resolveConfig, type ResolvedConfig } from '../../scanners/config/load.ts';
import type { ConfigInput } from '../../scanners/config/schema.ts';
import type { TransformContext } from '../../scanners/transforms/context.ts';

/** A config like the starter's: www.example.ca on the CDN, origin.example.ca receiving forms. */
export function testConfig(overrides: Partial<ConfigInput> = {}): ResolvedConfig {
  return resolveConfig(
    {
      site: 'https://www.example.ca',
      firstPartyHosts: ['example.ca'],
      origin: 'https://origin.example.ca',
      ...overrides,
    },
    'test config',
  );
}

/** A transform context for `file` (default: the contact page). */
export function testContext(overrides: Partial<ConfigInput> = {}, file = 'contact/index.html'): TransformContext {
  return { file, config: testConfig(overrides) };
}
