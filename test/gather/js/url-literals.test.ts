import { describe, expect, it } from 'vitest';
import { findRequestedUrls } from '../../../scanners/gather/js/url-literals.ts';

describe('findRequestedUrls', () => {
  it.each([
    ['https://t.example/p.gif', ['https://t.example/p.gif']],
    ['  https://t.example/spaced\n', ['https://t.example/spaced']],
    ['https://t.example/collect?id=', ['https://t.example/collect?id=']],
    ['https://t.example/p.gif" width="1" height="1">', ['https://t.example/p.gif']],
    ['//cdn.example/a.css', ['//cdn.example/a.css']],
    ['wss://ws.example/live', ['wss://ws.example/live']],
    ['<img src="https://t.example/p.gif" alt="">', ['https://t.example/p.gif']],
    ['<script src=https://t.example/x.js></script>', ['https://t.example/x.js']],
    [
      '<img width="1" height="1" style="display:none" src="https://t.example/p.gif?c2=',
      ['https://t.example/p.gif?c2='],
    ],
    ['<img srcset="/a.png 1x, https://img.example/a2.png 2x">', ['https://img.example/a2.png']],
    ['<video poster="https://img.example/p.jpg">', ['https://img.example/p.jpg']],
    ["<table background='https://img.example/t.png'>", ['https://img.example/t.png']],
    ['<object data="https://obj.example/map.svg"></object>', ['https://obj.example/map.svg']],
    ['<a href="/x" ping="https://beacon.example/p">x</a>', ['https://beacon.example/p']],
    ['<link rel="stylesheet" href="https://css.example/a.css">', ['https://css.example/a.css']],
    [
      '<svg><image href="https://img.example/i.png"/><use xlink:href="https://img.example/s.svg#i"/></svg>',
      ['https://img.example/i.png', 'https://img.example/s.svg#i'],
    ],
    ["body { background: url('https://img.example/b.png') }", ['https://img.example/b.png']],
    ['@import "https://css.example/a.css";', ['https://css.example/a.css']],
    ['<img src="https:&#x2F;&#x2F;t.example/p.gif">', ['https://t.example/p.gif']],
    [
      '<img alt="" src="https&colon;//t.example/c.gif"><img src="https://t.example/plain.gif">',
      ['https://t.example/c.gif', 'https://t.example/plain.gif'],
    ],
    ["{ urls: 'stun:stun.example:3478' }", ['stun:stun.example:3478']],
    ['turns:relay.example?transport=tcp is the relay', ['turns:relay.example?transport=tcp']],
  ])('finds what %s fetches', (text, urls) => {
    expect(findRequestedUrls(text).map((found) => found.url)).toEqual(urls);
  });

  it.each([
    ['a URL in prose', 'Minified Redux error #1; visit https://redux.js.org/Errors?code=1 for the full message.'],
    ['a URL ending a sentence', 'Full error at: https://bit.ly/3cXEKWf'],
    ['a placeholder', 'e.g. https://your-site.com'],
    ['a link in markup', '<a href="https://leafletjs.com" title="A JavaScript library">Leaflet</a>'],
    ['an image-map area', '<area href="https://t.example/page" alt="">'],
    ['a data attribute that is no object', '<div data="https://t.example/x"></div>'],
    [
      'JSON values in a longer string',
      '{"themeConfig":{"socialLinks":[{"icon":"x","link":"https://x.com/0xcurvy"}]},"src":"https://t.example/x.js"}',
    ],
    ['a relative path', '/api/x'],
    ['a double slash in a path', 'a//b and path//x/'],
    ['a comment-like string', '// TODO: fix'],
    ['an XML namespace name', 'http://www.w3.org/2000/svg'],
    ['a scheme-relative URL without a dotted host', '//localhost/x'],
    ['another scheme', 'ftp://files.example/x mailto:a@b.example'],
    ['the words stun and turn before a colon', "It's your turn: pick. Return: stun:gun"],
    [
      'character references in a link or prose',
      '<a href="https:&#x2F;&#x2F;t.example/">x</a> &amp; https:&#x2F;&#x2F;t.example/',
    ],
    ['a less-than sign in prose', 'if a <b and c> d then see https://docs.example/x'],
  ])('finds nothing in %s', (_case, text) => {
    expect(findRequestedUrls(text)).toEqual([]);
  });
});
