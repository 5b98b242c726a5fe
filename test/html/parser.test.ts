import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { BrowserParser, BrowserTokenizer } from '../../scanners/html/parser.ts';

/** BrowserTokenizer reading every character, as htmlparser2's own loop does: what its fast paths must match. */
class CharByCharTokenizer extends BrowserTokenizer {}
for (const state of ['stateText', 'handleInAttributeValue', 'fastForwardTo'] as const) {
  Object.defineProperty(CharByCharTokenizer.prototype, state, {
    value: (Tokenizer.prototype as unknown as Record<string, unknown>)[state],
  });
}

/** Every event the parser reports, with the offsets it reports them at, for chunks written one after another. */
function events(chunks: string[], tokenizer?: typeof Tokenizer): unknown[] {
  const seen: unknown[] = [];
  const at = () => [parser.startIndex, parser.endIndex];
  const parser: BrowserParser = new BrowserParser(
    {
      onopentagname: (name) => seen.push('opentagname', name, ...at()),
      onattribute: (name, value, quote) => seen.push('attribute', name, value, quote, ...at()),
      onopentag: (name, attributes, implied) => seen.push('opentag', name, { ...attributes }, implied, ...at()),
      onclosetag: (name, implied) => seen.push('closetag', name, implied, ...at()),
      ontext: (data) => seen.push('text', data, ...at()),
      oncomment: (data) => seen.push('comment', data, ...at()),
      oncdatastart: () => seen.push('cdatastart', ...at()),
      oncdataend: () => seen.push('cdataend', ...at()),
      onprocessinginstruction: (name, data) => seen.push('instruction', name, data, ...at()),
      onEndTagToken: (start, end) => seen.push('endtagtoken', start, end),
    },
    tokenizer && { Tokenizer: tokenizer },
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return seen;
}

const piece = fc.oneof(
  fc.constantFrom(
    '<p>',
    '</p>',
    '<a href="/x?a=1&amp;b=2">',
    "<a title='it&#39;s &quot;q&quot;'>",
    '<a href=x&y>',
    '<img alt="&notin; &notit; &amp &#x41; &">',
    '</a>',
    '<script>',
    '</script>',
    '<script type="module">if (a < b && c) x = "</scrip";</script>',
    '<style>a::before{content:"<&>"}</style>',
    '<title>A &amp; B</title>',
    '<textarea>&lt;</textarea>',
    '<!-- a -- b -->',
    '<!--',
    '-->',
    '<![CDATA[x]]>',
    '<svg><![CDATA[<&>]]></svg>',
    '<?php x ?>',
    '<!doctype html>',
    '&amp;',
    '&copy',
    '&#60;',
    '&',
    '<',
    '"',
    "'",
    '\r\n',
  ),
  fc.string({ maxLength: 12 }),
);
const html = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
/** The same text cut into chunks at arbitrary places, as a stream delivers it. */
const chunked = html.chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 4 })
    .map((cuts) => [0, ...cuts.filter((cut) => cut < text.length).sort((a, b) => a - b), text.length])
    .map((bounds) => bounds.slice(1).map((end, index) => text.slice(bounds[index], end))),
);

describe('BrowserParser skipping what its states ignore', () => {
  it('reports the same events at the same offsets as reading every character', () => {
    fc.assert(
      fc.property(chunked, (chunks) => {
        expect(events(chunks)).toEqual(events(chunks, CharByCharTokenizer));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes entities in text and attribute values up to the next tag or quote', () => {
    let text = '';
    let title = '';
    const parser = new BrowserParser({
      ontext: (data) => {
        text += data;
      },
      onattribute: (_, value) => {
        title = value;
      },
    });
    parser.end('<p title="a &amp; b &quot;c&quot; &">x &lt; y &notin; z & w</p>');
    expect(title).toBe('a & b "c" &');
    expect(text).toBe('x < y ∉ z & w');
  });
});
