/**
 * Writes a deterministic corpus that looks like a real built site (see page-markup.ts): pages of
 * 15–40 KB, shared stylesheets and script bundles under `_astro/`, and a `_headers` file. Same seed
 * and size → same bytes. One page in 997 carries a planted issue, so the benchmark can check that the
 * gate still reports exactly those pages.
 *
 *   npx node bench/generate.ts <pages> [outDir] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assetCount, pageMarkup, pagePath, type Draw, type Plant } from './page-markup.ts';

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

const vocabulary = (
  'privacy visitors cookie static site build gate origin server video stream form contact policy agency ' +
  'client team design content layout performance accessible colour image gallery service about news article ' +
  'the and of to in for with on by from a an is are was be this that these those we you they our your'
).split(' ');

const plants: readonly Plant[] = ['unmarked-link', 'tracker-pixel', 'post-to-cdn'];
const plantEvery = 997;

/** What was written: total bytes and the pages that carry a planted issue. */
export interface Corpus {
  pages: number;
  bytes: number;
  planted: string[];
}

/** A seeded draw over the generator's vocabulary: the same seed gives the same markup. */
export function createDraw(seed: number): Draw {
  const next = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, words: (count) => Array.from({ length: count }, () => pick(vocabulary)).join(' ') };
}

function stylesheet(index: number): string {
  const rules = Array.from({ length: 600 }, (_, r) =>
    r % 25 === 0
      ? `.hero-${r}{background:url(/_astro/bg-${r}.webp) center/cover no-repeat;min-height:${r}px}`
      : `.c-${index}-${r}{margin:${r % 7}px ${r % 5}rem;color:#${(r * 2731).toString(16).padStart(6, '0').slice(0, 6)};display:flex;gap:.5rem}`,
  ).join('\n');
  return `@font-face{font-family:Inter;font-display:swap;src:url(/_astro/inter-latin.C7Xb2.woff2) format("woff2")}\n${rules}\n`;
}

function scriptBundle(draw: Draw): string {
  const functions = Array.from(
    { length: 400 },
    (_, f) =>
      `function f${f}(a,b){const c=a*${f}+b;return c>${f}?[a,b,c].map(x=>x+"${draw.words(1)}").join("-"):{k:"${draw.words(1)}",v:c}}`,
  ).join(';');
  return `(()=>{${functions};document.querySelectorAll("[data-menu]").forEach(e=>e.addEventListener("click",()=>e.classList.toggle("open")))})();\n`;
}

/** Generates `pages` HTML pages plus assets into `outDir` (emptied first). */
export function generateCorpus(pages: number, outDir: string, seed = 42): Corpus {
  const draw = createDraw(seed);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, '_astro'), { recursive: true });
  let bytes = 0;
  const write = (file: string, text: string) => {
    writeFileSync(join(outDir, file), text);
    bytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < assetCount.css; i++) write(`_astro/style-${i}.css`, stylesheet(i));
  for (let i = 0; i < assetCount.js; i++) write(`_astro/app-${i}.js`, scriptBundle(draw));
  write('_headers', '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n');

  const planted: string[] = [];
  for (let index = 0; index < pages; index++) {
    const file = pagePath(index);
    const plant =
      index % plantEvery === plantEvery - 1 ? plants[Math.floor(index / plantEvery) % plants.length] : undefined;
    if (plant) planted.push(file);
    mkdirSync(join(outDir, dirname(file)), { recursive: true });
    write(file, pageMarkup(index, pages, draw, plant));
  }
  return { pages, bytes, planted };
}

if (import.meta.main) {
  const [pages = '1000', outDir = `bench/corpus/${pages}`, seed = '42'] = process.argv.slice(2);
  const { bytes, planted } = generateCorpus(Number(pages), outDir, Number(seed));
  console.log(`${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${outDir}; planted issues in ${planted.length} pages`);
}
