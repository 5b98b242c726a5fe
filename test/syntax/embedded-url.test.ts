import { describe, expect, it } from 'vitest';
import {
  dataUrlDocument,
  dataUrlScript,
  dataUrlStylesheet,
  javascriptUrlCode,
} from '../../scanners/syntax/embedded-url.ts';

describe('javascriptUrlCode', () => {
  it.each([
    ['javascript:alert(1)', 'alert(1)'],
    ['  JavaScript:go()', 'go()'],
    ['java\tscr\nipt:go()', 'go()'],
    ['\u0001javascript:go()', 'go()'],
    ['javascript:fetch(%22https://t.test/%22)', 'fetch("https://t.test/")'],
    ['javascript:a(%E0%A4%A)', 'a(%E0%A4%A)'],
  ])('reads %j as running %j', (url, code) => {
    expect(javascriptUrlCode(url)).toBe(code);
  });

  it.each(['https://a.test/', '/javascript:x', 'javascrip:x', ''])('reads %j as no script', (url) => {
    expect(javascriptUrlCode(url)).toBeUndefined();
  });
});

describe('dataUrlDocument', () => {
  it('decodes percent-encoded HTML', () => {
    expect(dataUrlDocument('data:text/html,%3Cimg%20src=x%3E')).toBe('<img src=x>');
  });

  it('decodes base64 HTML and SVG', () => {
    const markup = '<script src="https://t.test/x.js"></script>';
    expect(dataUrlDocument(`data:text/html;charset=utf-8;base64,${Buffer.from(markup).toString('base64')}`)).toBe(
      markup,
    );
    expect(dataUrlDocument(`DATA:image/svg+xml;base64,${Buffer.from(markup).toString('base64')}`)).toBe(markup);
  });

  it.each(['data:image/png;base64,AAAA', 'data:,hello', 'https://a.test/', 'data:text/html'])(
    'finds no document in %j',
    (url) => {
      expect(dataUrlDocument(url)).toBeUndefined();
    },
  );
});

describe('dataUrlScript', () => {
  it.each([
    ["data:text/javascript,fetch('https://t.test/')", "fetch('https://t.test/')"],
    ['data:application/javascript,fetch(%22https://t.test/%22)', 'fetch("https://t.test/")'],
    [`data:text/javascript;base64,${Buffer.from('document.cookie="a=1"').toString('base64')}`, 'document.cookie="a=1"'],
    ['data:,go()', 'go()'],
  ])('reads %j as running %j', (url, code) => {
    expect(dataUrlScript(url)).toBe(code);
  });

  it.each(['data:image/png;base64,AAAA', 'data:text/csv,a,b', 'https://a.test/x.js', 'data:text/javascript'])(
    'finds no code a browser runs in %j',
    (url) => {
      expect(dataUrlScript(url)).toBeUndefined();
    },
  );
});

describe('dataUrlStylesheet', () => {
  it('decodes a text/css data: URL, percent-encoded or base64', () => {
    expect(dataUrlStylesheet('data:text/css,@import%20url(x.css);')).toBe('@import url(x.css);');
    expect(dataUrlStylesheet(`data:text/css;base64,${Buffer.from('a{}').toString('base64')}`)).toBe('a{}');
  });

  it.each(['data:,a{}', 'data:text/plain,a{}', 'https://a.test/x.css'])('finds no stylesheet in %j', (url) => {
    expect(dataUrlStylesheet(url)).toBeUndefined();
  });
});
