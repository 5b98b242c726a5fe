import { describe, expect, it } from 'vitest';
import { leavingPageFile, leavingPagePath, leavingTemplateFiles } from '../../scanners/syntax/leaving-page.ts';

describe('leavingPagePath', () => {
  it('names the host for people and tells addresses apart by a short hash', () => {
    const page = leavingPagePath('https://other.org/a?b=1', '/leaving/');
    expect(page).toMatch(/^\/leaving\/other\.org\/[0-9a-f]{8}\/$/);
    expect(leavingPagePath('https://other.org/a?b=2', '/leaving/')).not.toBe(page);
    expect(leavingPagePath('https://other.org/a?b=1#top', '/leaving/')).not.toBe(page);
    expect(leavingPagePath('http://other.org/a?b=1', '/leaving/')).not.toBe(page);
  });

  it('gives one address one page however it is written', () => {
    const page = leavingPagePath('https://other.org/', '/leaving/');
    expect(leavingPagePath('HTTPS://Other.ORG', '/leaving/')).toBe(page);
    expect(leavingPagePath('https://other.org:443/', '/leaving/')).toBe(page);
  });

  it.each([
    ['https://[2001:db8::1]/x', /^\/leaving\/-2001-db8--1-\/[0-9a-f]{8}\/$/],
    ['https://bücher.example/', /^\/leaving\/xn--bcher-kva\.example\/[0-9a-f]{8}\/$/],
    ['https://other.org./', /^\/leaving\/other\.org\/[0-9a-f]{8}\/$/],
    ['https://other.org:8443/', /^\/leaving\/other\.org\/[0-9a-f]{8}\/$/],
  ])('keeps the folder URL-safe for %s', (url, path) => {
    expect(leavingPagePath(url, '/leaving/')).toMatch(path);
  });

  it.each([
    ['/leaving/', '/leaving/'],
    ['/leaving', '/leaving/'],
    ['/leaving.html', '/leaving/'],
    ['/go/away/index.html', '/go/away/'],
  ])('puts the pages of leavingPage %s under %s', (leavingPage, folder) => {
    expect(leavingPagePath('https://other.org/', leavingPage).startsWith(`${folder}other.org/`)).toBe(true);
  });

  it('has a built file that is the path with index.html', () => {
    const url = 'https://other.org/x';
    expect(leavingPageFile(url, '/leaving/')).toBe(`${leavingPagePath(url, '/leaving/').slice(1)}index.html`);
  });
});

describe('leavingTemplateFiles', () => {
  it.each([
    ['/leaving/', ['leaving/index.html']],
    ['/leaving', ['leaving/index.html', 'leaving.html']],
    ['/leaving.html', ['leaving.html']],
  ])('finds the built leaving page of %s', (leavingPage, files) => {
    expect(leavingTemplateFiles(leavingPage)).toEqual(files);
  });
});
