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
});

export type ConfigInput = v.InferInput<typeof configSchema>;
export type Config = v.InferOutput<typeof configSchema>;
