import { describe, expect, it } from 'vitest';
import { linkRequestType, splitTokens } from '../../scanners/syntax/link-rel.ts';

describe('linkRequestType', () => {
  it.each([
    ['stylesheet', undefined, 'style'],
    ['alternate stylesheet', undefined, 'style'],
    ['STYLESHEET', undefined, 'style'],
    ['icon', undefined, 'image'],
    ['shortcut icon', undefined, 'image'],
    ['apple-touch-icon', undefined, 'image'],
    ['apple-touch-icon-precomposed', undefined, 'image'],
    ['mask-icon', undefined, 'image'],
    ['manifest', undefined, 'manifest'],
    ['preconnect', undefined, 'preconnect'],
    ['dns-prefetch', undefined, 'dns-prefetch'],
    ['preload', undefined, 'prefetch'],
    ['preload', 'font', 'font'],
    ['preload', ' Script ', 'script'],
    ['preload', 'unknown', 'prefetch'],
    ['prefetch', undefined, 'prefetch'],
    ['prerender', undefined, 'prefetch'],
    ['modulepreload', undefined, 'script'],
    ['\tnoopener\nstylesheet ', undefined, 'style'],
  ])('treats rel=%j as=%j as a %s request', (rel, as, type) => {
    expect(linkRequestType(rel, as)).toBe(type);
  });

  it.each([
    'canonical',
    'alternate',
    'author',
    'license',
    'me',
    'next',
    'prev',
    'search',
    'pingback',
    '',
    'constructor',
    '__proto__',
  ])('treats rel=%j as no request', (rel) => {
    expect(linkRequestType(rel, undefined)).toBeUndefined();
  });
});

describe('splitTokens', () => {
  it('splits on any ASCII whitespace and lower-cases', () => {
    expect(splitTokens(' NoOpener\t\nnoreferrer  ')).toEqual(['noopener', 'noreferrer']);
  });

  it('keeps case when asked, for URL lists', () => {
    expect(splitTokens('https://A.test/X /Y', false)).toEqual(['https://A.test/X', '/Y']);
  });
});
