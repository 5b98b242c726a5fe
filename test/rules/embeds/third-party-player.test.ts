import { describe, expect, it } from 'vitest';
import { AMP_HANDLERS } from '../../../scanners/gather/html/amp.ts';
import { ELEMENT_HANDLERS, mediaElement } from '../../../scanners/gather/html/elements.ts';
import rule from '../../../scanners/rules/embeds/third-party-player.ts';
import { check, gatherPage, observe, testConfig, testRule } from '../support.ts';

describe('embeds/third-party-player', () => {
  testRule(rule, {
    valid: [
      {
        name: 'the configured Bunny player',
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/embed/123456/abc' })],
      },
      {
        name: 'a Bunny player of another library (embeds/bunny-unknown-library)',
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/embed/9/abc' })],
      },
      { name: 'a first-party frame', observations: [observe.embed({ url: 'https://www.example.ca/map.html' })] },
      { name: 'an srcdoc or about:blank frame', observations: [observe.embed({ url: 'about:blank' })] },
      {
        name: 'an unknown embed whose host is allowed',
        config: testConfig({ allowHosts: ['widgets.partner.test'] }),
        observations: [observe.embed({ url: 'https://widgets.partner.test/w' })],
      },
      {
        name: 'Google pages that are not maps (known-tracker reports the request)',
        observations: [observe.embed({ url: 'https://www.google.com/search' })],
        config: testConfig({ allowHosts: ['www.google.com'] }),
      },
      {
        name: "a tracker's frame, such as Tag Manager's <noscript> iframe (known-tracker reports it: allowing cannot pass)",
        observations: [observe.embed({ url: 'https://www.googletagmanager.com/ns.html?id=GTM-1' })],
      },
    ],
    invalid: [
      {
        name: 'YouTube',
        observations: [observe.embed({ url: 'https://www.youtube.com/embed/x' })],
        errors: [{ messageId: 'player', vendor: 'YouTube' }],
      },
      {
        name: 'youtube-nocookie.com, which still tracks',
        observations: [observe.embed({ url: 'https://www.youtube-nocookie.com/embed/x' })],
        errors: [{ messageId: 'player', vendor: 'YouTube' }],
      },
      {
        name: 'Vimeo',
        observations: [observe.embed({ url: 'https://player.vimeo.com/video/1' })],
        errors: [{ messageId: 'player', vendor: 'Vimeo' }],
      },
      {
        name: 'a Google Maps embed on www.google.com',
        observations: [observe.embed({ url: 'https://www.google.com/maps/embed?pb=1' })],
        errors: [{ messageId: 'player', vendor: 'Google Maps' }],
      },
      {
        name: 'an <object> Spotify player',
        observations: [observe.embed({ element: 'object', url: 'https://open.spotify.com/embed/track/1' })],
        errors: [{ messageId: 'player', vendor: 'Spotify' }],
      },
      {
        name: 'a known player even when its host is allowed',
        config: testConfig({ allowHosts: ['player.vimeo.com'] }),
        observations: [observe.embed({ url: 'https://player.vimeo.com/video/1' })],
        errors: [{ messageId: 'player' }],
      },
      {
        name: 'any other third-party frame',
        observations: [observe.embed({ url: 'https://widgets.partner.test/w' })],
        errors: [{ messageId: 'thirdParty' }],
      },
      {
        name: 'a lookalike host only as a generic embed',
        observations: [observe.embed({ url: 'https://notyoutube.com/embed/x' })],
        errors: [{ messageId: 'thirdParty' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'the BunnyVideo embed',
          html: '<iframe src="https://player.mediadelivery.net/embed/123456/abc?autoplay=false&amp;preload=false" loading="lazy" title="Tour"></iframe>',
        },
        { name: 'a link to a YouTube video', html: '<a href="https://www.youtube.com/watch?v=x">Watch on YouTube</a>' },
        {
          name: 'an embed in an escaped code sample',
          html: '<pre>&lt;iframe src="https://www.youtube.com/embed/x"&gt;&lt;/iframe&gt;</pre>',
        },
        { name: 'an srcdoc frame', html: '<iframe srcdoc="&lt;p&gt;hi&lt;/p&gt;"></iframe>' },
        {
          name: "a <video> playing another host's file (third-party/request reports it, once)",
          html: '<video controls poster="/p.jpg"><source src="https://media.other.test/clip.mp4" type="video/mp4"></video>',
        },
        {
          name: "an <audio> or <amp-video> playing another host's file",
          html: '<audio src="https://media.other.test/a.mp3"></audio><amp-video src="https://media.other.test/a.mp4" width="1" height="1"></amp-video>',
        },
      ],
      invalid: [
        {
          name: 'a YouTube iframe',
          html: '<h1>Tour</h1>\n<IFRAME SRC="https://www.youtube.com/embed/x"></IFRAME>',
          errors: [{ messageId: 'player', vendor: 'YouTube', line: 2, column: 1 }],
        },
        {
          name: 'a scheme-relative Vimeo player',
          html: '<iframe src="//player.vimeo.com/video/1"></iframe>',
          errors: [{ messageId: 'player', vendor: 'Vimeo' }],
        },
        {
          name: 'a Google Maps embed',
          html: '<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>',
          errors: [{ messageId: 'player', vendor: 'Google Maps' }],
        },
        {
          name: "a <video> playing a player vendor's file",
          html: '<video><source src="https://www.youtube.com/videoplayback?id=1"></video>',
          errors: [{ messageId: 'player', vendor: 'YouTube', column: 8 }],
        },
        {
          name: 'an AMP YouTube player, built by the runtime from data-videoid',
          html: '<amp-youtube data-videoid="dQw4w9WgXcQ" width="480" height="270"></amp-youtube>',
          errors: [{ messageId: 'player', vendor: 'YouTube' }],
        },
        {
          name: 'an <amp-iframe> of another host',
          html: '<amp-iframe src="https://widgets.other.test/w" width="1" height="1" sandbox="allow-scripts"></amp-iframe>',
          errors: [{ messageId: 'thirdParty' }],
        },
        {
          name: 'a third-party <object>',
          html: '<object data="https://widgets.other.test/w.swf"></object>',
          errors: [{ messageId: 'thirdParty' }],
        },
        {
          name: "a lite-youtube facade, whose play link loads YouTube's player on click",
          html: '<lite-youtube videoid="x"><a href="https://www.youtube.com/watch?v=x" class="lty-playbtn">Play</a></lite-youtube>',
          errors: [{ messageId: 'player', column: 27 }],
        },
      ],
    });
  });

  describe('every element the HTML gatherer reads as a media player', () => {
    const players = [...ELEMENT_HANDLERS, ...AMP_HANDLERS].flatMap(([name, handler]) =>
      handler === mediaElement ? [name] : [],
    );
    const file = 'https://media.other.test/a.mp4';

    it('includes <video>, <audio> and their AMP forms', () => {
      expect(players).toEqual(expect.arrayContaining(['video', 'audio', 'amp-video', 'amp-audio']));
    });

    it.each(players)("leaves a <%s> playing another host's file to third-party/request, by src or <source>", (name) => {
      for (const html of [`<${name} src="${file}"></${name}>`, `<${name}><source src="${file}"></${name}>`]) {
        const observations = gatherPage(html);
        expect(observations).toContainEqual(expect.objectContaining({ kind: 'embed', element: name, url: file }));
        expect(check(rule, observations)).toEqual([]);
      }
    });

    it('still reports the same file in an <iframe>, <object> or <embed>', () => {
      const html = `<iframe src="${file}"></iframe><object data="${file}"></object><embed src="${file}">`;
      expect(check(rule, gatherPage(html)).map(({ messageId }) => messageId)).toEqual([
        'thirdParty',
        'thirdParty',
        'thirdParty',
      ]);
    });
  });
});
