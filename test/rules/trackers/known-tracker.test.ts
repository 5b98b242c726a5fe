import { describe } from 'vitest';
import rule from '../../../scanners/rules/trackers/known-tracker.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('trackers/known-tracker', () => {
  testRule(rule, {
    valid: [
      { name: 'first-party scripts', observations: [observe.request({ url: 'https://www.example.ca/app.js' })] },
      {
        name: 'an unknown third party (third-party/request)',
        observations: [observe.request({ url: 'https://cdn.unknown-vendor.test/x.js' })],
      },
      {
        name: 'a CDN that does not track',
        observations: [observe.request({ url: 'https://cdn.jsdelivr.net/npm/x.js' })],
      },
      {
        name: "Google's Hosted Libraries CDN (third-party/request judges it, and allowHosts can pass it)",
        observations: [observe.request({ url: 'https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js' })],
      },
      {
        name: 'Bunny Fonts',
        observations: [observe.request({ type: 'style', url: 'https://fonts.bunny.net/css?family=inter' })],
      },
      {
        name: 'the configured Bunny player',
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })],
      },
      { name: 'data: URLs', observations: [observe.request({ type: 'image', url: 'data:image/png;base64,AAAA' })] },
    ],
    invalid: [
      {
        name: 'Google Tag Manager, naming the vendor',
        observations: [observe.request({ url: 'https://www.googletagmanager.com/gtag/js?id=G-1' })],
        errors: [{ messageId: 'tracker', vendor: 'Google Tag Manager' }],
      },
      {
        name: "Google Fonts, which logs visitors' IPs",
        observations: [observe.request({ type: 'style', url: 'https://fonts.googleapis.com/css2?family=Inter' })],
        errors: [{ messageId: 'tracker', vendor: 'Google Fonts' }],
      },
      {
        name: 'the Meta pixel',
        observations: [observe.request({ type: 'image', url: 'https://www.facebook.com/tr?id=1&ev=PageView' })],
        errors: [{ messageId: 'tracker', vendor: 'Facebook' }],
      },
      {
        name: 'Microsoft Clarity',
        observations: [observe.request({ url: 'https://www.clarity.ms/tag/abc' })],
        errors: [{ messageId: 'tracker', vendor: 'Clarity' }],
      },
      {
        name: 'a YouTube frame (video entities track)',
        observations: [observe.request({ type: 'frame', url: 'https://www.youtube-nocookie.com/embed/x' })],
        errors: [{ messageId: 'tracker', vendor: 'YouTube' }],
      },
      {
        name: 'a tracker URL literal in a script',
        observations: [
          observe.request({ type: 'literal', source: 'js', url: 'https://www.google-analytics.com/collect' }),
        ],
        errors: [{ messageId: 'literal', vendor: 'Google Analytics' }],
      },
      {
        name: "trackers third-party-web files as utilities or not at all, even when allowHosts lists them (nospy's supplement)",
        config: testConfig({
          allowHosts: ['consent.cookiebot.com', 'sc.lfeeder.com', '*.getwarmly.com', 'dap.digitalgov.gov'],
        }),
        observations: [
          observe.request({ url: 'https://consent.cookiebot.com/uc.js' }),
          observe.request({ url: 'https://sc.lfeeder.com/lftracker_v1_abc.js' }),
          observe.request({ url: 'https://opps-widget.getwarmly.com/warmly.js?clientId=1' }),
          observe.request({ url: 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=GSA' }),
        ],
        errors: [
          { messageId: 'tracker', vendor: 'Cookiebot' },
          { messageId: 'tracker', vendor: 'Leadfeeder' },
          { messageId: 'tracker', vendor: 'Warmly' },
          { messageId: 'tracker', vendor: 'Digital Analytics Program' },
        ],
      },
      {
        name: 'B2B visitor identification that third-party-web knows, allowed or not',
        config: testConfig({ allowHosts: ['js.albacross.com', 'secure.leadforensics.com', 'tag.clearbitscripts.com'] }),
        observations: [
          observe.request({ url: 'https://js.albacross.com/track.js' }),
          observe.request({ url: 'https://secure.leadforensics.com/js/1.js' }),
          observe.request({ url: 'https://tag.clearbitscripts.com/v1/pk_1/tags.js' }),
        ],
        errors: [
          { messageId: 'tracker', vendor: 'Albacross' },
          { messageId: 'tracker', vendor: 'Lead Forensics' },
          { messageId: 'tracker', vendor: 'Clearbit' },
        ],
      },
      {
        name: 'a tracker even when allowHosts lists it',
        config: testConfig({ allowHosts: ['fonts.googleapis.com'] }),
        observations: [observe.request({ type: 'style', url: 'https://fonts.googleapis.com/css2?family=Inter' })],
        errors: [{ messageId: 'tracker' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: "a link to a tracker's site, which the visitor chooses to follow",
          html: '<a href="https://www.google.com/">Google</a>',
        },
        {
          name: 'a tracker URL in an escaped code sample',
          html: '<pre>&lt;script src="https://www.googletagmanager.com/gtag/js"&gt;</pre>',
        },
        {
          name: 'a tracker URL in a comment',
          html: '<!-- <script src="https://www.googletagmanager.com/gtag/js"></script> -->',
        },
        {
          name: 'social links in JSX props and site config',
          html: '<script>jsx("a", { href: "https://www.facebook.com/acme", children: "Facebook" }); var social = [{ label: "LinkedIn", href: "https://www.linkedin.com/company/acme" }]</script>',
        },
        {
          name: 'a share link set on an anchor',
          html: '<script>var a = document.createElement("a"); a.href = "https://www.facebook.com/sharer/sharer.php?u=" + encodeURIComponent(location.href)</script>',
        },
        {
          name: 'links in React server component data',
          html: '<script>self.__next_f.push([1,"4:[\\"$\\",\\"a\\",null,{\\"href\\":\\"https://www.linkedin.com/company/acme\\"}]"])</script>',
        },
        {
          name: 'a tracker named in a message',
          html: '<script>console.warn("Blocked: see https://www.google-analytics.com/analytics.js in the console")</script>',
        },
      ],
      invalid: [
        {
          name: 'the gtag.js script',
          html: '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
          errors: [{ messageId: 'tracker', vendor: 'Google Tag Manager' }],
        },
        {
          name: 'the Google Fonts stylesheet',
          html: '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">',
          errors: [{ messageId: 'tracker', vendor: 'Google Fonts' }],
        },
        {
          name: 'the Meta pixel fallback in <noscript>',
          html: '<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=1&amp;ev=PageView"></noscript>',
          errors: [{ messageId: 'tracker', vendor: 'Facebook', column: 11 }],
        },
        {
          name: 'a beacon to Google Analytics',
          html: '<script>navigator.sendBeacon("https://www.google-analytics.com/g/collect")</script>',
          errors: [{ messageId: 'tracker', vendor: 'Google Analytics', column: 9 }],
        },
        {
          name: 'a YouTube frame',
          html: '<iframe src="https://www.youtube.com/embed/x"></iframe>',
          errors: [{ messageId: 'tracker', vendor: 'YouTube' }],
        },
        {
          name: 'the classic Google Analytics loader',
          html: "<script>(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');</script>",
          errors: [{ messageId: 'tracker', vendor: 'Google Analytics', column: 204 }],
        },
        {
          name: 'the Google Tag Manager loader',
          html: "<script>(function(w,d,s,l,i){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-X');</script>",
          errors: [{ messageId: 'tracker', vendor: 'Google Tag Manager', column: 99 }],
        },
        {
          name: 'the Meta pixel loader',
          html: "<script>!function(f,b,e,v,n,t,s){t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');</script>",
          errors: [{ messageId: 'tracker', vendor: 'Facebook', column: 66 }],
        },
        {
          name: 'the Hotjar loader',
          html: "<script>(function(h,o,t,j,a,r){h._hjSettings={hjid:1,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>",
          errors: [{ messageId: 'tracker', vendor: 'Hotjar', column: 136 }],
        },
        {
          name: 'a tracker script written with document.write',
          html: '<script>document.write(\'<script src="https://www.googletagmanager.com/gtag/js?id=G-1"><\\/script>\')</script>',
          errors: [{ messageId: 'literal', vendor: 'Google Tag Manager', column: 24 }],
        },
        {
          name: 'a pixel set as innerHTML and a pixel image',
          html: '<script>el.innerHTML = \'<img src="https://www.facebook.com/tr?id=1&ev=PageView">\';\nnew Image().src = "https://bat.bing.com/action/0?ti=1";</script>',
          errors: [
            { messageId: 'literal', vendor: 'Facebook', column: 24 },
            { messageId: 'tracker', vendor: 'Bing Ads', line: 2, column: 1 },
          ],
        },
        {
          name: 'fetch and XHR to analytics endpoints',
          html: '<script>fetch("https://www.google-analytics.com/g/collect?v=2");\nvar x = new XMLHttpRequest(); x.open("POST", "https://api.mixpanel.com/track")</script>',
          errors: [
            { messageId: 'tracker', vendor: 'Google Analytics', column: 9 },
            { messageId: 'tracker', vendor: 'Mixpanel', line: 2, column: 31 },
          ],
        },
      ],
    });
  });
});
