import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs } from '../../scanners/crawl/chromium.ts';

/** The categories SPEC "Visitors" asks 100 in. */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Lighthouse's phone run (its default, throttled) and its desktop run. */
export const formFactors = ['mobile', 'desktop'] as const;

/** One Lighthouse run: the score per category (0–100) and the audits that kept a category below 100. */
export interface LighthouseResult {
  scores: Record<string, number>;
  failedAudits: string[];
}

/** A Chromium that Lighthouse drives over the DevTools protocol, with the crawl's loopback-only flags. */
export async function launchForLighthouse(chromePath: string): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
}

/** Runs Lighthouse's four categories on `url` in `chrome`, as a phone or a desktop sees it. */
export async function runLighthouse(
  chrome: chromeLauncher.LaunchedChrome,
  url: string,
  formFactor: (typeof formFactors)[number],
): Promise<LighthouseResult> {
  const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: [...lighthouseCategories] };
  const run = async () => {
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return result.lhr;
  };
  let lhr = await run();
  // A run that could not measure (NO_FCP on a busy machine) says nothing about the page: one more run tells.
  if (lhr.runtimeError) lhr = await run();
  const { categories, audits, runtimeError } = lhr;
  const scores: Record<string, number> = {};
  const failedAudits: string[] = [];
  for (const id of lighthouseCategories) {
    const category = categories[id];
    scores[id] = Math.round((category?.score ?? 0) * 100);
    for (const { id: auditId, weight } of category?.auditRefs ?? []) {
      const score = audits[auditId]?.score;
      if (weight > 0 && score !== null && score !== undefined && score < 1) failedAudits.push(`${id}/${auditId}`);
    }
    // A run that could not measure (no paint seen, a page that timed out) scores 0 without failing an audit.
    if (scores[id] < 100 && !failedAudits.some((audit) => audit.startsWith(`${id}/`))) {
      failedAudits.push(`${id}/${runtimeError?.code ?? 'unscored'}`);
    }
  }
  return { scores, failedAudits };
}
