import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherHtml } from '../../../scanners/gather/html/index.ts';

const page = { file: 'index.html', url: 'https://site.test/index.html' };

const tagNames = [
  'img',
  'a',
  'area',
  'form',
  'input',
  'button',
  'textarea',
  'iframe',
  'script',
  'style',
  'base',
  'meta',
  'link',
  'svg',
  'use',
  'image',
  'video',
  'source',
  'object',
  'embed',
  'template',
  'noscript',
  'pre',
  'title',
  'table',
  'td',
  'p',
  'div',
  'IMG',
  'A',
];
const attributeNames = [
  'src',
  'href',
  'xlink:href',
  'srcset',
  'imagesrcset',
  'style',
  'onclick',
  'srcdoc',
  'action',
  'formaction',
  'formmethod',
  'method',
  'form',
  'id',
  'rel',
  'as',
  'http-equiv',
  'content',
  'type',
  'ping',
  'data-src',
  'background',
  'SRC',
  'data-leaving',
];
const values = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'https://t.test/a.png',
    '//t.test/x',
    'javascript:go()',
    'data:text/html,<img src=https://t.test/>',
    '#id',
    'stylesheet',
    'refresh',
    'set-cookie',
    '0; url=https://t.test/',
    'a.png 1x, b.png 2x',
    'module',
    'importmap',
    'post',
    '&#104;ttps://t.test/',
    '<iframe srcdoc="<img src=x>"></iframe>',
    '',
  ),
);

const attribute = fc
  .tuple(fc.constantFrom(...attributeNames), values, fc.constantFrom('"', "'", '', 'none'))
  .map(([name, value, quote]) =>
    quote === 'none'
      ? name
      : quote === ''
        ? `${name}=${value.replace(/[\s>]/g, '')}`
        : `${name}=${quote}${value.replaceAll(quote, '')}${quote}`,
  );

const tag = fc
  .tuple(
    fc.constantFrom(...tagNames),
    fc.array(attribute, { maxLength: 5 }),
    fc.boolean(),
    fc.string({ maxLength: 20 }),
  )
  .map(
    ([name, attributes, close, text]) =>
      `<${name}${attributes.map((a) => ` ${a}`).join('')}>${text}${close ? `</${name}>` : ''}`,
  );

const soup = fc
  .array(
    fc.oneof(
      tag,
      fc.string({ maxLength: 30 }),
      fc.constantFrom('<!--', '-->', '</', '<', '>', '\n', '<![CDATA[', '&amp;', '&#'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function expectWellLocated(html: string): void {
  for (const observation of gatherHtml(html, page)) {
    expect(observation.line).toBeGreaterThanOrEqual(1);
    expect(observation.column).toBeGreaterThanOrEqual(1);
    expect(observation.file).toBe('index.html');
  }
}

describe('gatherHtml on any input', () => {
  it('never throws on arbitrary strings, and every observation has a 1-based position', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectWellLocated), { numRuns: 300 });
  });

  it('never throws on attribute soup, and every observation has a 1-based position', () => {
    fc.assert(fc.property(soup, expectWellLocated), { numRuns: 500 });
  });

  it('never throws on deep nesting of any tags', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tagNames), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 400 }),
        (names, depth) => {
          const open = Array.from(
            { length: depth },
            (_, i) => `<${names[i % names.length]} src="https://t.test/${i}">`,
          ).join('');
          expectWellLocated(open);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('places every observation on a line that exists', () => {
    fc.assert(
      fc.property(soup, (html) => {
        const lines = html.split(/\r\n?|\n/).length;
        for (const observation of gatherHtml(html, page)) expect(observation.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 300 },
    );
  });
});
