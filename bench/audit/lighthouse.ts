import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type Result from 'lighthouse/types/lhr/lhr.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs } from '../../scanners/crawl/chromium.ts';

/** The categories SPEC "Visitors" asks 100 in. */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Lighthouse's phone run (its default, throttled) and its desktop run. */
export const formFactors = ['mobile', 'desktop'] as const;

/** One Lighthouse run: the score per category (0–100) and, for a category below 100, the audits that kept it there. */
export interface LighthouseResult {
  scores: Record<string, number>;
  failedAudits: string[];
}

/** A Chromium that Lighthouse drives over the DevTools protocol, with the crawl's loopback-only flags. */
export async function launchForLighthouse(chromePath: string): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
}

/** The categories whose scores do not depend on timing, so one run on a busy machine judges them. */
export const untimedCategories = ['accessibility', 'best-practices', 'seo'] as const;

type Category = (typeof lighthouseCategories)[number];

/** Runs Lighthouse's categories (all four unless told) on `url` in `chrome`, as a phone or a desktop sees it. */
export async function runLighthouse(
  chrome: chromeLauncher.LaunchedChrome,
  url: string,
  formFactor: (typeof formFactors)[number],
  categories: readonly Category[] = lighthouseCategories,
): Promise<LighthouseResult> {
  const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: [...categories] };
  const run = async () => {
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return result.lhr;
  };
  const summarize = (lhr: Result) => summarizeCategories(lhr, categories);
  const first = summarize(await run());
  if (first.failedAudits.length === 0) return first;
  // Lighthouse's timings vary from run to run on a busy machine; as its docs advise, judge the median of three runs.
  const runs = [first, summarize(await run()), summarize(await run())];
  return runs.sort((a, b) => total(a) - total(b))[1]!;
}

const total = (result: LighthouseResult) => Object.values(result.scores).reduce((sum, score) => sum + score, 0);

/** The scores of one Lighthouse report, and the audits that kept a category below 100. */
function summarizeCategories(
  { categories, audits, runtimeError }: Result,
  judged: readonly Category[],
): LighthouseResult {
  const scores: Record<string, number> = {};
  const failedAudits: string[] = [];
  for (const id of judged) {
    const category = categories[id];
    scores[id] = Math.round((category?.score ?? 0) * 100);
    if (scores[id] === 100) continue;
    // The budget is the category's 100; the audits below full marks say why it missed.
    const below = (category?.auditRefs ?? []).filter(({ id: auditId, weight }) => {
      const score = audits[auditId]?.score;
      return weight > 0 && typeof score === 'number' && score < 1;
    });
    // A run that could not measure (no paint seen, a page that timed out) scores 0 without failing an audit.
    const reasons = below.length > 0 ? below.map(({ id: auditId }) => auditId) : [runtimeError?.code ?? 'unscored'];
    failedAudits.push(...reasons.map((reason) => `${id}/${reason}`));
  }
  return { scores, failedAudits };
}
