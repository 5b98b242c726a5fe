import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../origin/pages.ts';

const siteCss = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

// Custom properties in order of appearance: light first, then dark.
function customProperties(css: string): string[] {
  return [...css.matchAll(/(--[a-z-]+):\s*([^;}]+)/g)].map(([, name, value]) => `${name}:${value.trim()}`);
}

describe("the receiver's pages", () => {
  it("use the site's colours in light and dark mode, as src/styles/global.css sets them", () => {
    const html = renderPage(
      { title: 'x', body: [] },
      { siteBase: new URL('https://www.example.ca/'), canResubmit: false },
    );
    const style = /<style>([^<]*)<\/style>/.exec(html)![1];
    const site = new Set(customProperties(siteCss));
    const ours = customProperties(style);
    expect(ours).toHaveLength(12);
    for (const property of ours) expect(site).toContain(property);
  });
});
