import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptBase, readingBaseUrl } from '../../scanners/html/base.ts';
import { type HtmlHandler, MAX_DEPTH, readHtml } from '../../scanners/html/reader.ts';
import { getAttribute, type HtmlReading, type StartTag } from '../../scanners/html/tags.ts';

const PAGE = 'https://www.example.ca/blog/post.html';

/** Every start tag of `html` and of the readings nested in it, in the order the reader reports them. */
function readTags(html: string, options = { writtenAttributes: true }): { tags: StartTag[]; reading: HtmlReading } {
  const tags: StartTag[] = [];
  const handler = (): HtmlHandler => ({
    startTag: (tag) => tags.push(tag),
    nested: (markup) => markup.read(handler()),
  });
  return { tags, reading: readHtml(html, handler(), options) };
}

/** The tag named `name` (the `index`th of them), which the test expects to exist. */
function tagOf(tags: StartTag[], name: string, index = 0): StartTag {
  const tag = tags.filter((candidate) => candidate.name === name)[index];
  if (tag === undefined) throw new Error(`no <${name}> #${index}`);
  return tag;
}

describe('readHtml offsets', () => {
  it('gives each start tag as written, from its < to its >', () => {
    const html = '<P class=x>one\n<A HREF = "/a" title=\'t\'>two</A><br/>';
    const { tags } = readTags(html);
    expect(tags.map((tag) => html.slice(tag.start, tag.end + 1))).toEqual([
      '<P class=x>',
      '<A HREF = "/a" title=\'t\'>',
      '<br/>',
    ]);
  });

  it('gives every written attribute, duplicates included, as its exact bytes', () => {
    const html = '<a href="/one" HREF=/two data-x=\'&amp;\' hidden>';
    const [link] = readTags(html).tags;
    expect(link!.written.map((attribute) => html.slice(attribute.start, attribute.end))).toEqual([
      'href="/one"',
      'HREF=/two',
      "data-x='&amp;'",
      'hidden',
    ]);
    expect(link!.written.map((attribute) => attribute.quote)).toEqual(['"', null, "'", undefined]);
    expect(getAttribute(link!, 'href')?.value).toBe('/one');
    expect(link!.attributes).toEqual({ href: '/one', 'data-x': '&', hidden: '' });
  });

  it('records written attributes only when asked, for readers that do not splice', () => {
    const [link] = readTags('<a href="/x">', { writtenAttributes: false }).tags;
    expect(link!.written).toEqual([]);
    expect(link!.attributes).toEqual({ href: '/x' });
  });

  it('reports no tag for a start tag the file leaves unfinished, and closes unclosed elements', () => {
    const { tags } = readTags('<p><a href="x">text<a href=y');
    expect(tags.map((tag) => tag.name)).toEqual(['p', 'a']);
  });

  it('keeps the attributes of a form htmlparser2 drops (one inside a form) off the tags around it', () => {
    const html = '<form method="post"><form action="https://other.org/"><input name=a>';
    const { tags } = readTags(html);
    expect(tags.map((tag) => tag.name)).toEqual(['form', 'input']);
    expect(tags[0]!.written.map((attribute) => attribute.name)).toEqual(['method']);
    expect(tags[1]!.written.map((attribute) => attribute.name)).toEqual(['name']);
  });

  it('gives the tags of nested readings at their offsets in the page', () => {
    const html = '<p>x</p><script type="text/x-template">\n<a href="/t">T</a></script>';
    const { tags } = readTags(html);
    const link = tagOf(tags, 'a');
    expect(link.reading.kind).toBe('markup-template');
    expect(html.slice(link.start, link.end + 1)).toBe('<a href="/t">');
    expect(html.slice(link.written[0]!.start, link.written[0]!.end)).toBe('href="/t"');
  });
});

describe('readHtml context', () => {
  it('tells template content and noscript content (read as markup) from the live document', () => {
    const { tags } = readTags('<template><a id=t></a></template><noscript><a id=n></a></noscript><a id=live></a>');
    const flags = tags.map(({ name, attributes, inTemplate, inNoscript }) => [
      attributes.id ?? name,
      inTemplate,
      inNoscript,
    ]);
    expect(flags).toEqual([
      ['template', false, false],
      ['t', true, false],
      ['noscript', false, false],
      ['n', false, true],
      ['live', false, false],
    ]);
  });

  it('tells SVG/MathML content from HTML (integration points hold HTML), and knows when a drawing is open', () => {
    const { tags } = readTags(
      '<svg><a href="/s"><text>x</text></a><foreignObject><a href="/h"></a></foreignObject></svg><math><mi></mi></math><a>',
    );
    const flags = tags.map(({ name, foreign, insideSvgOrMath }) => [name, foreign, insideSvgOrMath]);
    expect(flags).toEqual([
      ['svg', true, false],
      ['a', true, true],
      ['text', true, true],
      ['foreignObject', false, true],
      ['a', false, true],
      ['math', true, false],
      ['mi', false, true],
      ['a', false, false],
    ]);
  });

  it('ends SVG content at a breakout tag such as <p>, as browsers do', () => {
    const { tags } = readTags('<svg><p><a href="/x">');
    expect(tags.map(({ name, foreign, insideSvgOrMath }) => [name, foreign, insideSvgOrMath])).toEqual([
      ['svg', true, false],
      ['p', false, false],
      ['a', false, false],
    ]);
  });

  it.each([
    ['an attribute', '<noscript><p title="</noscript><a href=/x>"></noscript>'],
    ['a comment', '<noscript><!--</noscript><a href=/x>--></noscript>'],
    ['a style', '<noscript><style></noscript><a href=/x></style></noscript>'],
  ])('reads the markup after an early </noscript inside %s once more, as scripting on shows it', (_case, html) => {
    const { tags } = readTags(html);
    const link = tags.find((tag) => tag.name === 'a' && tag.reading.kind === 'scripting-on');
    expect(link && html.slice(link.start, link.end + 1)).toBe('<a href=/x>');
    expect(link?.inNoscript).toBe(false);
  });

  it('reads no scripting-on markup for a noscript that closes where its raw text ends, or one inside a template', () => {
    for (const html of [
      '<noscript><a href=/x></a></noscript>',
      '<template><noscript><p title="</noscript><a href=/x>"></noscript></template>',
      '<svg><noscript><p title="</noscript><a href=/x>"></noscript></svg>',
    ]) {
      expect(readTags(html).tags.filter((tag) => tag.reading.kind === 'scripting-on')).toEqual([]);
    }
  });

  it('reads a template script as markup, but not one with a source, a data script or one inside SVG', () => {
    const kinds = (html: string) => readTags(html).tags.map((tag) => `${tag.reading.kind} ${tag.name}`);
    expect(kinds('<script type="text/x-template"><a href=/t>')).toEqual(['document script', 'markup-template a']);
    expect(kinds('<script type="text/x-template" src="/t.html"><a href=/t></script>')).toEqual(['document script']);
    expect(kinds('<script type="application/json">"<a href=/t>"</script>')).toEqual(['document script']);
    expect(kinds('<svg><script type="text/x-template"><a href=/t></a></script></svg>')).toEqual([
      'document svg',
      'document script',
      'document a',
    ]);
  });

  it(`stops reading nested template scripts after ${MAX_DEPTH} levels`, () => {
    let html = '<a href=/deepest>';
    for (let level = 0; level < MAX_DEPTH + 2; level++) html = `<script type="text/x-template">${html}</script>`;
    const depths = readTags(html).tags.map((tag) => tag.reading.depth);
    expect(Math.max(...depths)).toBe(MAX_DEPTH);
  });

  it('leaves a srcdoc to be read as a document of its own, its entities decoded', () => {
    const [frame] = readTags('<iframe srcdoc="&lt;a href=&quot;https://other.org/&quot;&gt;x&lt;/a&gt;">').tags;
    expect(frame!.attributes.srcdoc).toBe('<a href="https://other.org/">x</a>');
    const inner = readTags(frame!.attributes.srcdoc!, { writtenAttributes: true });
    expect(inner.tags.map((tag) => [tag.name, tag.attributes.href])).toEqual([['a', 'https://other.org/']]);
  });
});

describe('readHtml base', () => {
  it('offers the bases of the live document, in order, passing over those in template, noscript and SVG', () => {
    const { reading } = readTags(
      '<template><base href="/t/"></template><noscript><base href="/n/"></noscript><svg><base href="/s/"></svg>' +
        '<base target=_blank><base href="/one/"><base href="/two/">',
    );
    expect(reading.baseHrefs).toEqual(['/one/', '/two/']);
    expect(readingBaseUrl(reading, PAGE)).toBe('https://www.example.ca/one/');
  });

  it('passes over a base a browser refuses (data:, javascript:) to the next one', () => {
    const { reading } = readTags('<base href="data:text/html,x"><base href="javascript:x"><base href="//cdn.test/">');
    expect(readingBaseUrl(reading, PAGE)).toBe('https://cdn.test/');
    expect(acceptBase('data:text/html,x', PAGE)).toBeUndefined();
    expect(acceptBase('/b/', PAGE)).toBe('https://www.example.ca/b/');
  });

  it('takes no base from a template script: a browser never parses its text as the document', () => {
    const { tags } = readTags('<script type="text/x-template"><base href="https://other.org/"><a href=x></a></script>');
    const link = tagOf(tags, 'a');
    expect(link.reading.baseHrefs).toEqual([]);
    expect(readingBaseUrl(link.reading, PAGE)).toBe(PAGE);
  });

  it('starts a nested reading from the base its page had reached when the reading began', () => {
    const html =
      '<base href="/first/"><script type="text/x-template"><a href=x></a></script>' +
      '<noscript><p title="</noscript><base href=/own/><a href=y>"></noscript>';
    const { tags } = readTags(html);
    expect(readingBaseUrl(tagOf(tags, 'a', 0).reading, PAGE)).toBe('https://www.example.ca/first/');
    expect(readingBaseUrl(tagOf(tags, 'a', 1).reading, PAGE)).toBe('https://www.example.ca/own/');
  });

  it('calls baseHref just before the start tag of each base it offers', () => {
    const events: string[] = [];
    readHtml('<base><base href="/b/"><a href=x>', {
      baseHref: (href) => events.push(`base ${href}`),
      startTag: (tag) => events.push(tag.name),
    });
    expect(events).toEqual(['base', 'base /b/', 'base', 'a']);
  });
});

describe('readHtml form owners', () => {
  /** The form owner of each control of `html`, by the control's id: the owner's id, or null. */
  function owners(html: string): Record<string, string | null> {
    const { tags } = readTags(html);
    return Object.fromEntries(
      tags
        .filter((tag) => tag.name !== 'form' && tag.attributes.id !== undefined)
        .map((tag) => [tag.attributes.id, tag.form?.attributes.id ?? null]),
    );
  }

  it('gives a control the open form, and none once any </form> token cleared the pointer', () => {
    expect(owners('<form id=f><input id=a><div></form><input id=b></div>')).toEqual({ a: 'f', b: null });
    // </a> closes the form element implicitly, but the pointer stays until the </form> token.
    expect(owners('<a><form id=f></a><input id=a></form><input id=b>')).toEqual({ a: 'f', b: null });
  });

  it('keeps the form pointer across a table the form start tag sits in front of (legacy layouts)', () => {
    expect(owners('<form id=f><table><tr><td><select id=a></select></td></tr></table></form><button id=b>')).toEqual({
      a: 'f',
      b: null,
    });
  });

  it('drops a form opened while another is the pointer, and builds the others', () => {
    const { tags } = readTags('<form id=f><form id=inner><input id=a></form><form id=g>');
    const forms = tags.filter((tag) => tag.name === 'form');
    expect(forms.map((form) => [form.attributes.id, form.form === form])).toEqual([
      ['f', true],
      ['g', true],
    ]);
    expect(tagOf(tags, 'input').form?.attributes.id).toBe('f');
    // The pointer stays set after an implicit close: the second form is dropped too.
    const dropped = readTags('<a><form id=f></a><form id=g>').tags.filter((tag) => tag.name === 'form');
    expect(dropped.map((form) => form.form === form)).toEqual([true, false]);
  });

  it('resolves form="id" at the end of the document, to the first live form with that id, even a later one', () => {
    expect(
      owners('<form id=f></form><button id=a form=g></button><input id=b form=none><form id=g></form><form id=g>'),
    ).toEqual({ a: 'g', b: null });
    expect(owners('<form id=f><input id=a form=f2></form><form id=f2></form>')).toEqual({ a: 'f2' });
  });

  it('gives a form inside a template or noscript a pointer of its own that neither blocks nor takes later controls', () => {
    expect(owners('<template><form id=t><input id=a></template><input id=b><form id=f><input id=c>')).toEqual({
      a: 't',
      b: null,
      c: 'f',
    });
    expect(owners('<form id=f><template><input id=a></template><input id=b>')).toEqual({ a: null, b: 'f' });
    expect(owners('<noscript><form id=n><input id=a></noscript><input id=b>')).toEqual({ a: 'n', b: null });
  });

  it('does not let a </form> inside a template or noscript clear the live pointer', () => {
    expect(owners('<form id=f><template></form></template><noscript></form></noscript><input id=a>')).toEqual({
      a: 'f',
    });
  });

  it('lets form="id" name no form inside a template', () => {
    expect(owners('<template><form id=t></form></template><button id=a form=t>')).toEqual({ a: null });
  });
});

describe('readHtml on arbitrary input', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '<a href="x">',
      '</a>',
      '<form id=f>',
      '</form>',
      '<input form=f>',
      '<button>',
      '<base href="/b/">',
      '<template>',
      '</template>',
      '<noscript>',
      '</noscript>',
      '<svg>',
      '</svg>',
      '<p title="</noscript>">',
      '<script type="text/x-template">',
      '</script>',
      '<iframe srcdoc="&lt;a&gt;">',
      '<!--',
      '-->',
      '<![CDATA[',
      '&amp;',
      '\r\n',
    ),
    fc.string({ maxLength: 8 }),
  );
  const html = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws, and every offset slices back to the tag and attribute as written', () => {
    fc.assert(
      fc.property(html, (text) => {
        const { tags } = readTags(text);
        for (const tag of tags) {
          expect(text[tag.start]).toBe('<');
          expect(text[tag.end]).toBe('>');
          expect(text.slice(tag.start + 1, tag.start + 1 + tag.name.length).toLowerCase()).toBe(tag.name.toLowerCase());
          for (const attribute of tag.written) {
            expect(attribute.start).toBeGreaterThan(tag.start);
            expect(attribute.end).toBeLessThanOrEqual(tag.end);
            expect(text.slice(attribute.start, attribute.end).toLowerCase().startsWith(attribute.name)).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every control an owner that is a form the browser builds', () => {
    fc.assert(
      fc.property(html, (text) => {
        for (const tag of readTags(text).tags) if (tag.form) expect(tag.form.form).toBe(tag.form);
      }),
      { numRuns: 500 },
    );
  });
});
