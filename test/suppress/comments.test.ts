import { describe, expect, it } from 'vitest';
import { createLocator } from '../../scanners/syntax/line-index.ts';
import { commentDirectives } from '../../scanners/suppress/comments.ts';

function directives(text: string, language: 'js' | 'css') {
  return commentDirectives(text, language, 'f', createLocator(text)).map(({ rules, reason, at, scope }) => ({
    rules,
    reason,
    line: at.line,
    next: scope?.start.line,
  }));
}

describe('commentDirectives', () => {
  it('reads // and /* */ directives in scripts; each covers the line after the comment ends', () => {
    const js = [
      'a();',
      '// nospy-ignore-next-line cookies/storage -- theme choice',
      'localStorage.x = 1;',
      '/* nospy-ignore-next-line trackers,',
      '   third-party -- two lines */',
      'gtag();',
    ].join('\n');
    expect(directives(js, 'js')).toEqual([
      { rules: ['cookies/storage'], reason: 'theme choice', line: 2, next: 3 },
      { rules: ['trackers', 'third-party'], reason: 'two lines', line: 4, next: 6 },
    ]);
  });

  it('reads /* */ directives in style sheets, and no // comment there', () => {
    const css =
      '// nospy-ignore-next-line third-party -- not CSS\n/* nospy-ignore-next-line third-party -- font */\n@import url(https://x.test/a.css);';
    expect(directives(css, 'css')).toEqual([{ rules: ['third-party'], reason: 'font', line: 2, next: 3 }]);
  });

  it.each([
    ['a string', 'const s = "// nospy-ignore-next-line cookies -- no";\nlocalStorage.a = 1;'],
    ['a single-quoted string', "x('/* nospy-ignore-next-line cookies -- no */');\nlocalStorage.a = 1;"],
    ['a template literal', '`\n// nospy-ignore-next-line cookies -- no\n`;\nlocalStorage.a = 1;'],
    ['a longer keyword', '// nospy-ignore-next-lines cookies -- no\nlocalStorage.a = 1;'],
    ['another keyword', '// nospy-ignore cookies -- no\nlocalStorage.a = 1;'],
    ['a word before the keyword', '// see nospy-ignore-next-line cookies -- no\nlocalStorage.a = 1;'],
  ])('finds none in %s', (_name, js) => {
    expect(directives(js, 'js')).toEqual([]);
  });

  it('a string with an escaped quote does not hide the comment after it', () => {
    const js = 'const s = "a\\"b"; // nospy-ignore-next-line cookies -- yes\nlocalStorage.a = 1;';
    expect(directives(js, 'js')).toEqual([{ rules: ['cookies'], reason: 'yes', line: 1, next: 2 }]);
  });
});
