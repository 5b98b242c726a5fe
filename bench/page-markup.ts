/**
 * The markup of one generated page, shaped like an Astro (or Hugo) build: a head of meta tags, scoped
 * inline styles and JSON-LD; a header with an inline SVG logo and a nav of ~40 links; an article of
 * paragraphs, `<picture>` heroes with AVIF/WebP srcsets, Shiki-highlighted code (a `style` on every
 * token), tables, marked external links and the odd Bunny video; related-post cards and a footer of
 * link columns and forms. Everything is clean by the gate's standards unless `plant` asks for one issue.
 */

/** Draws from the generator's seeded random stream. */
export interface Draw {
  /** A float in [0, 1). */
  next(): number;
  pick<T>(items: readonly T[]): T;
  words(count: number): string;
}

/** One known issue planted on a page, so the benchmark can check the gate still finds what it should. */
export type Plant = 'unmarked-link' | 'tracker-pixel' | 'post-to-cdn';

export const sections = ['blog', 'news', 'services', 'work', 'docs', 'team'] as const;
export const assetCount = { css: 12, js: 8 };

/** `blog/page-7/index.html` for page 7 of the blog section. */
export function pagePath(index: number): string {
  return `${sections[index % sections.length]}/page-${index}/index.html`;
}

function pageHref(index: number): string {
  return `/${pagePath(index).slice(0, -'index.html'.length)}`;
}

const externalSites = [
  'https://developer.mozilla.org/en-US/docs/Web/HTML',
  'https://en.wikipedia.org/wiki/Static_web_page',
  'https://www.w3.org/WAI/standards-guidelines/wcag/',
  'https://github.com/withastro/astro',
  'https://www.priv.gc.ca/en/privacy-topics/',
  'https://web.dev/articles/vitals',
  'https://gohugo.io/documentation/',
];
const tokenColours = ['#F97583', '#E1E4E8', '#9ECBFF', '#B392F0', '#79B8FF', '#6A737D', '#FFAB70'];
const codeWords = ['const', 'let', 'return', 'await', 'import', 'export', 'function', 'if', 'else', 'for', 'of', 'new'];

/** Astro's scoped-style attribute names one component; here each section's layout is one. */
const layoutCids = sections.map((_, n) => `data-astro-cid-${(((n + 1) * 2654435761) >>> 0).toString(36).slice(0, 8)}`);

/** A page of the corpus. */
export function pageMarkup(index: number, pages: number, draw: Draw, plant?: Plant): string {
  const cid = layoutCids[index % sections.length]!;
  const link = (offset: number) => pageHref((index + offset) % pages);
  const title = draw.words(5);
  const nav = Array.from({ length: 6 }, (_, group) => {
    const items = Array.from(
      { length: 6 },
      (_, n) =>
        `<li ${cid}><a href="${link(group * 41 + n * 7 + 1)}" class="nav-link" ${cid}>${draw.words(2)}</a></li>`,
    ).join('');
    return `<li class="nav-group" ${cid}><button type="button" aria-expanded="false" ${cid}>${sections[group]}</button><ul class="submenu" ${cid}>${items}</ul></li>`;
  }).join('');
  const body = Array.from({ length: 4 + Math.floor(draw.next() * 14) }, (_, block) =>
    articleBlock(index, block, draw, cid, link),
  ).join('\n');
  const cards = Array.from({ length: 4 }, (_, n) => {
    const target = (index + n * 113 + 3) % pages;
    return `<li class="card" ${cid}><a href="${pageHref(target)}" ${cid}><img src="/_astro/thumb-${target}.Bx${n}k.webp" alt="${draw.words(4)}" width="320" height="180" loading="lazy" decoding="async" ${cid}><h3 ${cid}>${draw.words(5)}</h3></a><p ${cid}>${draw.words(16)}</p></li>`;
  }).join('');
  const footer = Array.from(
    { length: 4 },
    (_, column) =>
      `<div class="footer-col" ${cid}><h2 ${cid}>${draw.words(2)}</h2><ul ${cid}>${Array.from({ length: 6 }, (_, n) => `<li ${cid}><a href="${link(column * 53 + n * 11 + 5)}" ${cid}>${draw.words(2)}</a></li>`).join('')}</ul></div>`,
  ).join('');
  const inlineScript =
    index % 10 === 0
      ? '<script type="module">document.documentElement.dataset.theme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.querySelectorAll("[aria-expanded]").forEach(b=>b.addEventListener("click",()=>b.setAttribute("aria-expanded",String(b.getAttribute("aria-expanded")!=="true"))));</script>'
      : '';
  return `<!DOCTYPE html><html lang="en" ${cid}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="Astro v7.3.5">
<title>${title} | Example</title><meta name="description" content="${draw.words(22)}"><link rel="canonical" href="https://www.example.ca${link(0)}">
<meta property="og:title" content="${title}"><meta property="og:type" content="article"><meta property="og:url" content="https://www.example.ca${link(0)}"><meta property="og:image" content="https://www.example.ca/_astro/og-${index}.png"><meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="apple-touch-icon" href="/apple-touch-icon.png"><link rel="sitemap" href="/sitemap-index.xml"><link rel="alternate" type="application/rss+xml" title="Example" href="/rss.xml">
<link rel="preload" href="/_astro/inter-latin.C7Xb2.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="/_astro/style-${index % assetCount.css}.css"><link rel="stylesheet" href="/_astro/style-${(index + 5) % assetCount.css}.css">
<style>${scopedStyles(cid, draw)}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"${title}","url":"https://www.example.ca${link(0)}","image":"https://www.example.ca/_astro/og-${index}.png","author":{"@type":"Organization","name":"Example"}}</script>
${inlineScript}<script type="module" src="/_astro/app-${index % assetCount.js}.js"></script></head>
<body ${cid}><a class="skip" href="#main" ${cid}>Skip to content</a><header class="site-header" ${cid}><a href="/" class="logo" aria-label="Home" ${cid}>${logoSvg(draw)}</a>
<nav aria-label="Main" ${cid}><ul class="menu" ${cid}>${nav}</ul></nav><form action="/search/" method="get" role="search" ${cid}><label for="q" ${cid}>Search</label><input id="q" type="search" name="q" ${cid}></form></header>
<main id="main" ${cid}><nav aria-label="Breadcrumb" ${cid}><ol ${cid}><li ${cid}><a href="/" ${cid}>Home</a></li><li ${cid}><a href="/${sections[index % sections.length]}/" ${cid}>${sections[index % sections.length]}</a></li><li ${cid}><span aria-current="page" ${cid}>${title}</span></li></ol></nav>
<article class="prose" ${cid}><h1 ${cid}>${title}</h1><p class="byline" ${cid}>By ${draw.words(2)} · <time datetime="2026-0${1 + (index % 9)}-1${index % 10}">${1 + (index % 28)} ${draw.words(1)} 2026</time></p>
${heroPicture(`hero-${index}`, draw, cid)}
${body}
${plantMarkup(plant, cid)}</article>
<aside ${cid}><h2 ${cid}>Related</h2><ul class="cards" ${cid}>${cards}</ul></aside></main>
<footer class="site-footer" ${cid}><div class="footer-cols" ${cid}>${footer}</div>
<form action="https://origin.example.ca/newsletter" method="post" class="newsletter" ${cid}><label for="email-${index}" ${cid}>Email</label><input id="email-${index}" type="email" name="email" autocomplete="email" required ${cid}><input type="text" name="website" tabindex="-1" autocomplete="off" hidden ${cid}><button type="submit" ${cid}>Subscribe</button></form>
<p ${cid}>© 2026 Example Inc. <a href="/privacy/" ${cid}>Privacy</a> · <a href="mailto:hello@example.ca" ${cid}>hello@example.ca</a> · <a href="tel:+15555550100" ${cid}>+1 555 555 0100</a> · <a href="${externalSites[index % externalSites.length]}" data-leaving="" rel="noopener noreferrer external" ${cid}>${draw.words(2)}<span class="leaving-mark" aria-hidden="true">↗</span><span class="visually-hidden"> (leaves this site)</span></a></p></footer></body></html>
`;
}

function articleBlock(index: number, block: number, draw: Draw, cid: string, link: (offset: number) => string): string {
  const kind = block === 0 ? 0 : Math.floor(draw.next() * 10);
  const paragraph = () => {
    const inline =
      block % 4 === 1
        ? `<a href="${draw.pick(externalSites)}" data-leaving="" rel="noopener noreferrer external" ${cid}>${draw.words(3)}<span class="leaving-mark" aria-hidden="true">↗</span><span class="visually-hidden"> (leaves this site)</span></a>`
        : `<a href="${link(index * 7 + block + 1)}" ${cid}>${draw.words(3)}</a>`;
    return `<p ${cid}>${draw.words(30 + Math.floor(draw.next() * 50))} ${inline} ${draw.words(10)} <strong ${cid}>${draw.words(2)}</strong> <code ${cid}>${draw.words(1)}</code>.</p>`;
  };
  switch (kind) {
    case 1:
      return `<h2 id="section-${block}" ${cid}>${draw.words(4)}</h2>${paragraph()}`;
    case 2:
      return heroPicture(`figure-${index}-${block}`, draw, cid);
    case 3:
      return codeBlock(draw);
    case 4:
      return `<ul ${cid}>${Array.from({ length: 5 }, () => `<li ${cid}>${draw.words(8)}</li>`).join('')}</ul>`;
    case 5:
      return `<table ${cid}><thead ${cid}><tr ${cid}><th ${cid}>${draw.words(1)}</th><th ${cid}>${draw.words(1)}</th><th ${cid}>${draw.words(1)}</th></tr></thead><tbody ${cid}>${Array.from({ length: 6 }, () => `<tr ${cid}><td ${cid}>${draw.words(2)}</td><td ${cid}>${draw.words(3)}</td><td style="text-align:right" ${cid}>${Math.floor(draw.next() * 1000)}</td></tr>`).join('')}</tbody></table>`;
    case 6:
      return index % 7 === 0 && block < 8
        ? `<div class="video" style="position:relative;aspect-ratio:16/9" ${cid}><iframe src="https://player.mediadelivery.net/embed/123456/${(index * 40503).toString(16).padStart(8, '0')}-4e1f-9b2c-${block}a7d?autoplay=false&amp;preload=false&amp;responsive=true" title="${draw.words(4)}" loading="lazy" allow="encrypted-media; picture-in-picture" allowfullscreen style="border:0;position:absolute;inset:0;width:100%;height:100%" ${cid}></iframe></div>`
        : `<blockquote ${cid}><p ${cid}>${draw.words(25)}</p></blockquote>`;
    default:
      return paragraph();
  }
}

function heroPicture(name: string, draw: Draw, cid: string): string {
  const srcset = (format: string) =>
    [480, 960, 1440].map((width) => `/_astro/${name}.${width}w.${format} ${width}w`).join(', ');
  return `<figure ${cid}><picture ${cid}><source type="image/avif" srcset="${srcset('avif')}" sizes="(max-width: 720px) 100vw, 720px" ${cid}><source type="image/webp" srcset="${srcset('webp')}" sizes="(max-width: 720px) 100vw, 720px" ${cid}><img src="/_astro/${name}.960w.jpg" alt="${draw.words(6)}" width="960" height="540" loading="lazy" decoding="async" ${cid}></picture><figcaption ${cid}>${draw.words(9)}</figcaption></figure>`;
}

/** Shiki's output: every token a span with its own colour. */
function codeBlock(draw: Draw): string {
  const lines = Array.from(
    { length: 6 + Math.floor(draw.next() * 14) },
    () =>
      `<span class="line">${Array.from({ length: 3 + Math.floor(draw.next() * 6) }, () => `<span style="color:${draw.pick(tokenColours)}">${draw.pick(codeWords)} ${draw.words(1)}</span>`).join('')}</span>`,
  ).join('\n');
  return `<pre class="astro-code github-dark" style="background-color:#24292e;color:#e1e4e8;overflow-x:auto" tabindex="0" data-language="js"><code>${lines}</code></pre>`;
}

function scopedStyles(cid: string, draw: Draw): string {
  const rules = Array.from(
    { length: 14 },
    (_, n) =>
      `.${draw.words(1)}-${n}[${cid}]{margin:${n % 4}rem ${n % 3}rem;padding:.${n}rem;color:var(--c-${n});font-size:clamp(1rem,${1 + n / 10}vw,2rem)}`,
  ).join('');
  return `${rules}.hero[${cid}]{background:url(/_astro/texture.Dh3k.svg) repeat;min-height:40vh}`;
}

function logoSvg(draw: Draw): string {
  const path = Array.from(
    { length: 40 },
    () => `${(draw.next() * 100).toFixed(2)} ${(draw.next() * 40).toFixed(2)}`,
  ).join(' L');
  return `<svg width="120" height="40" viewBox="0 0 120 40" fill="none" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"><path d="M${path}Z" fill="currentColor"/><use href="#logo-mark"/></svg>`;
}

function plantMarkup(plant: Plant | undefined, cid: string): string {
  switch (plant) {
    case 'unmarked-link':
      return `<p ${cid}>See <a href="https://www.partner-agency.example.net/case-study" ${cid}>our partner's case study</a>.</p>`;
    case 'tracker-pixel':
      return `<img src="https://www.facebook.com/tr?id=1234567890&amp;ev=PageView&amp;noscript=1" width="1" height="1" alt="" style="display:none" ${cid}>`;
    case 'post-to-cdn':
      return `<form action="/contact/" method="post" ${cid}><input type="email" name="email" ${cid}><button ${cid}>Send</button></form>`;
    case undefined:
      return '';
  }
}
