import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../scanners/engine.ts';
import { gatherHtml } from '../../scanners/gather/html/index.ts';
import { pageUrl } from '../../scanners/syntax/url.ts';
import { planPage, transformPage } from '../../scanners/transforms/index.ts';
import { leavingMark } from '../../scanners/transforms/leaving-notice.ts';
import { leavingDestinations } from '../../scanners/transforms/leaving-pages.ts';
import { readPageTags } from '../../scanners/transforms/page-tags.ts';
import { applyEdits } from '../../scanners/html/splice.ts';
import { ownHiddenStyle } from '../../scanners/transforms/theme-styles.ts';
import { testContext } from './support.ts';

const urls = [
  'https://other.org/x',
  '//other.org',
  'HTTPS://OTHER.ORG',
  'https&#58;//other.org',
  ' https://other.org/a b ',
  '/local',
  'page',
  '#top',
  'https://www.example.ca/',
  'https://example.ca/x',
  'mailto:a@b.c',
  'tel:1',
  'javascript:x()',
  '',
  'https://origin.example.ca/contact',
  'http://[bad',
  'https://other.org/"q"',
];
const quoted = (value: string) =>
  fc.constantFrom(
    `"${value.replaceAll('"', '&quot;')}"`,
    `'${value.replaceAll("'", '&#39;')}'`,
    value.replace(/[\s"'=<>`]/g, '') || 'x',
  );
const attribute = (names: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom(...urls, 'post', 'POST', 'get', 'nofollow', 'noopener noreferrer', 'leaving-mark'),
    )
    .chain(([name, value]) =>
      fc.oneof(
        fc.constant(name),
        quoted(value).map((v) => `${name}=${v}`),
      ),
    );
const tag = (names: string[], attributeNames: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...names),
      fc.array(attribute(attributeNames), { maxLength: 4 }),
      fc.constantFrom('>', '/>', ' >', '\n>'),
    )
    .map(([name, attributes, end]) => `<${name}${attributes.map((a) => ` ${a}`).join('')}${end}`);
const closing = fc.constantFrom(
  '</a>',
  '</A>',
  '</form>',
  '</svg>',
  '</noscript>',
  '</span>',
  '</script>',
  '</template>',
);
/**
 * Start tags of scripts whose text the check reads as markup (and the transforms edit), and of some that it does not.
 */
const scriptStart = fc.constantFrom(
  '<script type="text/x-template">',
  '<SCRIPT TYPE=text/template>',
  '<script type="text/x-template" src="/t">',
  '<script>',
  '<script type="application/json">',
);
const noise = fc.constantFrom(
  'text',
  '<',
  '>',
  '"',
  "'",
  '/',
  '=',
  '&amp;',
  '<!-- <a href=//other.org> -->',
  '<pre>&lt;a&gt;</pre>',
  '<script>"<a href=//x.org>"</script>',
  '\r\n',
);

/** HTML-ish text built from the pieces transforms care about, plus the characters that break naive parsers. */
function htmlish(tagNames: string[], attributeNames: string[]) {
  return fc
    .array(fc.oneof(tag(tagNames, attributeNames), closing, noise, scriptStart, fc.string({ maxLength: 6 })), {
      maxLength: 24,
    })
    .map((parts) => parts.join(''));
}

const anyHtml = htmlish(
  ['a', 'A', 'area', 'form', 'FORM', 'button', 'input', 'base', 'span', 'svg', 'noscript', 'textarea', 'style'],
  [
    'href',
    'HREF',
    'rel',
    'data-leaving',
    'class',
    'method',
    'action',
    'formaction',
    'formmethod',
    'type',
    'style',
    'id',
    'form',
  ],
);
/** Mostly links and forms, with the attributes that decide where they go. */
const linksAndForms = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: tag(['a', 'A', 'area'], ['href', 'href', 'xlink:href', 'rel', 'data-leaving']) },
      { weight: 3, arbitrary: tag(['form', 'FORM'], ['method', 'method', 'action', 'action', 'id']) },
      { weight: 2, arbitrary: tag(['button', 'input'], ['type', 'formaction', 'formmethod', 'form']) },
      { weight: 1, arbitrary: tag(['base', 'svg', 'noscript', 'span', 'template'], ['href', 'class']) },
      { weight: 2, arbitrary: closing },
      { weight: 2, arbitrary: noise },
      { weight: 1, arbitrary: scriptStart },
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''));
const contexts = [
  testContext(),
  testContext({ externalLinks: { mode: 'interstitial' } }),
  testContext({}, 'index.html'),
  testContext({}, 'icons/sprite.svg'),
];

const ownStyle = `<style>${ownHiddenStyle}</style>`;
/** What `fix` inserts before `</a>`: the ↗, the hidden words, or both. */
const hiddenWords = '<span class="[a-z-]+"> \\(leaves this site\\)</span>';
const noticeMarkup = new RegExp(`^(?:${leavingMark})?(?:${hiddenWords})?$`);
const noticeParts = new RegExp(`${leavingMark}|${hiddenWords}`, 'g');

describe('transforms on arbitrary HTML', () => {
  it('never throw, and a second run changes nothing', () => {
    fc.assert(
      fc.property(anyHtml, fc.constantFrom(...contexts), (html, context) => {
        const once = transformPage(html, context).text;
        expect(transformPage(once, context).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('edit only inside the start tags they mark or route, and before </a>: every other byte stays identical', () => {
    fc.assert(
      fc.property(anyHtml, fc.constantFrom(...contexts), (html, context) => {
        const { edits, page } = planPage(html, context);
        const tags = [...page.links, ...page.forms, ...page.submitters, ...page.cspMetas];
        for (const edit of edits) {
          const inTag = tags.some((tag) => edit.start > tag.start && edit.end <= tag.end);
          const inserted = edit.start === edit.end;
          const notice =
            inserted && noticeMarkup.test(edit.text) && page.links.some((link) => link.closeStart === edit.start);
          const style =
            inserted &&
            edit.text === ownStyle &&
            (edit.start === page.headEnd || page.links.some((link) => link.start === edit.start));
          expect(inTag || notice || style, JSON.stringify(edit)).toBe(true);
        }
        expect(applyEdits(html, edits)).toBe(transformPage(html, context).text);
      }),
      { numRuns: 1000 },
    );
  });

  it('only insert when no rel or form is involved: removing the inserted markup gives back the input', () => {
    const links = htmlish(['a', 'A', 'area', 'span', 'svg', 'p'], ['href', 'HREF', 'class', 'title']);
    const inserted = ' data-leaving="" rel="noopener noreferrer external"';
    fc.assert(
      fc.property(links, (html) => {
        fc.pre(!html.includes('leaving'));
        const out = transformPage(html, testContext()).text;
        expect(out.replace(noticeParts, '').replaceAll(ownStyle, '').replaceAll(inserted, '')).toBe(html);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('interstitial leaving pages', () => {
  const facade = fc.constantFrom('<lite-youtube videoid="a">', '</lite-youtube>');
  const page = fc.array(fc.oneof(linksAndForms, facade), { maxLength: 4 }).map((parts) => parts.join(''));
  const context = testContext({ externalLinks: { mode: 'interstitial' } });

  it("are written for exactly the destinations fix sends the page's links through", () => {
    fc.assert(
      fc.property(page, (html) => {
        // The generated pages have no data-leaving-to of their own: each in the output names a link fix routed.
        const routed = readPageTags(transformPage(html, context).text).links.flatMap(
          (link) => link.attributes['data-leaving-to'] ?? [],
        );
        expect(new Set(leavingDestinations(readPageTags(html), context))).toEqual(new Set(routed));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('transforms and the check agree', () => {
  const fixable = new Set(['external-links/unmarked', 'forms/post-to-cdn']);

  it('after the transforms, the check finds no unmarked external link and no POST to the CDN', () => {
    fc.assert(
      fc.property(linksAndForms, fc.constantFrom(...contexts), (html, context) => {
        const fixed = transformPage(html, context).text;
        const observations = gatherHtml(fixed, { file: context.file, url: pageUrl(context.config.site, context.file) });
        const findings = runRules(observations, context.config).filter((finding) => fixable.has(finding.ruleId));
        expect(findings).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
