import { expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../scanners/config/load.ts';
import type { ConfigInput } from '../../scanners/config/schema.ts';
import { gatherHeaders } from '../../scanners/gather/site-files/headers.ts';
import { gatherHtml } from '../../scanners/gather/html/index.ts';
import type { HeaderObservation, Observation, ObservationKind, ObservationOf } from '../../scanners/observations.ts';
import type { Hit, RuleDefinition } from '../../scanners/rules/define-rule.ts';

/** The test config: nospy.config.json's example site, origin and Bunny library, with Bunny Fonts allowed. */
export function testConfig(overrides: Partial<ConfigInput> = {}): ResolvedConfig {
  return resolveConfig(
    {
      site: 'https://www.example.ca',
      firstPartyHosts: ['example.ca'],
      origin: 'https://origin.example.ca',
      bunny: { libraryIds: ['123456'] },
      allowHosts: ['fonts.bunny.net'],
      ...overrides,
    },
    'test config',
  );
}

const defaultConfig = testConfig();

const at = { file: 'index.html', line: 1, column: 1, source: 'html' } as const;

function hostOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return /^(https?|wss?|ftp):$/.test(protocol) ? hostname : '';
}

type Fields<K extends ObservationKind> = Omit<
  ObservationOf<K>,
  'kind' | 'file' | 'line' | 'column' | 'source' | 'host' | 'raw'
> &
  Partial<ObservationOf<K>>;

/** Hand-made observations with a default location (index.html 1:1, html) and host/raw derived from `url`. */
export const observe = {
  request: (fields: Partial<Fields<'request'>> & { url: string }): Observation => ({
    kind: 'request',
    ...at,
    type: 'script',
    raw: fields.url,
    host: hostOf(fields.url),
    ...fields,
  }),
  navigation: (fields: Partial<Fields<'navigation'>> & { url: string }): Observation => ({
    kind: 'navigation',
    ...at,
    element: 'a',
    via: 'link',
    marked: false,
    raw: fields.url,
    host: hostOf(fields.url),
    ...fields,
  }),
  form: (fields: Partial<Fields<'form'>> & { url: string }): Observation => ({
    kind: 'form',
    ...at,
    element: 'form',
    method: 'post',
    via: 'action',
    fields: [],
    raw: fields.url,
    host: hostOf(fields.url),
    ...fields,
  }),
  embed: (fields: Partial<Fields<'embed'>> & { url: string }): Observation => ({
    kind: 'embed',
    ...at,
    element: 'iframe',
    media: false,
    attributes: {},
    raw: fields.url,
    host: hostOf(fields.url),
    ...fields,
  }),
  storage: (fields: Fields<'storage'>): Observation => ({ kind: 'storage', ...at, source: 'js', ...fields }),
  snippet: (fields: Fields<'snippet'>): Observation => ({ kind: 'snippet', ...at, source: 'js', ...fields }),
  refusal: (fields: Fields<'refusal'>): Observation => ({ kind: 'refusal', ...at, source: 'browser', ...fields }),
  /** A header as the gatherer reads it from a `_headers` line of the site (report endpoints resolved). */
  header: (fields: Omit<Fields<'header'>, 'pattern'> & { pattern?: string }): Observation => {
    const [gathered] = gatherHeaders(`/*\n${fields.name}: ${fields.value}\n`, '_headers', defaultConfig.site);
    const { reportEndpoints } = gathered as HeaderObservation;
    return {
      kind: 'header',
      ...at,
      file: '_headers',
      source: 'headers',
      pattern: '/*',
      ...(reportEndpoints ? { reportEndpoints } : {}),
      ...fields,
    };
  },
};

/** What a test asserts about a hit: its message id and where it points (not the wording). */
export interface Reported {
  messageId: string;
  line: number;
  column: number;
  vendor?: string;
}

/** Runs one rule's `check` directly on observations (only kinds it observes), as the engine would. */
export function check(rule: RuleDefinition, observations: Observation[], config = defaultConfig): Reported[] {
  const reported: Reported[] = [];
  for (const observation of observations) {
    if (!(rule.observes as readonly string[]).includes(observation.kind)) continue;
    const result = rule.check(observation, config);
    const hits: Hit[] = result === undefined ? [] : Array.isArray(result) ? result : [result];
    for (const hit of hits) {
      const where = hit.at ?? observation;
      reported.push({
        messageId: hit.messageId,
        line: where.line,
        column: where.column,
        ...(hit.vendor ? { vendor: hit.vendor } : {}),
      });
    }
  }
  return reported;
}

/**
 * Observations of a page of the test site, through the real HTML gatherer (`index.html` at the site root unless named).
 */
export function gatherPage(html: string, file = 'index.html'): Observation[] {
  const url = new URL(file.replace(/(^|\/)index\.html$/, '$1'), 'https://www.example.ca/').href;
  return gatherHtml(html, { file, url });
}

/**
 * A case of a valid/invalid table: inline HTML (gathered as the site's home page), the text of a `_headers` file,
 * or hand-made observations.
 */
export type Case = { name: string; config?: ResolvedConfig } & (
  | { html: string }
  | { headersFile: string }
  | { observations: Observation[] }
);

function observationsOf(test: Case): Observation[] {
  if ('html' in test) return gatherPage(test.html);
  if ('headersFile' in test) return gatherHeaders(test.headersFile, '_headers', (test.config ?? defaultConfig).site);
  return test.observations;
}
export type InvalidCase = Case & {
  /** Expected hits; `line`/`column` default to 1 (hand-made observations sit at 1:1). */
  errors: Array<Partial<Reported> & { messageId: string }>;
};

/** ESLint-style table: every valid case yields no hit, every invalid case exactly its errors. */
export function testRule(rule: RuleDefinition, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  for (const test of cases.valid) {
    it(`accepts ${test.name}`, () => {
      expect(check(rule, observationsOf(test), test.config)).toEqual([]);
    });
  }
  for (const test of cases.invalid) {
    it(`reports ${test.name}`, () => {
      const expected = test.errors.map((error) => expect.objectContaining({ line: 1, column: 1, ...error }));
      expect(check(rule, observationsOf(test), test.config)).toEqual(expected);
    });
  }
}
