/**
 * Writes a deterministic corpus that looks like a real built site (Astro/Hugo output): a nav with
 * many links, articles with srcset images, inline styles, a few inline scripts, shared CSS and JS
 * assets, and a `_headers` file. Same seed and size → same bytes.
 *
 *   npx node bench/generate.ts <pages> [outDir] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: tiny, fast and good enough to vary markup reproducibly. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'privacy visitors cookie static site build gate origin server video stream form contact policy agency ' +
  'client team design content layout performance accessible colour image gallery service about news article ' +
  'the and of to in for with on by from a an is are was be this that these those we you they our your'
).split(' ');

const assetCount = { css: 12, js: 8 };

interface Corpus {
  pages: number;
  bytes: number;
}

/** Generates `pages` HTML pages plus assets into `outDir` (emptied first). */
export function generateCorpus(pages: number, outDir: string, seed = 42): Corpus {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const sentence = (length: number) => Array.from({ length }, () => pick(words)).join(' ');
  const sections = ['blog', 'news', 'services', 'work', 'docs', 'team'];
  const pagePath = (index: number) => `${sections[index % sections.length]}/page-${index}/index.html`;
  const pageHref = (index: number) => `/${pagePath(index).replace(/index\.html$/, '')}`;

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, '_assets'), { recursive: true });
  let bytes = 0;
  const write = (file: string, text: string) => {
    writeFileSync(join(outDir, file), text);
    bytes += Buffer.byteLength(text);
  };

  for (let i = 0; i < assetCount.css; i++) {
    const rules = Array.from({ length: 300 }, (_, r) =>
      r % 25 === 0
        ? `.hero-${r}{background:url(/_assets/bg-${r}.webp) center/cover no-repeat;min-height:${r}px}`
        : `.c-${i}-${r}{margin:${r % 7}px ${r % 5}rem;color:#${(r * 2731).toString(16).padStart(6, '0').slice(0, 6)};display:flex;gap:.5rem}`,
    ).join('');
    write(`_assets/style-${i}.css`, `@font-face{font-family:Body;src:url(/_assets/body-${i}.woff2) format("woff2")}${rules}`);
  }
  for (let i = 0; i < assetCount.js; i++) {
    const functions = Array.from({ length: 400 }, (_, f) =>
      `function f${f}(a,b){const c=a*${f}+b;return c>${f}?[a,b,c].map(x=>x+"${pick(words)}").join("-"):{k:"${pick(words)}",v:c}}`,
    ).join(';');
    write(`_assets/app-${i}.js`, `(()=>{${functions};document.querySelectorAll("[data-menu]").forEach(e=>e.addEventListener("click",()=>e.classList.toggle("open")))})();`);
  }
  write('_headers', '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n');

  for (let index = 0; index < pages; index++) {
    mkdirSync(join(outDir, pagePath(index), '..'), { recursive: true });
    const nav = Array.from({ length: 24 }, (_, n) => `<li><a href="${pageHref((index + n * 37) % pages)}" class="nav-link">${sentence(2)}</a></li>`).join('');
    const paragraphs = Array.from({ length: 8 + Math.floor(random() * 14) }, (_, p) => {
      const image = p % 3 === 0
        ? `<figure><img src="/_assets/img-${index}-${p}.jpg" srcset="/_assets/img-${index}-${p}-480.webp 480w, /_assets/img-${index}-${p}-960.webp 960w, /_assets/img-${index}-${p}-1440.webp 1440w" sizes="(max-width: 700px) 100vw, 700px" alt="${sentence(4)}" loading="lazy" decoding="async" width="960" height="540"><figcaption>${sentence(6)}</figcaption></figure>`
        : '';
      const link = p % 4 === 1
        ? ` <a href="https://partner-${p}.example.org/${pick(words)}" data-leaving rel="noopener noreferrer external">${sentence(3)}<span class="leaving-mark" aria-hidden="true">↗</span></a>`
        : ` <a href="${pageHref((index * 7 + p) % pages)}">${sentence(3)}</a>`;
      return `${image}<p style="margin-block:${p % 3}rem">${sentence(40 + Math.floor(random() * 60))}${link} <code>${sentence(2)}</code>.</p>`;
    }).join('\n');
    const inlineScript = index % 10 === 0
      ? `<script>document.documentElement.dataset.theme=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";</script>`
      : '';
    write(pagePath(index), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${sentence(5)}</title><meta name="description" content="${sentence(18)}">
<link rel="canonical" href="https://www.example.ca${pageHref(index)}"><meta property="og:image" content="https://www.example.ca/_assets/og-${index}.png">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_assets/style-${index % assetCount.css}.css">
<style>.page-${index}{--accent:#${(index * 997).toString(16).padStart(6, '0').slice(0, 6)}}.skip{position:absolute;left:-999px}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"${sentence(5)}","url":"https://www.example.ca${pageHref(index)}"}</script>
${inlineScript}<script type="module" src="/_assets/app-${index % assetCount.js}.js"></script></head>
<body class="page-${index}"><a class="skip" href="#main">Skip to content</a><header><nav aria-label="Main"><ul>${nav}</ul></nav></header>
<main id="main"><article><h1>${sentence(6)}</h1>
${paragraphs}
</article></main><footer><p>© Example <a href="/privacy/">Privacy</a> <a href="mailto:hello@example.ca">hello@example.ca</a></p></footer></body></html>
`);
  }
  return { pages, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pages = '1000', outDir = `bench/corpus/${pages}`, seed = '42'] = process.argv.slice(2);
  const { bytes } = generateCorpus(Number(pages), outDir, Number(seed));
  console.log(`${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${outDir}`);
}
