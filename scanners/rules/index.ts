import type { RuleDefinition } from './define-rule.ts';
import cookiesScriptCookie from './cookies/script-cookie.ts';
import cookiesSetCookie from './cookies/set-cookie.ts';
import cookiesStorage from './cookies/storage.ts';
import embedsBunnyNotPrivate from './embeds/bunny-not-private.ts';
import embedsBunnyUnknownLibrary from './embeds/bunny-unknown-library.ts';
import embedsThirdPartyPlayer from './embeds/third-party-player.ts';
import externalLinksMetaRefresh from './external-links/meta-refresh.ts';
import externalLinksRedirect from './external-links/redirect.ts';
import externalLinksUnmarked from './external-links/unmarked.ts';
import formsInsecureAction from './forms/insecure-action.ts';
import formsPersonalDataInScriptUrl from './forms/personal-data-in-script-url.ts';
import formsPersonalDataInUrl from './forms/personal-data-in-url.ts';
import formsPostToCdn from './forms/post-to-cdn.ts';
import formsPostToThirdParty from './forms/post-to-third-party.ts';
import headersBrowserRefused from './headers/browser-refused.ts';
import headersCspViolation from './headers/csp-violation.ts';
import headersLeakyReferrerPolicy from './headers/leaky-referrer-policy.ts';
import headersThirdPartyReporting from './headers/third-party-reporting.ts';
import inputUnparsableScript from './input/unparsable-script.ts';
import inputUnreadable from './input/unreadable.ts';
import suppressionsNoReason from './suppressions/no-reason.ts';
import suppressionsUnused from './suppressions/unused.ts';
import thirdPartyRequest from './third-party/request.ts';
import trackersKnownTracker from './trackers/known-tracker.ts';
import trackersTrackingSnippet from './trackers/tracking-snippet.ts';

/** Every rule nospy runs, in id order. */
export const allRules: readonly RuleDefinition[] = [
  cookiesScriptCookie,
  cookiesSetCookie,
  cookiesStorage,
  embedsBunnyNotPrivate,
  embedsBunnyUnknownLibrary,
  embedsThirdPartyPlayer,
  externalLinksMetaRefresh,
  externalLinksRedirect,
  externalLinksUnmarked,
  formsInsecureAction,
  formsPersonalDataInScriptUrl,
  formsPersonalDataInUrl,
  formsPostToCdn,
  formsPostToThirdParty,
  headersBrowserRefused,
  headersCspViolation,
  headersLeakyReferrerPolicy,
  headersThirdPartyReporting,
  inputUnparsableScript,
  inputUnreadable,
  suppressionsNoReason,
  suppressionsUnused,
  thirdPartyRequest,
  trackersKnownTracker,
  trackersTrackingSnippet,
];

/** Every rule id; the config loader rejects overrides of any other id. */
export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));
