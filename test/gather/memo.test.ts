import { describe, expect, it } from 'vitest';
import { gatherHtml } from '../../scanners/gather/html/index.ts';
import { TextMemo } from '../../scanners/gather/memo.ts';
import type { Observation } from '../../scanners/observations.ts';

// A theme's inline script and style, repeated on every page: analysed once, reported at each page's own place.
const themeScript =
  '<script>const q=matchMedia("(prefers-color-scheme: dark)");fetch("/collect?p="+location.pathname);localStorage.setItem("theme",q.matches?"dark":"light")</script>';
const themeStyle = '<style>@font-face{font-family:X;src:url(https://fonts.cdn.example/x.woff2)}</style>';

function where(observations: Observation[]) {
  return observations.map((o) => ({
    kind: o.kind,
    file: o.file,
    line: o.line,
    column: o.column,
    url: 'url' in o ? o.url : undefined,
    evidence: o.evidence,
  }));
}

const byLine = (a: { line: number; column: number }, b: { line: number; column: number }) =>
  a.line - b.line || a.column - b.column;

describe('analysing repeated scripts and styles once', () => {
  it('reports a repeated script and style on each page at that page’s lines, columns and base URL', () => {
    const pages = [
      { file: 'a/index.html', markup: `<!doctype html><head>${themeStyle}${themeScript}</head>` },
      {
        file: 'b/index.html',
        markup: `<!doctype html>\n<head>\n  <base href="https://other.example/">\n\n    ${themeStyle}\n${themeScript}</head>`,
      },
      { file: 'c.html', markup: `${themeScript}\n${themeStyle}` },
    ];
    // Relative URLs resolve against each page's own base: the texts' analysis is shared, their resolution is not.
    const bases = ['https://site.example/a/index.html', 'https://other.example/', 'https://site.example/c.html'];
    for (const [index, { file, markup }] of pages.entries()) {
      /** Where `needle` stands in this page: the same texts, other places, so every position moves with the page. */
      const at = (needle: string) => {
        const before = markup.slice(0, markup.indexOf(needle)).split('\n');
        return { line: before.length, column: before.at(-1)!.length + 1 };
      };
      const observations = where(gatherHtml(markup, { file, url: `https://site.example/${file}` }));
      expect(observations.map(({ file, line, column, url }) => ({ file, line, column, url })).sort(byLine)).toEqual(
        [
          { file, ...at('url('), url: 'https://fonts.cdn.example/x.woff2' },
          { file, ...at('fetch('), url: new URL('/collect?p=', bases[index]).href },
          { file, ...at('localStorage'), url: undefined },
        ].sort(byLine),
      );
    }
  });

  it('keeps a script read as a module apart from the same text read as a classic script', () => {
    // `<!--` opens a line comment in a classic script only; a module cannot hold it, so its text is scanned by tokens.
    const code = '<!-- fetch("https://a.cdn.example/x")\nfetch("https://b.cdn.example/y")';
    const urls = (markup: string) =>
      where(gatherHtml(markup, { file: 'a.html', url: 'https://site.example/a.html' })).map(({ url }) => url);
    const classic = urls(`<script>${code}</script>`);
    expect(urls(`<script type="module">${code}</script>`)).not.toEqual(classic);
    expect(urls(`<script>${code}</script>`)).toEqual(classic);
  });
});

describe('TextMemo', () => {
  it('analyses each text once while it is remembered', () => {
    const memo = new TextMemo<number[]>(1000);
    let calls = 0;
    const analyse = (text: string) => {
      calls += 1;
      return [text.length];
    };
    expect(memo.get('abc', analyse)).toEqual([3]);
    expect(memo.get('abc', analyse)).toEqual([3]);
    expect(memo.get('abcd', analyse)).toEqual([4]);
    expect(calls).toBe(2);
  });

  const counting = () => {
    const counter = {
      calls: 0,
      analyse: (text: string) => {
        counter.calls += 1;
        return text.toUpperCase();
      },
    };
    return counter;
  };
  /** `count` texts of 10 characters, numbered from `from`. */
  const texts = (from: number, count: number) =>
    Array.from({ length: count }, (_, n) => `t${String(from + n).padStart(9, '0')}`);

  it('forgets the texts of an older generation once its budget is spent, and never keeps a long one', () => {
    const memo = new TextMemo<string>(400);
    const counter = counting();
    // Each generation holds half the budget: 20 texts of 10 characters.
    for (const text of texts(0, 60)) memo.get(text, counter.analyse);
    counter.calls = 0;
    for (const text of texts(40, 20)) memo.get(text, counter.analyse);
    expect(counter.calls).toBe(0);
    memo.get(texts(0, 1)[0]!, counter.analyse);
    expect(counter.calls).toBe(1);
    const long = 'x'.repeat(11);
    memo.get(long, counter.analyse);
    memo.get(long, counter.analyse);
    expect(counter.calls).toBe(3);
  });

  it('keeps a text that keeps coming up, however many others come and go', () => {
    const memo = new TextMemo<string>(400);
    const counter = counting();
    const [hot] = texts(1000, 1);
    for (const text of texts(0, 500)) {
      memo.get(hot!, counter.analyse);
      memo.get(text, counter.analyse);
    }
    expect(counter.calls).toBe(501);
  });

  it('gives back the same result for a text however it was made', () => {
    const memo = new TextMemo<string>(400);
    const page = `<p>${'a'.repeat(50)}</p><script>let x = 1;</script>`;
    const script = page.slice(page.indexOf('let'), page.indexOf('</script>'));
    const first = memo.get(script, (text) => `${text}!`);
    expect(first).toBe('let x = 1;!');
    expect(memo.get(['let x', '= 1;'].join(' '), () => 'again')).toBe(first);
  });
});
