import { describe, expect, it } from 'vitest';
import { loadPage } from './support.ts';

// The gate's findings link to these anchors; renaming one breaks every finding that cites it.
const anchors = ['cookies', 'tracking', 'video', 'forms', 'external-links', 'headers', 'rights', 'contact'];

describe('the privacy policy page', () => {
  it.each(anchors)('has a section heading with the stable id #%s', async (id) => {
    const $ = await loadPage('privacy/index.html');
    const target = $(`#${id}`);
    expect(target.length).toBe(1);
    expect(target.prop('tagName')).toBe('H2');
    expect(target.text().trim()).not.toBe('');
  });

  it('names Bunny.net as the video service', async () => {
    const $ = await loadPage('privacy/index.html');
    const videoSection = $('#video').nextUntil('h2').text();
    expect(videoSection).toContain('Bunny.net');
    expect(videoSection).toContain('player.mediadelivery.net');
  });

  it('lists every field the contact form asks for', async () => {
    const $ = await loadPage('privacy/index.html');
    const formsSection = $('#forms').nextUntil('h2').text().toLowerCase();
    for (const field of ['name', 'email', 'message', 'business', 'position', 'phone']) {
      expect(formsSection).toContain(field);
    }
  });
});
