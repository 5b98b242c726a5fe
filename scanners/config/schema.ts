import * as v from 'valibot';

const httpUrl = v.pipe(
  v.string(),
  v.url('expected an absolute URL'),
  // valibot runs every action of a pipe, so the checks after url() must survive a value that is no URL.
  v.check((value) => !URL.canParse(value) || /^https?:$/i.test(new URL(value).protocol), 'expected an http(s) URL'),
);
const hostPattern = v.pipe(
  v.string(),
  v.regex(/^(\*\.)?[a-z0-9.-]+$/i, 'expected a host name such as "cdn.example.com" or "*.example.com"'),
);
const severity = v.picklist(['error', 'warning', 'off'], 'expected "error", "warning" or "off"');
const reason = v.pipe(
  v.string(),
  v.check((value) => value.trim() !== '', 'expected a reason: why this exception is acceptable'),
);

/** One accepted exception: findings of `rule` (an id or a category), narrowed by host and file globs. */
const suppression = v.strictObject({
  rule: v.string(),
  host: v.optional(hostPattern),
  files: v.optional(v.array(v.string())),
  reason,
});

/** `nospy.config.json`, exactly as SPEC.md documents it; unknown keys are errors. */
export const configSchema = v.strictObject({
  $schema: v.optional(v.string()),
  site: httpUrl,
  firstPartyHosts: v.optional(v.array(hostPattern), []),
  origin: v.optional(
    v.pipe(
      httpUrl,
      v.check((value) => !URL.canParse(value) || new URL(value).protocol === 'https:', 'expected an https URL'),
    ),
  ),
  bunny: v.optional(
    v.strictObject({
      libraryIds: v.array(v.pipe(v.string(), v.regex(/^\d+$/, 'expected a numeric library id as a string'))),
    }),
  ),
  allowHosts: v.optional(v.array(hostPattern), []),
  externalLinks: v.optional(
    v.strictObject({
      mode: v.optional(v.picklist(['inline', 'interstitial'], 'expected "inline" or "interstitial"'), 'inline'),
      /** Path of the site's leaving page, used in interstitial mode. */
      leavingPage: v.optional(v.pipe(v.string(), v.startsWith('/', 'expected a path starting with "/"')), '/leaving/'),
    }),
    { mode: 'inline', leavingPage: '/leaving/' },
  ),
  ignore: v.optional(v.array(v.string()), []),
  rules: v.optional(v.record(v.string(), severity), {}),
  suppress: v.optional(v.array(suppression), []),
  /** The page whose anchors findings cite: a path of the site or an absolute URL. */
  policyPage: v.optional(
    v.union([v.pipe(v.string(), v.startsWith('/')), httpUrl], 'expected a path starting with "/" or an http(s) URL'),
    '/privacy/',
  ),
});

export type ConfigInput = v.InferInput<typeof configSchema>;
export type Config = v.InferOutput<typeof configSchema>;
export type Suppression = v.InferOutput<typeof suppression>;
