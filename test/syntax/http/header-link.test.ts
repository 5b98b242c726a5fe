import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from '../../../scanners/syntax/http/header-link.ts';

describe('parseLinkHeader', () => {
  it.each([
    ['<https://a.test/x.css>; rel=preload; as=style', [{ url: 'https://a.test/x.css', rel: 'preload', as: 'style' }]],
    ['<https://a.test>; rel="preconnect dns-prefetch"', [{ url: 'https://a.test', rel: 'preconnect dns-prefetch' }]],
    [
      '</a.js>; rel=modulepreload, <https://b.test/f.woff2>;rel=preload;as=font',
      [
        { url: '/a.js', rel: 'modulepreload' },
        { url: 'https://b.test/f.woff2', rel: 'preload', as: 'font' },
      ],
    ],
    [
      '<https://a.test/x,y;z.png>; rel=preload; as=image',
      [{ url: 'https://a.test/x,y;z.png', rel: 'preload', as: 'image' }],
    ],
    ['<https://a.test/>; rel=canonical; rel=preload', [{ url: 'https://a.test/', rel: 'canonical' }]],
    ['<https://a.test/>', [{ url: 'https://a.test/', rel: '' }]],
    ['no link at all', []],
  ])('reads %j', (value, links) => {
    expect(parseLinkHeader(value)).toEqual(links);
  });
});
