import { describe, expect, it } from 'vitest';
import { findUrlsInString } from '../../scanners/gather/js-url-literals.ts';

describe('findUrlsInString', () => {
  it.each([
    ['https://t.example/p.gif', ['https://t.example/p.gif']],
    ['<img src="https://t.example/p.gif" alt="">', ['https://t.example/p.gif']],
    ["url('//cdn.example/a.css')", ['//cdn.example/a.css']],
    ['ws://a.example:8080/x and wss://b.example/', ['ws://a.example:8080/x', 'wss://b.example/']],
    ['See https://docs.example/page.', ['https://docs.example/page']],
    ['(https://a.example/x)', ['https://a.example/x']],
    ["{ urls: 'stun:stun.example:3478' }", ['stun:stun.example:3478']],
    ['turns:relay.example?transport=tcp', ['turns:relay.example?transport=tcp']],
  ])('finds the URLs in %s', (text, urls) => {
    expect(findUrlsInString(text).map((found) => found.url)).toEqual(urls);
  });

  it.each([
    ['a relative path', '/api/x'],
    ['a double slash in a path', 'a//b and path//x/'],
    ['a comment-like string', '// TODO: fix'],
    ['an XML namespace name', 'http://www.w3.org/2000/svg'],
    ['a scheme-relative URL without a dotted host', '//localhost/x'],
    ['another scheme', 'ftp://files.example/x mailto:a@b.example'],
    ['the words stun and turn before a colon', "It's your turn: pick. Return: stun:gun"],
  ])('finds nothing in %s', (_case, text) => {
    expect(findUrlsInString(text)).toEqual([]);
  });
});
