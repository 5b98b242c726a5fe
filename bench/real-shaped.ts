/**
 * A corpus shaped like what real themes put in every page, beside generate.ts's cleaner pages: the same handful of
 * inline scripts on every page (a theme provider, a search bootstrap, an island runtime and its `client:` loaders, a
 * code-copy module), island props as entity-encoded attributes and `<script type="application/json">` data, long
 * attribute lists, entity-heavy prose and code, SVG icons everywhere, a docs sidebar of ~70 links and a table of
 * contents. Two themes share the site: docs pages in a Starlight-like layout and blog posts in a Hugo-like one (its
 * own repeated inline `<style>` and scripts). Every script and style is written here, in the shape such themes ship,
 * and clean by the gate's standards: one page in 149 carries a planted issue, four kinds in turn, and the benchmark
 * checks the gate reports exactly those pages with exactly those rules.
 *
 *   npx node bench/real-shaped.ts <pages> [outDir] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createDraw } from './generate.ts';
import type { Draw } from './page-markup.ts';

/** A planted issue and the rules that must report it. */
const plants = {
  // The theme provider, changed to remember the choice: a distinct script among thousands of identical ones.
  'stored-theme': ['cookies/storage'],
  'analytics-tag': ['trackers/known-tracker', 'trackers/tracking-snippet'],
  'unmarked-link': ['external-links/unmarked'],
  // The blog's repeated inline style with one more line: a web font from a tracker's host.
  'font-import': ['trackers/known-tracker'],
} as const;
type Plant = keyof typeof plants;
/** Docs pages take these in turn; a blog post can only take the font import. */
const docsPlants: readonly Plant[] = ['stored-theme', 'analytics-tag', 'unmarked-link'];
const plantEvery = 149;

/** What was written: bytes, and each planted page with the rule ids it must be reported under. */
export interface RealShapedCorpus {
  pages: number;
  bytes: number;
  planted: string[];
  expected: Record<string, string[]>;
}

const docSections = ['getting-started', 'guides', 'components', 'reference', 'deploy', 'recipes'] as const;

function pagePath(index: number): string {
  // Every third page is a blog post of the Hugo-like theme; the rest are docs.
  if (index % 3 === 2) return `blog/${2020 + (index % 6)}/post-${index}/index.html`;
  return `docs/${docSections[index % docSections.length]}/page-${index}/index.html`;
}

function href(index: number): string {
  return `/${pagePath(index).slice(0, -'index.html'.length)}`;
}

const markedLinkAttributes = 'data-leaving="" rel="noopener noreferrer external"';
const externalSites = [
  'https://developer.mozilla.org/en-US/docs/Web/API/Element',
  'https://github.com/example-org/example-docs',
  'https://www.w3.org/TR/WCAG22/',
  'https://en.wikipedia.org/wiki/Static_site_generator',
  'https://gohugo.io/templates/introduction/',
  'https://docs.astro.build/en/concepts/islands/',
];

// --- the scripts and styles every page of a theme repeats ---

/** Follows the system colour scheme and keeps the pickers in step; stores nothing unless planted. */
function themeProvider(stored: boolean): string {
  const initial = stored
    ? 'const t=localStorage.getItem("docs-theme")||(e.matches?"light":"dark");document.documentElement.dataset.theme=t;'
    : 'const t=()=>{document.documentElement.dataset.theme=e.matches?"light":"dark"};t();e.addEventListener("change",t);';
  return `window.ThemeProvider=(()=>{const e=matchMedia("(prefers-color-scheme: light)");${initial}return{updatePickers(o=document.documentElement.dataset.theme||"auto"){document.querySelectorAll("theme-select").forEach(n=>{const s=n.querySelector("select");if(s)s.value=o;n.setAttribute("data-theme",o)})}}})();`;
}

const searchBootstrap = `(()=>{const h=document.querySelector("site-search"),b=h?.querySelector("button[data-open-modal]"),d=h?.querySelector("dialog");if(!h||!b||!d)return;let ready=!1;const close=()=>{d.close();document.body.toggleAttribute("data-search-open",!1)},open=()=>{d.showModal();document.body.toggleAttribute("data-search-open",!0);d.querySelector("input")?.focus();if(ready)return;ready=!0;import("/pagefind/pagefind-ui.js").then(({PagefindUI:P})=>{new P({element:"#search-results",baseUrl:"/",bundlePath:"/pagefind/",showImages:!1,showSubResults:!0,translations:{placeholder:"Search the docs",zero_results:"No results for [SEARCH_TERM]"}})})};b.addEventListener("click",open);b.disabled=!1;d.addEventListener("click",e=>{e.target===d&&close()});window.addEventListener("keydown",e=>{(e.metaKey||e.ctrlKey)&&e.key==="k"&&(e.preventDefault(),d.open?close():open())})})();`;

/** The island runtime: revives typed props, waits for children, loads the component and its renderer, hydrates. */
const islandRuntime = `(()=>{const k={0:v=>v,1:v=>JSON.parse(v,revive),2:v=>new RegExp(v),3:v=>new Date(v),4:v=>new Map(JSON.parse(v,revive)),5:v=>new Set(JSON.parse(v,revive)),6:v=>BigInt(v),7:v=>new URL(v),8:v=>new Uint8Array(JSON.parse(v)),11:v=>Infinity*v};function revive(key,value){if(key===""||!Array.isArray(value))return value;const[type,raw]=value;return type in k?k[type](raw):void 0}if(customElements.get("site-island"))return;class Island extends HTMLElement{Component;hydrator;connectedCallback(){if(!this.hasAttribute("await-children")||document.readyState!=="loading"){this.childrenReady();return}const done=()=>{document.removeEventListener("DOMContentLoaded",done);watch.disconnect();this.childrenReady()},watch=new MutationObserver(()=>{const last=this.lastChild;last?.nodeType===Node.COMMENT_NODE&&last.nodeValue==="island:end"&&(last.remove(),done())});watch.observe(this,{childList:!0});document.addEventListener("DOMContentLoaded",done)}async childrenReady(){const before=this.getAttribute("before-hydration-url");before&&await import(before);this.start()}async start(){const opts=JSON.parse(this.getAttribute("opts")||"{}"),client=this.getAttribute("client");if(!self.Islands||self.Islands[client]===void 0){window.addEventListener("islands:"+client,()=>this.start(),{once:!0});return}try{await self.Islands[client](async()=>{const rendererUrl=this.getAttribute("renderer-url"),[mod,{default:hydrator}]=await Promise.all([import(this.getAttribute("component-url")),rendererUrl?import(rendererUrl):{default:()=>()=>{}}]),name=this.getAttribute("component-export")||"default";this.Component=name.split(".").reduce((m,part)=>m[part],mod);this.hydrator=hydrator;return this.hydrate},opts,this)}catch(error){console.error("[island] could not hydrate "+this.getAttribute("component-url"),error)}}hydrate=async()=>{if(!this.hydrator||!this.isConnected)return;const outer=this.parentElement?.closest("site-island[ssr]");if(outer){outer.addEventListener("island:hydrate",this.hydrate,{once:!0});return}const slots={};for(const t of this.querySelectorAll("template[data-island-slot]"))t.closest(this.tagName)===this&&(slots[t.getAttribute("data-island-slot")||"default"]=t.innerHTML,t.remove());let props={};try{props=this.hasAttribute("props")?JSON.parse(this.getAttribute("props"),revive):{}}catch(error){console.error("[island] bad props",this.getAttribute("props"),error);throw error}await this.hydrator(this)(this.Component,props,slots,{client:this.getAttribute("client")});this.removeAttribute("ssr");this.dispatchEvent(new CustomEvent("island:hydrate"))};attributeChangedCallback(){this.hydrate()}static observedAttributes=["props"]}customElements.define("site-island",Island)})();`;

const idleLoader = `(()=>{const idle=(load,opts)=>{const run=async()=>{await(await load())()},timeout=typeof opts.value=="object"?opts.value.timeout:void 0;"requestIdleCallback"in window?requestIdleCallback(run,{timeout}):setTimeout(run,timeout||200)};(self.Islands||(self.Islands={})).idle=idle;window.dispatchEvent(new Event("islands:idle"))})();`;
const visibleLoader = `(()=>{const visible=async(load,opts,el)=>{const run=async()=>{await(await load())()},seen=new IntersectionObserver(entries=>{for(const entry of entries)if(entry.isIntersecting){seen.disconnect();run();break}},typeof opts.value=="object"?opts.value:void 0);for(const child of el.children)seen.observe(child)};(self.Islands||(self.Islands={})).visible=visible;window.dispatchEvent(new Event("islands:visible"))})();`;

/** Expressive-code-like copy buttons, a module script on every page with code. */
const copyModule = `try{(()=>{function fallback(text){const pre=document.createElement("pre");Object.assign(pre.style,{opacity:"0",pointerEvents:"none",position:"absolute",overflow:"hidden",left:"0",top:"0",width:"20px",height:"20px",userSelect:"all"});pre.ariaHidden="true";pre.textContent=text;document.body.appendChild(pre);const range=document.createRange();range.selectNode(pre);const sel=getSelection();if(!sel)return!1;sel.removeAllRanges();sel.addRange(range);let ok=!1;try{ok=document.execCommand("copy")}finally{sel.removeAllRanges();document.body.removeChild(pre)}return ok}async function copy(event){const button=event.currentTarget,text=button.dataset.code.replace(/\\u007f/g,"\\n");let ok=!1;try{await navigator.clipboard.writeText(text);ok=!0}catch{ok=fallback(text)}if(!ok)return;const note=button.parentNode?.querySelector(".feedback");note?.classList.add("show");setTimeout(()=>note?.classList.remove("show"),1500)}for(const button of document.querySelectorAll(".copy button"))button.addEventListener("click",copy)})()}catch(error){console.error("[code] copy buttons failed:",error)}`;

const menuScript = `(()=>{class MobileMenu extends HTMLElement{constructor(){super();this.btn=this.querySelector("button");this.btn.addEventListener("click",()=>this.toggle());const close=e=>{e.key==="Escape"&&this.open&&(this.toggle(),this.btn.focus())};window.addEventListener("keyup",close)}get open(){return this.getAttribute("aria-expanded")==="true"}toggle(){const expanded=!this.open;this.setAttribute("aria-expanded",String(expanded));this.btn.setAttribute("aria-expanded",String(expanded));document.body.toggleAttribute("data-menu-open",expanded)}}customElements.define("mobile-menu",MobileMenu)})();`;

const tocScript = `(()=>{class Toc extends HTMLElement{connectedCallback(){const links=[...this.querySelectorAll("a")],heads=links.map(a=>document.getElementById(decodeURIComponent(a.hash.slice(1)))).filter(Boolean),mark=([entry])=>{if(!entry?.isIntersecting)return;for(const a of links)a.getAttribute("href")==="#"+entry.target.id?a.setAttribute("aria-current","true"):a.removeAttribute("aria-current")},spy=new IntersectionObserver(mark,{rootMargin:"-72px 0% -70%"});for(const h of heads)spy.observe(h)}}customElements.define("page-toc",Toc)})();`;

const hugoDarkMode = `(function(){var root=document.documentElement,query=window.matchMedia("(prefers-color-scheme: dark)");function apply(){root.classList.toggle("dark",query.matches);root.style.colorScheme=query.matches?"dark":"light"}apply();query.addListener?query.addListener(apply):query.addEventListener("change",apply);document.addEventListener("DOMContentLoaded",function(){var toggle=document.querySelector(".menu-toggle"),nav=document.querySelector(".site-nav");toggle&&nav&&toggle.addEventListener("click",function(){var open=nav.classList.toggle("is-open");toggle.setAttribute("aria-expanded",open?"true":"false")})})})();`;

const hugoAnchors = `document.addEventListener("DOMContentLoaded",function(){document.querySelectorAll(".post-content h2[id], .post-content h3[id]").forEach(function(h){var a=document.createElement("a");a.className="anchor";a.href="#"+h.id;a.setAttribute("aria-label","Link to this section");a.textContent="#";h.appendChild(a)})});`;

/** The Hugo theme's critical CSS, inlined into every post; its fonts are the site's own. */
function hugoCriticalCss(fontImport: boolean): string {
  const rules = Array.from(
    { length: 60 },
    (_, n) =>
      `.post-${n}>.meta{display:flex;gap:${(n % 5) / 4}rem;margin:0 0 ${n % 3}rem;color:var(--muted-${n % 4});font:400 ${0.8 + (n % 4) / 10}rem/1.5 var(--font-body)}`,
  ).join('');
  return `${fontImport ? '@import url("https://fonts.googleapis.com/css2?family=Lora:wght@400;700&display=swap");' : ''}@font-face{font-family:Lora;font-style:normal;font-weight:400;font-display:swap;src:url(/fonts/lora-v32-latin-regular.woff2) format("woff2")}@font-face{font-family:Lora;font-style:normal;font-weight:700;font-display:swap;src:url(/fonts/lora-v32-latin-700.woff2) format("woff2")}:root{--font-body:Lora,Georgia,serif;--bg:#fffdf8;--fg:#1d1b16}.dark{--bg:#1d1b16;--fg:#f3efe4}body{margin:0;background:var(--bg);color:var(--fg);font-family:var(--font-body)}.hero{background:url(/images/paper.webp) repeat;min-height:30vh}${rules}`;
}

// --- markup ---

const iconPaths = [
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Z',
  'M21.71 20.29 18 16.61A9 9 0 1 0 16.61 18l3.68 3.68a1 1 0 0 0 1.42 0 1 1 0 0 0 0-1.39ZM11 18a7 7 0 1 1 7-7 7 7 0 0 1-7 7Z',
  'M3 6h18a1 1 0 0 0 0-2H3a1 1 0 0 0 0 2Zm18 5H3a1 1 0 0 0 0 2h18a1 1 0 0 0 0-2Zm0 7H3a1 1 0 0 0 0 2h18a1 1 0 0 0 0-2Z',
  'M12 .3a12 12 0 0 0-3.8 23.38c.6.12.83-.26.83-.57L9 21.07c-3.34.72-4.04-1.61-4.04-1.61-.55-1.39-1.34-1.76-1.34-1.76-1.08-.74.09-.73.09-.73 1.2.09 1.83 1.24 1.83 1.24 1.07 1.83 2.8 1.3 3.49 1 .1-.78.42-1.31.76-1.61-2.67-.3-5.47-1.33-5.47-5.93 0-1.31.47-2.38 1.24-3.22-.14-.3-.54-1.52.1-3.18 0 0 1-.32 3.3 1.23a11.5 11.5 0 0 1 6 0c2.28-1.55 3.29-1.23 3.29-1.23.64 1.66.24 2.88.12 3.18a4.65 4.65 0 0 1 1.23 3.22c0 4.61-2.8 5.63-5.48 5.92.42.36.81 1.1.81 2.22l-.01 3.29c0 .31.2.69.82.57A12 12 0 0 0 12 .3Z',
  'm14.83 11.29-4.24-4.24a1 1 0 1 0-1.42 1.41L12.71 12l-3.54 3.54a1 1 0 0 0 0 1.41 1 1 0 0 0 .71.29 1 1 0 0 0 .71-.29l4.24-4.24a1 1 0 0 0 0-1.42Z',
  'M20 8.94a1.31 1.31 0 0 0-.06-.27v-.09a1.07 1.07 0 0 0-.19-.28l-6-6a1.07 1.07 0 0 0-.28-.19h-.09L13.06 2H7a3 3 0 0 0-3 3v14a3 3 0 0 0 3 3h10a3 3 0 0 0 3-3V8.94Zm-6-3.53L16.59 8H15a1 1 0 0 1-1-1V5.41Z',
];

function icon(index: number, size = 16): string {
  return `<svg aria-hidden="true" class="icon" width="${size}" height="${size}" viewBox="0 0 24 24" fill="currentColor" style="--sl-icon-size: 1em;"><path d="${iconPaths[index % iconPaths.length]}"></path></svg>`;
}

/** Island props as the island runtime reads them: `[type, value]` pairs, entity-encoded in the attribute. */
function islandProps(value: unknown): string {
  const encode = (v: unknown): unknown =>
    Array.isArray(v)
      ? [1, JSON.stringify(v.map(encode))]
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([key, inner]) => [key, encode(inner)]))
        : [0, v];
  return JSON.stringify(encode(value))
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

function island(uid: string, component: string, client: 'idle' | 'visible', props: unknown, inner: string): string {
  return `<site-island uid="${uid}" prefix="r${uid.length}" component-url="/_astro/${component}.B7x1Qd.js" component-export="default" renderer-url="/_astro/client.DWf3u2k8.js" props="${islandProps(props)}" ssr="" client="${client}" opts="{&quot;name&quot;:&quot;${component}&quot;,&quot;value&quot;:true}" await-children="">${inner}<!--island:end--></site-island>`;
}

/** Prose with the entities a markdown pipeline writes: smart quotes, dashes, escaped markup, non-breaking spaces. */
function prose(draw: Draw, words: number): string {
  const pieces = [
    '&ldquo;',
    '&rdquo;',
    '&mdash;',
    '&nbsp;',
    '&amp;',
    '&lt;code&gt;',
    '&#x27;',
    '&hellip;',
    '&rarr;',
    '&#8212;',
  ];
  return Array.from({ length: Math.ceil(words / 6) }, () => `${draw.words(6)} ${draw.pick(pieces)}`).join(' ');
}

const codeTokens = [
  ['const', '--0:#C792EA;--1:#8844AE'],
  ['await', '--0:#C792EA;--1:#8844AE'],
  ['import', '--0:#C792EA;--1:#8844AE'],
  ['&quot;./config.mjs&quot;', '--0:#ECC48D;--1:#984E4D'],
  ['&lt;Card&gt;', '--0:#7FDBCA;--1:#096E72'],
  ['=&gt;', '--0:#C792EA;--1:#8844AE'],
  ['defineConfig', '--0:#82AAFF;--1:#3B61B0'],
  ['{', '--0:#D6DEEB;--1:#403F53'],
  ['}', '--0:#D6DEEB;--1:#403F53'],
  ['site', '--0:#D6DEEB;--1:#403F53'],
];

/** An expressive-code-like frame: a copy button whose `data-code` holds the code, every token a styled span. */
function codeFrame(draw: Draw, lines: number): string {
  const rows = Array.from({ length: lines }, () =>
    Array.from({ length: 2 + Math.floor(draw.next() * 6) }, () => draw.pick(codeTokens)),
  );
  const text = rows.map((row) => row.map(([token]) => token).join(' ')).join('&#x7f;');
  const body = rows
    .map(
      (row) =>
        `<div class="ec-line"><div class="code">${row.map(([token, style]) => `<span style="${style}">${token}</span>`).join(' ')}</div></div>`,
    )
    .join('');
  return `<div class="expressive-code"><figure class="frame is-terminal not-content"><figcaption class="header"><span class="title">${draw.words(2)}.mjs</span></figcaption><pre data-language="js"><code>${body}</code></pre><div class="copy"><div aria-live="polite" class="feedback"></div><button title="Copy to clipboard" data-copied="Copied!" data-code="${text}"><div></div></button></div></figure></div>`;
}

function sidebar(index: number, pages: number, draw: Draw): string {
  const groups = docSections.map((section, group) => {
    const links = Array.from({ length: 20 }, (_, n) => {
      const target = (group * 20 + n) * 3 < pages ? (group * 20 + n) * 3 : n;
      const current = target === index ? ' aria-current="page"' : '';
      return `<li><a href="${href(target)}"${current} class="sidebar-link"><span>${draw.words(2)}</span>${n % 5 === 0 ? `<span class="badge variant-note">New</span>` : ''}</a></li>`;
    }).join('');
    return `<li><details open=""><summary><div class="group-label"><span class="large">${section}</span></div>${icon(4)}</summary><ul class="top-level">${links}</ul></details></li>`;
  });
  return `<nav class="sidebar" aria-label="Main"><div class="sidebar-content sl-flex"><ul class="top-level">${groups.join('')}</ul></div></nav>`;
}

function docsPage(index: number, pages: number, draw: Draw, plant: Plant | undefined): string {
  const title = draw.words(4);
  const headings = Array.from({ length: 4 + Math.floor(draw.next() * 6) }, (_, n) => ({
    id: `section-${n}`,
    text: draw.words(3),
  }));
  const toc = headings.map(({ id, text }) => `<li><a href="#${id}"><span>${text}</span></a></li>`).join('');
  const content = headings
    .map(
      ({ id, text }, n) =>
        `<h2 id="${id}">${text}</h2><p>${prose(draw, 60 + Math.floor(draw.next() * 80))} <a href="${href((index + n * 17 + 1) % pages)}">${draw.words(2)}</a>.</p>` +
        (n % 2 === 0 ? codeFrame(draw, 4 + Math.floor(draw.next() * 12)) : '') +
        (n % 3 === 1
          ? `<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title" aria-hidden="true">${icon(5)}Note</p><div class="starlight-aside__content"><p>${prose(draw, 30)} <a href="${draw.pick(externalSites)}" ${markedLinkAttributes}>${draw.words(2)}<span class="leaving-mark" aria-hidden="true">↗</span></a></p></div></aside>`
          : ''),
    )
    .join('\n');
  const searchProps = {
    labels: { placeholder: 'Search', noResults: 'No results' },
    hotkey: 'k',
    pages: [index, pages],
  };
  const feedbackProps = { page: href(index), options: ['yes', 'no'], title };
  const planted =
    plant === 'unmarked-link'
      ? `<p>See the <a href="https://partner-docs.example.org/migration">partner's migration guide</a>.</p>`
      : '';
  const analytics =
    plant === 'analytics-tag'
      ? '<script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE123"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config","G-EXAMPLE123");</script>'
      : '';
  return `<!DOCTYPE html><html lang="en" dir="ltr" data-theme="dark" data-has-toc="" data-has-sidebar=""><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | Example Docs</title><link rel="canonical" href="https://www.example.ca${href(index)}"><link rel="sitemap" href="/sitemap-index.xml"><link rel="shortcut icon" href="/favicon.svg" type="image/svg+xml"><meta name="generator" content="Astro v7.3.5"><meta name="generator" content="Starlight v0.40.1"><meta property="og:title" content="${title}"><meta property="og:type" content="article"><meta property="og:url" content="https://www.example.ca${href(index)}"><meta property="og:locale" content="en"><meta property="og:description" content="${draw.words(14)}"><meta property="og:site_name" content="Example Docs"><meta name="twitter:card" content="summary_large_image"><meta name="description" content="${draw.words(14)}">
<script>${themeProvider(plant === 'stored-theme')}</script><link rel="stylesheet" href="/_astro/print.DNXP8c50.css" media="print"><link rel="stylesheet" href="/_astro/docs.${index % 3}.CXkjw1.css"><script type="module" src="/_astro/page.7qqag5g.js"></script>${analytics}
<script type="application/json" id="page-data">{"route":"${href(index)}","section":"${docSections[index % docSections.length]}","lastUpdated":"2026-0${1 + (index % 9)}-1${index % 10}T10:00:00.000Z","headings":${JSON.stringify(headings)}}</script></head>
<body><a href="#_top" class="skip-link">Skip to content</a><div class="page sl-flex"><header class="header"><div class="header sl-flex"><div class="title-wrapper sl-flex"><a href="/" class="site-title sl-flex">${icon(0, 24)}<span class="translate">Example Docs</span></a></div>
<div class="sl-flex print:hidden"><site-search data-translations="{&quot;placeholder&quot;:&quot;Search&quot;}"><button data-open-modal="" disabled="" aria-label="Search" aria-keyshortcuts="Control+K" class="sl-flex">${icon(1)}<span class="sl-hidden md:sl-block" aria-hidden="true">Search</span><kbd class="sl-hidden md:sl-flex"><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button><dialog style="padding:0" aria-label="Search"><div class="dialog-frame sl-flex"><button data-close-modal="" class="sl-flex md:sl-hidden">Cancel</button><div class="search-container"><div id="search-results"></div></div></div></dialog></site-search>
${island(`S${index.toString(36)}`, 'Search', 'idle', searchProps, '<div class="search-fallback"></div>')}<script>${searchBootstrap}</script></div>
<div class="sl-hidden md:sl-flex print:hidden right-group"><div class="sl-flex social-icons"><a href="${externalSites[1]}" ${markedLinkAttributes} class="sl-flex"><span class="sr-only">GitHub</span>${icon(3)}</a></div><theme-select><label style="--sl-label-icon-size: 0.875rem;--sl-caret-size: 1.25rem;--sl-inline-padding: 0.5rem"><span class="sr-only">Select theme</span>${icon(0)}<select autocomplete="off"><option value="dark">Dark</option><option value="light">Light</option><option value="auto" selected="true">Auto</option></select></label></theme-select><script>ThemeProvider.updatePickers();</script></div></div></header>
<mobile-menu aria-expanded="false" class="print:hidden"><button aria-expanded="false" aria-label="Menu" aria-controls="sidebar" class="sl-flex md:sl-hidden">${icon(2)}</button></mobile-menu><script>${menuScript}</script>
<div id="sidebar" class="sidebar-pane">${sidebar(index, pages, draw)}</div>
<div class="main-frame"><div class="lg:sl-flex"><aside class="right-sidebar-container print:hidden"><div class="right-sidebar"><page-toc data-min-h="2" data-max-h="3"><nav aria-labelledby="toc-heading"><h2 id="toc-heading">On this page</h2><ul><li><a href="#_top"><span>Overview</span></a></li>${toc}</ul></nav></page-toc><script>${tocScript}</script></div></aside>
<div class="main-pane"><main data-pagefind-body="" lang="en" dir="ltr"><div class="content-panel"><div class="sl-container"><h1 id="_top">${title}</h1></div></div><div class="content-panel"><div class="sl-container"><div class="sl-markdown-content">
${content}${planted}
</div><footer class="sl-flex"><div class="meta sl-flex"><p><span class="label">Last updated:</span> <time datetime="2026-0${1 + (index % 9)}-1${index % 10}T10:00:00.000Z">${1 + (index % 28)} ${draw.words(1)} 2026</time></p><a href="${externalSites[1]}/edit/main/docs${href(index)}index.mdx" ${markedLinkAttributes} class="sl-flex">${icon(5)}Edit page</a></div>
<div class="pagination-links" dir="ltr"><a href="${href((index + pages - 3) % pages)}" rel="prev">${icon(4)}<span>Previous<br><span class="link-title">${draw.words(3)}</span></span></a><a href="${href((index + 3) % pages)}" rel="next">${icon(4)}<span>Next<br><span class="link-title">${draw.words(3)}</span></span></a></div>
${island(`F${index.toString(36)}`, 'Feedback', 'visible', feedbackProps, '<form class="feedback" action="/feedback/" method="get"><button name="helpful" value="yes">Yes</button><button name="helpful" value="no">No</button></form>')}
<p class="kudos"><a href="https://starlight.astro.build/" ${markedLinkAttributes}>Built with Starlight</a></p></footer></div></div></main></div></div></div></div>
<script>${islandRuntime}</script><script>${idleLoader}</script><script>${visibleLoader}</script><script type="module">${copyModule}</script></body></html>
`;
}

function blogPost(index: number, pages: number, draw: Draw, plant: Plant | undefined): string {
  const title = draw.words(5);
  const paragraphs = Array.from(
    { length: 6 + Math.floor(draw.next() * 10) },
    (_, n) =>
      (n % 4 === 1 ? `<h2 id="h-${n}">${draw.words(4)}</h2>` : '') +
      `<p>${prose(draw, 50 + Math.floor(draw.next() * 70))}${n % 3 === 0 ? ` <a href="${draw.pick(externalSites)}" ${markedLinkAttributes}>${draw.words(3)}</a>` : ''}</p>` +
      (n % 5 === 2
        ? `<figure><img src="/images/post-${index}-${n}.webp" srcset="/images/post-${index}-${n}-480.webp 480w, /images/post-${index}-${n}-960.webp 960w" sizes="(max-width: 600px) 100vw, 720px" alt="${draw.words(6)}" width="960" height="540" loading="lazy" decoding="async"><figcaption>${prose(draw, 12)}</figcaption></figure>`
        : ''),
  ).join('\n');
  const tags = Array.from({ length: 4 }, () => draw.words(1));
  const related = Array.from(
    { length: 5 },
    (_, n) => `<li><a href="${href((index + n * 3 + 3) % pages)}">${draw.words(4)}</a></li>`,
  ).join('');
  return `<!doctype html><html lang="en-ca"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no"><meta name="generator" content="Hugo 0.139.0"><title>${title} &middot; Example Journal</title><meta name="description" content="${draw.words(20)}"><meta name="keywords" content="${tags.join(', ')}"><link rel="canonical" href="https://www.example.ca${href(index)}"><link rel="alternate" type="application/rss+xml" href="https://www.example.ca/blog/index.xml" title="Example Journal">
<meta property="og:url" content="https://www.example.ca${href(index)}"><meta property="og:site_name" content="Example Journal"><meta property="og:title" content="${title}"><meta property="og:description" content="${draw.words(20)}"><meta property="og:locale" content="en_ca"><meta property="og:type" content="article"><meta property="article:section" content="blog"><meta property="article:published_time" content="2026-0${1 + (index % 9)}-0${1 + (index % 9)}T08:00:00-05:00">${tags.map((tag) => `<meta property="article:tag" content="${tag}">`).join('')}
<style>${hugoCriticalCss(plant === 'font-import')}</style><link rel="stylesheet" href="/css/main.min.${(index % 2).toString(16)}f3a9c1.css" integrity="sha256-q8pLQY3Yk0ZBqFZ2+6s7T5uR0N4w1a9xk3C8m5H2v1E=" crossorigin="anonymous"><link rel="preload" href="/fonts/lora-v32-latin-regular.woff2" as="font" type="font/woff2" crossorigin="anonymous"><script>${hugoDarkMode}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":${JSON.stringify(title)},"url":"https://www.example.ca${href(index)}","datePublished":"2026-0${1 + (index % 9)}-0${1 + (index % 9)}T08:00:00-05:00","author":{"@type":"Person","name":${JSON.stringify(draw.words(2))}},"publisher":{"@type":"Organization","name":"Example","logo":{"@type":"ImageObject","url":"https://www.example.ca/images/logo.png"}},"keywords":${JSON.stringify(tags)}}</script></head>
<body class="post-template"><header class="site-header"><a class="site-title" href="/">${icon(0, 28)} Example Journal</a><button class="menu-toggle" aria-expanded="false" aria-controls="site-nav" aria-label="Menu">${icon(2, 20)}</button><nav id="site-nav" class="site-nav"><ul>${docSections.map((section, n) => `<li><a href="${href(n * 3)}">${section}</a></li>`).join('')}<li><a href="/blog/">Journal</a></li><li><a href="/blog/index.xml" title="RSS">${icon(5, 14)}</a></li></ul></nav></header>
<main class="post-content"><article class="h-entry"><header><h1 class="p-name">${title}</h1><p class="meta">By <span class="p-author">${draw.words(2)}</span> &middot; <time class="dt-published" datetime="2026-0${1 + (index % 9)}-0${1 + (index % 9)}">${1 + (index % 28)} ${draw.words(1)} 2026</time> &middot; ${3 + (index % 9)}&nbsp;min read</p></header><div class="e-content">
${paragraphs}
</div><footer><ul class="tags">${tags.map((tag) => `<li><a href="/tags/${tag}/" rel="tag">#${tag}</a></li>`).join('')}</ul></footer></article>
<aside class="related"><h2>Keep reading</h2><ul>${related}</ul></aside></main>
<footer class="site-footer"><p>&copy; 2026 Example &middot; <a href="/privacy/">Privacy</a> &middot; <a href="${externalSites[4]}" ${markedLinkAttributes}>Made with Hugo</a></p></footer><script>${hugoAnchors}</script></body></html>
`;
}

/** The bundles the pages load: island components and the page script (JS), the docs and print styles (CSS). */
function assets(draw: Draw): Record<string, string> {
  const bundle = (name: string) =>
    `const e=${JSON.stringify(name)};${Array.from({ length: 120 }, (_, n) => `function ${name}${n}(t,s){const r=t.map(i=>i*${n}+s);return r.length>${n % 7}?{k:"${draw.words(1)}",r}:r.join("${draw.words(1)}")}`).join(';')};export default function(t){return ${name}0([t],1)}\n`;
  const css = (n: number) =>
    `@font-face{font-family:Inter;font-display:swap;src:url(/_astro/inter-latin.${n}Bd2.woff2) format("woff2")}${Array.from({ length: 400 }, (_, r) => `.sl-${n}-${r}{margin-inline:${r % 5}rem;color:var(--sl-color-${r % 9});${r % 40 === 0 ? `background:url(/_astro/bg-${r}.svg) no-repeat;` : ''}}`).join('\n')}\n`;
  return {
    '_astro/Search.B7x1Qd.js': bundle('search'),
    '_astro/Feedback.B7x1Qd.js': bundle('feedback'),
    '_astro/client.DWf3u2k8.js': bundle('client'),
    '_astro/page.7qqag5g.js': bundle('page'),
    '_astro/print.DNXP8c50.css': css(9),
    '_astro/docs.0.CXkjw1.css': css(0),
    '_astro/docs.1.CXkjw1.css': css(1),
    '_astro/docs.2.CXkjw1.css': css(2),
    'css/main.min.0f3a9c1.css': css(3),
    'css/main.min.1f3a9c1.css': css(4),
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${iconPaths[0]}"/></svg>\n`,
    _headers: '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n',
  };
}

/** Writes `pages` pages and their assets into `outDir` (emptied first). Same seed and size, same bytes. */
export function generateRealShaped(pages: number, outDir: string, seed = 42): RealShapedCorpus {
  const draw = createDraw(seed);
  rmSync(outDir, { recursive: true, force: true });
  let bytes = 0;
  const write = (file: string, text: string) => {
    mkdirSync(join(outDir, dirname(file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
    bytes += Buffer.byteLength(text);
  };
  for (const [file, text] of Object.entries(assets(draw))) write(file, text);
  const expected: Record<string, string[]> = {};
  let plantedDocs = 0;
  for (let index = 0; index < pages; index++) {
    const file = pagePath(index);
    const isPost = index % 3 === 2;
    let plant: Plant | undefined;
    if (index % plantEvery === plantEvery - 1) {
      plant = isPost ? 'font-import' : docsPlants[plantedDocs++ % docsPlants.length]!;
      expected[file] = [...plants[plant]];
    }
    write(file, isPost ? blogPost(index, pages, draw, plant) : docsPage(index, pages, draw, plant));
  }
  return { pages, bytes, planted: Object.keys(expected).sort(), expected };
}

if (import.meta.main) {
  const [pages = '600', outDir = `bench/corpus/real-${pages}`, seed = '42'] = process.argv.slice(2);
  const corpus = generateRealShaped(Number(pages), outDir, Number(seed));
  console.log(
    `${pages} real-shaped pages, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${outDir}; planted issues in ${corpus.planted.length} pages`,
  );
}
