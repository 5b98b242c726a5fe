import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmbeddedContext } from '../../../scanners/gather/context.ts';
import { gatherJs } from '../../../scanners/gather/js/index.ts';
import type { Observation } from '../../../scanners/observations.ts';

const page: EmbeddedContext & { module?: boolean } = {
  file: 'index.html',
  baseUrl: 'https://site.example/blog/',
  line: 1,
  column: 1,
  element: 'script',
};

/** The facts a user reads in a report: kind, what (api, type, snippet name) and where. */
function facts(code: string, context: Partial<typeof page> = {}): string[] {
  return gatherJs(code, { ...page, ...context }).map(summarize);
}

function summarize(observation: Observation): string {
  const at = `${observation.line}:${observation.column}`;
  switch (observation.kind) {
    case 'storage':
      return `storage ${observation.api} ${at}`;
    case 'snippet':
      return `snippet ${observation.name} ${at}`;
    case 'request':
      return `request ${observation.type} ${observation.url} ${at}`;
    case 'navigation':
      return `navigation ${observation.url} ${at}`;
    default:
      return `${observation.kind} ${at}`;
  }
}

describe('gatherJs: cookies and storage', () => {
  it.each([
    ['document.cookie = "a=1"', 'document.cookie'],
    ["var c = document['cookie']", 'document.cookie'],
    ['var c = document["coo" + "kie"]', 'document.cookie'],
    ['var c = document[`cookie`]', 'document.cookie'],
    ["var k = 'cookie'; var c = document[k]", 'document.cookie'],
    ['const d = document; d.cookie', 'document.cookie'],
    ['window.document.cookie', 'document.cookie'],
    ['self.document.cookie', 'document.cookie'],
    ['globalThis.document.cookie', 'document.cookie'],
    ['top.document.cookie', 'document.cookie'],
    ['parent.document.cookie', 'document.cookie'],
    ['frames.document.cookie', 'document.cookie'],
    ['const { cookie } = document', 'document.cookie'],
    ['let c; ({ cookie: c } = document)', 'document.cookie'],
    ['const { document: d } = window; d.cookie', 'document.cookie'],
    ['document?.cookie', 'document.cookie'],
    ['(function (d) { return d.cookie })(document)', 'document.cookie'],
    ['var w = window, d = w.document; d.cookie', 'document.cookie'],
    ["Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')", 'document.cookie'],
    ["document.__lookupGetter__('cookie')", 'document.cookie'],
    ['cookieStore.get("id")', 'cookieStore'],
    ['window.cookieStore', 'cookieStore'],
    ['localStorage.setItem("a", "1")', 'localStorage'],
    ['window.localStorage', 'localStorage'],
    ["window['localStorage']", 'localStorage'],
    ["self['local' + 'Storage']", 'localStorage'],
    ['const w = window; w.sessionStorage', 'sessionStorage'],
    ['globalThis.indexedDB.open("db")', 'indexedDB'],
    ['const { localStorage: store } = window', 'localStorage'],
    ["Reflect.get(document, 'cookie')", 'document.cookie'],
    ["Reflect.set(window, 'local' + 'Storage', null)", 'localStorage'],
    ["const d = document; d[['coo', 'kie'].join('')] = 'a=1'", 'document.cookie'],
    ["with (document) { cookie = 'a=1'; }", 'document.cookie'],
    ['with (window.document) { (function () { return cookie; })(); }', 'document.cookie'],
    ["caches.open('v1')", 'caches'],
    ["window.caches.match('/x')", 'caches'],
    ['self.caches.keys()', 'caches'],
    ['setTimeout("document.cookie = \'a=1\'")', 'document.cookie'],
    ["window.setInterval('localStorage.x = 1', 100)", 'localStorage'],
    ["eval('local' + 'Storage')", 'localStorage'],
    ["(0, eval)('sessionStorage')", 'sessionStorage'],
    ["new Function('return document.cookie')()", 'document.cookie'],
    ["Function('k', 'return localStorage[k]')", 'localStorage'],
    ["eval(atob('ZG9jdW1lbnQuY29va2ll'))", 'document.cookie'],
  ])('reports %s as %s', (code, api) => {
    expect(
      facts(code)
        .filter((fact) => fact.startsWith('storage'))
        .map((fact) => fact.split(' ')[1]),
    ).toEqual([api]);
  });

  it.each([
    ['a property of an unrelated object', 'foo.cookie; obj.localStorage; cfg["sessionStorage"]'],
    ['a parameter shadowing the global', 'function f(localStorage) { return localStorage.getItem("x") }'],
    [
      'a local variable shadowing the global',
      'function f() { const sessionStorage = new Map(); sessionStorage.get("x") }',
    ],
    ['a shadowed document', 'function f(document) { return document.cookie }'],
    ['object keys', 'var o = { cookie: 1, localStorage: 2 }'],
    ['strings that merely mention the API', 'console.log("document.cookie is not used")'],
    ['comments', '// document.cookie\n/* localStorage.setItem() */'],
    ['Reflect on another object', "Reflect.get(config, 'cookie'); Reflect.get(document, 'title')"],
    ['a with statement over another object', "with (settings) { cookie = 'x'; }"],
    ['a local declared inside a with body', 'with (document) { (function () { var cookie = 1; return cookie; })(); }'],
    ['a local or unrelated caches', 'function f() { const caches = new Map(); caches.keys(); } store.caches.has(1)'],
    [
      'functions passed to timers, and strings that are not code',
      "setTimeout(() => 1, 5); setTimeout(run); eval(code); console.log('document.cookie')",
    ],
    ['a shadowed eval', "function f(eval) { eval('localStorage') }"],
  ])('ignores %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });

  it('reports what string code does at the call that runs it, and follows nesting to a limit', () => {
    expect(facts('var a;\n  setTimeout(\'eval("document.cookie")\');')).toEqual(['storage document.cookie 2:3']);
    let code = 'document.cookie';
    for (let depth = 0; depth < 8; depth++) code = `eval(${JSON.stringify(code)})`;
    expect(facts(code)).toEqual([]);
  });

  it('places each use where it starts, on the right line', () => {
    expect(facts('var a = 1;\n  document.cookie = "x";\n\tlocalStorage.clear()')).toEqual([
      'storage document.cookie 2:3',
      'storage localStorage 3:2',
    ]);
  });

  it('names the element and event-handler attribute the code sat in', () => {
    expect(gatherJs('localStorage.x = 1', { ...page, element: 'button', attribute: 'onclick' })).toMatchObject([
      {
        kind: 'storage',
        source: 'js',
        api: 'localStorage',
        element: 'button',
        attribute: 'onclick',
        evidence: 'localStorage',
      },
    ]);
  });

  it('offsets the first line by where an inline script starts', () => {
    expect(facts('document.cookie;\ndocument.cookie', { line: 12, column: 9 })).toEqual([
      'storage document.cookie 12:9',
      'storage document.cookie 13:1',
    ]);
  });
});

describe('gatherJs: service worker registration', () => {
  const registrations = (code: string, context: Partial<typeof page> = {}) =>
    facts(code, context).filter((fact) => fact.startsWith('storage'));

  it.each([
    ["navigator.serviceWorker.register('/sw.js')", '1:1'],
    ["window.navigator.serviceWorker.register('/sw.js')", '1:1'],
    ["self.navigator.serviceWorker.register('/sw.js')", '1:1'],
    ["globalThis.navigator.serviceWorker.register('/sw.js')", '1:1'],
    ["this.navigator.serviceWorker.register('/sw.js')", '1:1'],
    ["const n = navigator; n.serviceWorker.register('/sw.js')", '1:22'],
    ["const { serviceWorker } = navigator; serviceWorker.register('/sw.js')", '1:38'],
    ["const { serviceWorker: sw } = window.navigator; sw.register('/sw.js')", '1:49'],
    ["const { navigator: { serviceWorker } } = window; serviceWorker.register('/sw.js')", '1:50'],
    ["let c; ({ serviceWorker: c } = navigator); c.register('/sw.js')", '1:44'],
    ["const sw = navigator.serviceWorker; sw.register('/sw.js')", '1:37'],
    ["(function (n) { n.serviceWorker.register('/sw.js') })(navigator)", '1:17'],
    ["navigator['service' + 'Worker'].register('/sw.js')", '1:1'],
    ["var k = 'serviceWorker'; navigator[k]['reg' + 'ister']('/sw.js')", '1:26'],
    ["navigator.serviceWorker?.register('/sw.js')", '1:1'],
    ["navigator?.serviceWorker?.register?.('/sw.js')", '1:1'],
    [
      "if ('serviceWorker' in navigator) {\n  addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));\n}",
      '2:34',
    ],
    ['eval("navigator.serviceWorker.register(\'/sw.js\')")', '1:1'],
  ])('reports %s at %s', (code, at) => {
    expect(registrations(code)).toEqual([`storage serviceWorker ${at}`]);
  });

  it.each([
    [
      'passed on as a value',
      'const register = navigator.serviceWorker.register;\nregister.call(navigator.serviceWorker, "/sw.js")',
      '1:18',
    ],
    ['destructured from the container', 'const { register } = navigator.serviceWorker', '1:9'],
    ['destructured through navigator', 'const { serviceWorker: { register } } = navigator', '1:26'],
    ['read with Reflect', "Reflect.get(navigator.serviceWorker, 'register')", '1:1'],
  ])('reports register %s, without a call', (_case, code, at) => {
    expect(registrations(code)).toEqual([`storage serviceWorker ${at}`]);
  });

  it.each([
    ['feature detection with in', "if ('serviceWorker' in navigator) console.log('supported')"],
    [
      'feature detection by reading the container',
      'if (navigator.serviceWorker && window.navigator.serviceWorker.controller) start()',
    ],
    [
      'removing old workers',
      'navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()))',
    ],
    [
      'unregistering the ready worker',
      'navigator.serviceWorker.ready.then((registration) => registration.unregister())',
    ],
    ['a parameter named navigator', "function boot(navigator) { navigator.serviceWorker.register('/sw.js') }"],
    [
      'a local variable named navigator',
      "function boot() { const navigator = fake(); navigator.serviceWorker.register('/sw.js') }",
    ],
    [
      'other register methods',
      "plugins.register('x'); registry.serviceWorker.register('/sw.js'); const { register } = plugins",
    ],
    [
      'a serviceWorker destructured from something else',
      "const { serviceWorker } = config; serviceWorker.register('/sw.js')",
    ],
    [
      'comments and strings',
      "// navigator.serviceWorker.register('/sw.js')\nconsole.log('navigator.serviceWorker.register')",
    ],
  ])('ignores %s', (_case, code) => {
    expect(registrations(code)).toEqual([]);
  });

  it('ignores a module-level navigator of its own', () => {
    expect(
      registrations(
        "const navigator = { serviceWorker: { register() {} } };\nnavigator.serviceWorker.register('/sw.js')",
        { module: true },
      ),
    ).toEqual([]);
  });

  it('lets a script whose only watched name is serviceWorker through the quick filter', () => {
    expect(gatherJs("navigator.serviceWorker.register('sw.js')", page)).toMatchObject([
      {
        kind: 'storage',
        source: 'js',
        api: 'serviceWorker',
        element: 'script',
        evidence: 'navigator.serviceWorker.register',
      },
    ]);
  });

  it('still finds a registration in code that does not parse, but not an unregistration', () => {
    expect(
      registrations(
        "window.navigator.serviceWorker?.register('/sw.js');\nnavigator.serviceWorker.getRegistrations().then((rs) => rs.forEach((r) => r.unregister())); {",
      ),
    ).toEqual(['storage serviceWorker 1:1']);
    expect(
      registrations("navigator . serviceWorker . register ( '/sw.js' ) +;\n// navigator.serviceWorker.register"),
    ).toEqual(['storage serviceWorker 1:1']);
  });
});

describe('gatherJs: file system storage', () => {
  const fileSystem = (code: string) => facts(code).filter((fact) => fact.startsWith('storage'));

  it.each([
    ["navigator.storage.getDirectory().then((d) => d.getFileHandle('f', { create: true }))", '1:1'],
    ['window.navigator.storage.getDirectory()', '1:1'],
    ['const s = navigator.storage; s.getDirectory()', '1:30'],
    ['const { storage: { getDirectory } } = navigator', '1:20'],
    ['const root = await navigator.storage?.getDirectory?.()', '1:20'],
    ["webkitRequestFileSystem(TEMPORARY, 1024, (fs) => fs.root.getFile('f', { create: true }, () => {}))", '1:1'],
    ['window.requestFileSystem(window.PERSISTENT, 1024, done)', '1:1'],
    ['self.webkitRequestFileSystem(0, 1, done)', '1:1'],
    ['const w = window; w["webkit" + "RequestFileSystem"](0, 1, done)', '1:19'],
    ['const { webkitRequestFileSystem: open } = window', '1:9'],
  ])('reports %s at %s', (code, at) => {
    expect(fileSystem(code)).toEqual([`storage fileSystem ${at}`]);
  });

  it.each([
    ['asking for persistence or the quota', 'navigator.storage.persist(); navigator.storage.estimate().then(show)'],
    ['a getDirectory of something else', 'storage.getDirectory(); picker.getDirectory(); const { getDirectory } = fs'],
    ['a local requestFileSystem', 'function boot(requestFileSystem) { requestFileSystem(0, 1, done) }'],
    ['a local navigator', 'function boot(navigator) { navigator.storage.getDirectory() }'],
    [
      'feature detection with in',
      "if ('webkitRequestFileSystem' in window) console.log('navigator.storage.getDirectory')",
    ],
  ])('ignores %s', (_case, code) => {
    expect(fileSystem(code)).toEqual([]);
  });

  it('still finds file system use in code that does not parse', () => {
    expect(
      fileSystem('navigator.storage.getDirectory( ;\nwindow.webkitRequestFileSystem(0) +;\n// requestFileSystem()'),
    ).toEqual(['storage fileSystem 1:1', 'storage fileSystem 2:1']);
  });
});

describe('gatherJs: requests', () => {
  it.each([
    ["fetch('/api/x')", 'request fetch https://site.example/api/x 1:1'],
    ["window.fetch('https://api.example/v1')", 'request fetch https://api.example/v1 1:1'],
    ["fetch('https://api.example/q?id=' + id)", 'request fetch https://api.example/q?id= 1:1'],
    ['fetch(`https://api.example/u/${user}`)', 'request fetch https://api.example/u/ 1:1'],
    ["navigator.sendBeacon('https://t.example/b', data)", 'request beacon https://t.example/b 1:1'],
    [
      "const x = new XMLHttpRequest(); x.open('POST', 'https://api.example/x')",
      'request fetch https://api.example/x 1:33',
    ],
    ["new WebSocket('wss://ws.example/live')", 'request fetch wss://ws.example/live 1:1'],
    ["new EventSource('/events')", 'request fetch https://site.example/events 1:1'],
    ["new Worker('worker.js')", 'request script https://site.example/blog/worker.js 1:1'],
    ["importScripts('https://cdn.example/w.js')", 'request script https://cdn.example/w.js 1:1'],
    ["import('https://cdn.example/m.js')", 'request import https://cdn.example/m.js 1:1'],
    ["new Image().src = 'https://px.example/p.gif'", 'request image https://px.example/p.gif 1:1'],
    [
      "var s = document.createElement('script'); s.src = '//cdn.example/s.js'",
      'request script https://cdn.example/s.js 1:43',
    ],
    [
      "var f = document.createElement('iframe'); f.setAttribute('src', 'https://w.example/')",
      'request frame https://w.example/ 1:43',
    ],
    [
      "document.querySelector('img.hero').src = 'https://img.example/h.png'",
      'request image https://img.example/h.png 1:1',
    ],
    [
      "var l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'https://fonts.googleapis.com/css2?family=Inter'",
      'request style https://fonts.googleapis.com/css2?family=Inter 1:63',
    ],
    [
      "document.createElement('link').setAttribute('href', 'https://css.example/a.css')",
      'request style https://css.example/a.css 1:1',
    ],
    [
      "document.querySelector('head > link[rel=\"shortcut icon\"]').href = 'https://img.example/fav.ico'",
      'request style https://img.example/fav.ico 1:1',
    ],
    [
      "var i = document.createElementNS('http://www.w3.org/2000/svg', 'image'); i.setAttribute('href', '//img.example/i.png')",
      'request image https://img.example/i.png 1:74',
    ],
  ])('reports %s', (code, expected) => {
    expect(facts(code)).toEqual([expected]);
  });

  it.each([
    ['new Worker(\'data:text/javascript,fetch("https://api.example/w")\')', 'request fetch https://api.example/w 1:1'],
    [
      "importScripts('data:,navigator.sendBeacon(%22https://t.example/b%22)')",
      'request beacon https://t.example/b 1:1',
    ],
  ])('runs the code of a worker or imported script from a data: URL: %s', (code, expected) => {
    expect(facts(code)).toContain(expected);
  });

  it('reports static imports and re-exports of a module', () => {
    expect(
      facts(
        'import a from "https://cdn.example/a.js";\nexport * from "./b.js";\nexport { c } from "https://cdn.example/c.js"',
        { module: true },
      ),
    ).toEqual([
      'request import https://cdn.example/a.js 1:1',
      'request import https://site.example/blog/b.js 2:1',
      'request import https://cdn.example/c.js 3:1',
    ]);
  });

  it('parses a classic script that turns out to be a module', () => {
    expect(facts('import x from "https://cdn.example/x.js"')).toEqual(['request import https://cdn.example/x.js 1:1']);
  });

  it('reads a file of unknown type whose export comes last (a bundle) as a module', () => {
    const bundle = `const a = fetch("https://api.example/a");\n${'a.b = 1;\n'.repeat(50)}export { a };`;
    expect(facts(bundle)).toEqual(['request fetch https://api.example/a 1:11']);
  });

  it('names the classic parse’s error for a file of unknown type that neither parse reads', () => {
    expect(facts('import x from "https://cdn.example/x.js";\nlet = ;')[0]).toBe('unparsable 1:1');
  });

  it.each([
    ["window.open('https://x.example/')", 'navigation https://x.example/ 1:1'],
    ["location.href = 'https://y.example/'", 'navigation https://y.example/ 1:1'],
    ["window.location = 'https://y.example/'", 'navigation https://y.example/ 1:1'],
    ["location.assign('/z')", 'navigation https://site.example/z 1:1'],
    ["document.location.replace('https://z.example/')", 'navigation https://z.example/ 1:1'],
  ])('reports %s as an unmarked navigation', (code, expected) => {
    expect(facts(code)).toEqual([expected]);
    expect(gatherJs(code, page)).toMatchObject([{ kind: 'navigation', via: 'link', marked: false }]);
  });

  it.each([
    ['a plain string', "var u = 'https://t.example/p.gif'", 'https://t.example/p.gif 1:9'],
    ['a URL inside an HTML snippet', `var h = '<img src="https://t.example/p.gif">'`, 'https://t.example/p.gif 1:9'],
    ['a scheme-relative URL', "var u = '//cdn.example/lib.js'", 'https://cdn.example/lib.js 1:9'],
    ['a template literal quasi', 'var t = `https://tpl.example/${id}/x`', 'https://tpl.example/ 1:9'],
    ['a constant concatenation', "var c = 'https://' + 'concat.example/x'", 'https://concat.example/x 1:9'],
    ['an escaped string', "var e = 'https:\\x2f\\x2fesc.example/'", 'https://esc.example/ 1:9'],
    ['a websocket URL', "var w = 'wss://ws.example/'", 'wss://ws.example/ 1:9'],
    ['a URL with surrounding spaces', "var s = '  https://t.example/x\\n'", 'https://t.example/x 1:9'],
    [
      'a pixel written with document.write',
      `document.write('<img height="1" src="https://t.example/p?c2=' + id + '" />')`,
      'https://t.example/p?c2= 1:16',
    ],
    [
      'a script set as innerHTML',
      `el.innerHTML = '<script src="https://t.example/x.js"><\\/script>'`,
      'https://t.example/x.js 1:16',
    ],
    [
      'a URL in CSS text',
      "el.style.cssText = 'background: url(https://img.example/b.png)'",
      'https://img.example/b.png 1:20',
    ],
    ['a src in config', "var s = { src: 'https://t.example/x.js' }", 'https://t.example/x.js 1:16'],
    [
      'the props of a stylesheet link',
      "jsx('link', { rel: 'stylesheet', href: 'https://css.example/a.css' })",
      'https://css.example/a.css 1:40',
    ],
    [
      'props whose rel fetches, whatever the element',
      "h(Head, { rel: 'preload', as: 'font', href: 'https://font.example/a.woff2' })",
      'https://font.example/a.woff2 1:45',
    ],
    [
      'props assigned to a link element',
      "Object.assign(document.createElement('link'), { href: 'https://css.example/a.css' })",
      'https://css.example/a.css 1:55',
    ],
    [
      "another window's location",
      "frame.contentWindow.location.href = 'https://frame.example/'",
      'https://frame.example/ 1:37',
    ],
  ])('reports %s as a literal', (_case, code, expected) => {
    expect(facts(code)).toEqual([`request literal ${expected}`]);
  });

  it.each([
    [
      'an error message in a template',
      'var m = `Minified Redux error #${code}; visit https://redux.js.org/Errors?code=${code} for the full message`',
    ],
    [
      'an error message by concatenation',
      'throw new Error("[Immer] minified error nr: " + e + ". Full error at: https://bit.ly/3cXEKWf")',
    ],
    [
      'a deprecation warning',
      'deprecate("Please refer to http://momentjs.com/guides/#/warnings/js-date/ for more info.", f)',
    ],
    ['a placeholder', "var placeholder = 'e.g. https://your-site.com'"],
    [
      'a link in an attribution',
      `var prefix = '<a href="https://leafletjs.com" title="A JavaScript library">' + flag + 'Leaflet</a>'`,
    ],
    [
      'site data parsed from JSON',
      'window.__VP_SITE_DATA__ = JSON.parse("{\\"socialLinks\\":[{\\"icon\\":\\"x\\",\\"link\\":\\"https://x.com/0xcurvy\\"}]}")',
    ],
    [
      'React server component payloads',
      'self.__next_f.push([1,"4:[\\"$\\",\\"a\\",null,{\\"href\\":\\"https://twitter.com/acme\\"}]"])',
    ],
    ['JSX link props', `r.jsx("a", { href: "https://x.com/docusaurus", rel: "noopener noreferrer", children: "X" })`],
    [
      'createElement link props',
      `t.createElement("a", { href: "https://discordapp.com/invite/docusaurus" }, "Discord"); React.createElement(Link, { to: "https://x.com/a" })`,
    ],
    [
      'links in site config',
      `var footer = [{ label: 'Discord', href: 'https://discord.gg/x' }, { text: 'X', link: 'https://x.com/y' }, { "href": 'https://z.example/' }]`,
    ],
    [
      'a link target built by concatenation',
      `h("a", { href: "https://www.algolia.com/ref/docsearch/?utm_source=" + encodeURIComponent(location.hostname) })`,
    ],
    ['a link variable handed to props', "var u = 'https://mastodon.social/@acme'; jsx('a', { href: u })"],
    [
      "an anchor's href",
      "var a = document.createElement('a'); a.href = 'https://mastodon.social/@acme'; a.setAttribute('href', 'https://x.com/a'); this.href = 'https://y.example/'",
    ],
  ])('ignores %s, which no one fetches', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });

  it('reports an anchor whose props fetch something besides its link', () => {
    expect(facts("jsx('a', { href: 'https://x.com/a', ping: 'https://beacon.example/p' })")).toEqual([
      'request literal https://beacon.example/p 1:43',
    ]);
  });

  it('reports a literal once, with the most specific type', () => {
    expect(facts("var u = 'https://api.example/x'; fetch(u); fetch('https://api.example/y')")).toEqual([
      'request fetch https://api.example/x 1:34',
      'request fetch https://api.example/y 1:44',
    ]);
  });

  it.each([
    ['URLs in comments', '// https://t.example/\n/* http://t.example/x */ var a = 1'],
    ['XML namespace names', "document.createElementNS('http://www.w3.org/2000/svg', 'svg')"],
    ['a double slash that is no URL', "var s = 'a // b'; var p = 'path//x'"],
    ['dynamic targets', 'fetch(url); navigator.sendBeacon(endpoint, data); location.href = next'],
  ])('ignores %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });
});

describe('gatherJs: created elements that navigate', () => {
  it.each([
    [
      'properties',
      "const m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0;url=https://k09.example/'; document.head.append(m)",
      'navigation https://k09.example/ 1:68',
    ],
    [
      'attributes, in either order',
      "var m = document.createElement('META'); m.setAttribute('content', \"5; URL='https://k09.example/x'\"); m.setAttribute('http-equiv', 'Refresh'); document.head.appendChild(m)",
      'navigation https://k09.example/x 1:41',
    ],
    [
      'a variable and a constant prefix',
      "var u = 'https://k09.example/?from='; var m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0; url=' + u + location.pathname",
      'navigation https://k09.example/?from= 1:104',
    ],
  ])("reports a created meta refresh's URL set with %s", (_case, code, expected) => {
    expect(facts(code)).toEqual([expected]);
    expect(gatherJs(code, page)).toMatchObject([{ kind: 'navigation', via: 'refresh', element: 'meta' }]);
  });

  it.each([
    [
      'a description meta',
      "var m = document.createElement('meta'); m.name = 'description'; m.content = '5 apples'; document.head.append(m)",
    ],
    [
      'a refresh that only reloads',
      "var m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '30'; document.head.append(m)",
    ],
    [
      'content on another element than the refresh',
      "var r = document.createElement('meta'); r.httpEquiv = 'refresh'; var d = document.createElement('meta'); d.content = '0;url=/next'",
    ],
    [
      'a variable that may hold two elements',
      "var m = document.createElement('meta'); m.httpEquiv = 'refresh'; m = document.createElement('meta'); m.content = '0;url=/next'",
    ],
    [
      'a refresh on something not a meta',
      "var x = document.createElement('div'); x.httpEquiv = 'refresh'; x.content = '0;url=/next'",
    ],
    [
      'an http-equiv that is not refresh',
      "var m = document.createElement('meta'); m.httpEquiv = ' refresh'; m.content = '0;url=/next'",
    ],
    ['a dynamic http-equiv', "var m = document.createElement('meta'); m.httpEquiv = kind; m.content = '0;url=/next'"],
  ])('ignores %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });

  it.each([
    [
      'a property',
      "const a = document.createElement('a'); a.href = 'https://k08.example/'; document.body.append(a); a.click()",
      'navigation https://k08.example/ 1:40',
    ],
    [
      'setAttribute, clicked first in the code',
      "function go() { a.click() } var a = document.createElement('A'); a.setAttribute('href', '/leave'); go()",
      'navigation https://site.example/leave 1:66',
    ],
    [
      'a constant prefix',
      "var a = document.createElement('a'); a.href = 'https://k08.example/?u=' + id; a.click()",
      'navigation https://k08.example/?u= 1:38',
    ],
  ])("reports a created link's href set with %s and clicked", (_case, code, expected) => {
    expect(facts(code)).toEqual([expected]);
    expect(gatherJs(code, page)).toMatchObject([{ kind: 'navigation', via: 'link', element: 'a', marked: false }]);
  });

  it.each([
    [
      'a link that is not clicked',
      "var a = document.createElement('a'); a.href = 'https://k08.example/'; document.body.append(a)",
    ],
    [
      'a click on another element',
      "var a = document.createElement('a'); a.href = 'https://k08.example/'; var b = document.createElement('a'); b.click()",
    ],
    [
      'a click on an element that is no link',
      "var d = document.createElement('div'); d.href = 'https://k08.example/'; d.click()",
    ],
    [
      'a variable that may hold two links',
      "var a = document.createElement('a'); a.href = 'https://k08.example/'; a = document.createElement('a'); a.click()",
    ],
    [
      'a click with arguments (no DOM click)',
      "var a = document.createElement('a'); a.href = 'https://k08.example/'; a.click(handler)",
    ],
  ])('ignores %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });
});

describe('gatherJs: targets that depend on a branch', () => {
  it.each([
    [
      'a share button: if/else assigns the link, then clicks it',
      "let n; if (d) n = `https://twitter.com/intent/tweet?text=${t}`; else n = `https://wa.me/?text=${t}`;\nconst a = document.createElement('a'); a.href = n; a.click()",
      ['navigation https://twitter.com/intent/tweet?text= 2:40', 'navigation https://wa.me/?text= 2:40'],
    ],
    [
      'a ternary opened in a window',
      "window.open(d ? 'https://www.facebook.com/sharer/sharer.php?u=' + u : 'https://www.linkedin.com/sharing/share-offsite/?url=' + u)",
      [
        'navigation https://www.facebook.com/sharer/sharer.php?u= 1:1',
        'navigation https://www.linkedin.com/sharing/share-offsite/?url= 1:1',
      ],
    ],
    [
      'a variable given a ternary, then location.href',
      "var q = wide ? 'https://k10.example/a' : 'https://k11.example/b'; location.href = q",
      ['navigation https://k10.example/a 1:67', 'navigation https://k11.example/b 1:67'],
    ],
    [
      'a lookup table read with a key known at run time',
      "var to = { a: 'https://k10.example/', b: 'https://k11.example/' }; location.assign(to[key])",
      ['navigation https://k10.example/ 1:68', 'navigation https://k11.example/ 1:68'],
    ],
  ])('reports each navigation of %s, and no request', (_case, code, expected) => {
    expect(facts(code)).toEqual(expected);
  });

  it('reports each request of a fetch whose URL is one of two', () => {
    expect(facts("fetch(dev ? 'https://k10.example/api' : 'https://k11.example/api')")).toEqual([
      'request fetch https://k10.example/api 1:1',
      'request fetch https://k11.example/api 1:1',
    ]);
  });

  it.each([
    [
      'share links a script sets on links',
      "let n; if (d) n = 'https://twitter.com/intent/tweet?url=' + u; else n = 'https://bsky.app/intent/compose?text=' + u; el.href = n",
    ],
    [
      'share pages handed to a helper that opens them',
      "function popup(u) { window.open(u, 'share') } popup('https://www.facebook.com/sharer/sharer.php?u=' + location.href); popup(`https://t.me/share/url?url=${u}`)",
    ],
    [
      'share pages in a table',
      "var shares = { x: 'https://x.com/intent/post?url=', reddit: 'https://www.reddit.com/submit?url=', pin: 'https://pinterest.com/pin/create/button/?url=' }",
    ],
  ])('reports nothing for %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });

  it('still reports a share host a script fetches', () => {
    expect(facts("new Image().src = 'https://www.facebook.com/sharer.php?u=' + u")).toEqual([
      'request image https://www.facebook.com/sharer.php?u= 1:1',
    ]);
  });
});

describe('gatherJs: URLs that are parsed, not fetched', () => {
  it.each([
    [
      "Pagefind's path normaliser",
      'function normalize(p) { let u = new URL(`https://example.com${p}`); return u.href.replace(/^https:\\/\\/example.com/, ""); }',
    ],
    ['a path read from a parsed URL', 'const path = new URL(`https://example.com${location.pathname}`).pathname'],
    ['a URL parsed against a base', "var u = new URL(href, 'https://example.com/'); var q = u.searchParams.get('q')"],
    [
      'URL.parse and URL.canParse',
      "URL.canParse('https://k12.example/x'); const p = URL.parse('https://k12.example/y')?.host",
    ],
  ])('reports nothing for %s', (_case, code) => {
    expect(facts(code, { module: true })).toEqual([]);
  });

  it.each([
    ['fetch(new URL(…))', "fetch(new URL('https://k12.example/api'))", 'request fetch https://k12.example/api 1:1'],
    [
      'a URL built against a base, then fetched',
      "const u = new URL('/v1/send', 'https://k12.example/'); fetch(u, { method: 'POST' })",
      'request fetch https://k12.example/v1/send 1:56',
    ],
    [
      "a URL's href set as an image source",
      "const u = new URL('https://k12.example/p.gif'); u.searchParams.set('p', location.pathname); new Image().src = u.href",
      'request image https://k12.example/p.gif 1:93',
    ],
    [
      'a URL turned back into a string for a beacon',
      "navigator.sendBeacon(new URL(path, 'https://k12.example/c/').toString(), data)",
      'request beacon https://k12.example/c/ 1:1',
    ],
  ])('still reports %s', (_case, code, expected) => {
    expect(facts(code)).toEqual([expected]);
  });
});

describe('gatherJs: runtime font loaders', () => {
  it.each([
    [
      'WebFont.load with Google Fonts',
      "WebFont.load({ google: { families: ['Open Sans:400,700', 'Lora'] } })",
      ['request style https://fonts.googleapis.com/css?family=Open+Sans:400,700%7CLora 1:1'],
    ],
    [
      'a WebFontConfig the loader reads when it loads, with Adobe Fonts',
      "window.WebFontConfig = { typekit: { id: 'abc1234' } };\n(function (d) { var s = d.createElement('script'); s.src = '/js/webfont.js'; d.head.appendChild(s); })(document);",
      [
        'request script https://use.typekit.net/abc1234.js 1:1',
        'request script https://site.example/js/webfont.js 2:52',
      ],
    ],
    [
      "a declared WebFontConfig held in a variable, with a custom module's stylesheets",
      "var fonts = { families: ['Brand'], urls: ['https://k13.example/brand.css', '/fonts.css'] };\nvar WebFontConfig = { custom: fonts }",
      ['request style https://k13.example/brand.css 2:5', 'request style https://site.example/fonts.css 2:5'],
    ],
    [
      'families in a constant array',
      "const families = ['Inter']; WebFont.load({ google: { families } })",
      ['request style https://fonts.googleapis.com/css?family=Inter 1:29'],
    ],
  ])('reports the stylesheets and scripts of %s', (_case, code, expected) => {
    expect(facts(code)).toEqual(expected);
  });

  it.each([
    [
      'a module given twice, where the last one counts',
      "WebFont.load({ google: { families: ['Roboto'] }, google: { families: ['Lora'] } })",
      ['request style https://fonts.googleapis.com/css?family=Lora 1:1'],
    ],
    [
      'a module after a spread of defaults, which it overrides',
      "const defaults = { google: { families: ['Roboto'] } };\nWebFont.load({ ...defaults, google: { families: ['Lora'] } })",
      ['request style https://fonts.googleapis.com/css?family=Lora 2:1'],
    ],
    [
      'families the script changes later, which are not trusted',
      "var families = ['Roboto']; families.push(extra);\nWebFontConfig = { google: { families } }",
      ['request style https://fonts.googleapis.com/css 2:1'],
    ],
  ])('reads the config as the loader does for %s', (_case, code, expected) => {
    expect(facts(code)).toEqual(expected);
  });

  it.each([
    ['a module a later spread may replace', "WebFont.load({ google: { families: ['Roboto'] }, ...overrides })", 1],
    [
      'a config the script changes later',
      "const config = { google: { families: ['Roboto'] } };\nconfig.google = other;\nWebFont.load(config)",
      3,
    ],
    [
      'a config given a callback later (the common case)',
      "var cfg = { google: { families: ['Lato'] } };\ncfg.active = done;\nWebFont.load(cfg)",
      3,
    ],
  ])('reports the module’s own host, without the families it cannot trust, for %s', (_case, code, line) => {
    expect(facts(code)).toEqual([`request style https://fonts.googleapis.com/css ${line}:1`]);
  });

  it.each([
    ['another load method', "Fonts.load({ google: { families: ['Lora'] } })"],
    ['a config with no module that fetches', 'WebFont.load({ classes: false, active: function () {} })'],
  ])('reports nothing for %s', (_case, code) => {
    expect(facts(code)).toEqual([]);
  });
});

describe('gatherJs: properties of constant objects', () => {
  it.each([
    [
      'a property in a concatenation',
      "const cfg = { host: 'k.example' }; fetch('https://' + cfg.host + '/c')",
      'request fetch https://k.example/c 1:36',
    ],
    [
      'a quoted key read by a string',
      "const hosts = { 'a': 'k.example' }; fetch('https://' + hosts['a'] + '/c')",
      'request fetch https://k.example/c 1:37',
    ],
    [
      'a property in a template',
      'const cfg = { host: `k.example` }; fetch(`https://${cfg.host}/c`)',
      'request fetch https://k.example/c 1:36',
    ],
    [
      'a Matomo-style loader',
      "(function () { var cfg = { host: 'k.example' }; var u = 'https://' + cfg.host + '/'; var g = document.createElement('script'); g.src = u + 'matomo.js' })()",
      'request script https://k.example/matomo.js 1:128',
    ],
    [
      'an array in an object, joined',
      "var c = { parts: ['k', 'example'] }; fetch('https://' + c.parts.join('.') + '/c')",
      'request fetch https://k.example/c 1:38',
    ],
    [
      'an array variable, joined',
      "var p = ['k', 'example']; fetch('https://' + p.join('.'))",
      'request fetch https://k.example/ 1:27',
    ],
    [
      'a nested object with a shorthand property',
      "const host = 'k.example'; const c = { api: { host } }; fetch(`https://${c.api.host}/`)",
      'request fetch https://k.example/ 1:56',
    ],
    [
      'an array element',
      "const hosts = ['a.example', 'k.example']; fetch('https://' + hosts[1] + '/')",
      'request fetch https://k.example/ 1:43',
    ],
    [
      'a constant key',
      "const k = 'host'; const cfg = { [k]: 'k.example' }; fetch('https://' + cfg[k])",
      'request fetch https://k.example/ 1:53',
    ],
    [
      'the last of two equal keys',
      "const cfg = { host: 'a.example', host: 'k.example' }; fetch('https://' + cfg.host)",
      'request fetch https://k.example/ 1:55',
    ],
    [
      'a string concat',
      "const host = 'k.example'; fetch('https://'.concat(host, '/c'))",
      'request fetch https://k.example/c 1:27',
    ],
  ])('folds %s', (_case, code, expected) => {
    expect(facts(code)).toEqual([expected]);
  });

  it('reports the chosen entry of a lookup table read in place, and the other as a literal', () => {
    expect(facts("fetch({ prod: 'https://a.example/', dev: 'https://b.example/' }['prod'])")).toEqual([
      'request fetch https://a.example/ 1:1',
      'request literal https://b.example/ 1:42',
    ]);
  });

  it.each([
    ['assigned later', "const cfg = { host: 'k.example' }; cfg.host = other; fetch('https://' + cfg.host)"],
    [
      'assigned through a nested property',
      "const c = { api: { host: 'k.example' } }; c.api.host = other; fetch('https://' + c.api.host)",
    ],
    [
      'assigned inside a function',
      "const cfg = { host: 'k.example' }; function set(h) { cfg['host'] = h } fetch('https://' + cfg.host)",
    ],
    ['deleted', "const cfg = { host: 'k.example' }; delete cfg.host; fetch('https://' + cfg.host)"],
    ['merged into', "const cfg = { host: 'k.example' }; Object.assign(cfg, options); fetch('https://' + cfg.host)"],
    ['an array pushed to', "const p = ['k', 'example']; p.push('evil'); fetch('https://' + p.join('.'))"],
    ['an array reversed', "const p = ['a.example', 'k.example']; p.reverse(); fetch('https://' + p[0])"],
    ['a variable assigned twice', "var cfg = { host: 'k.example' }; cfg = load(); fetch('https://' + cfg.host)"],
    ['a spread after the key', "const cfg = { host: 'k.example', ...options }; fetch('https://' + cfg.host)"],
    ['a getter', "const cfg = { get host() { return 'k.example' } }; fetch('https://' + cfg.host)"],
    ['a key that is not there', "const cfg = { host: 'k.example' }; fetch('https://' + cfg.hostname)"],
    ['an index after a spread', "const p = [...a, 'k.example']; fetch('https://' + p[0])"],
  ])('does not fold a property %s', (_case, code) => {
    expect(facts(code).join()).not.toContain('k.example');
  });

  it('ends on a key that refers back to its own object', () => {
    expect(facts("const o = { [o.k]: 'x', k: o[o.k] }; fetch('https://' + o[o.k])")).toEqual([]);
  });
});

describe('gatherJs: tracking snippets', () => {
  it.each([
    ["gtag('config', 'G-1')", 'gtag'],
    ["window.gtag('event', 'x')", 'gtag'],
    ["ga('send', 'pageview')", 'ga'],
    ["_gaq.push(['_trackPageview'])", '_gaq'],
    ['dataLayer.push({ event: "x" })', 'dataLayer'],
    ['window.dataLayer.push({})', 'dataLayer'],
    ["fbq('track', 'PageView')", 'fbq'],
    ["_paq.push(['trackPageView'])", '_paq'],
    ['window._hjSettings = { hjid: 1 }', '_hjSettings'],
    ["hj('event', 'x')", 'hj'],
    ["clarity('set', 'k', 'v')", 'clarity'],
    ['_linkedin_partner_id = "1"', '_linkedin_partner_id'],
    ["mixpanel.track('x')", 'mixpanel'],
    ["analytics.identify('u')", 'analytics'],
    ["posthog.capture('x')", 'posthog'],
    ["umami.track('x')", 'umami'],
    ['fathom.trackPageview()', 'fathom'],
    ["plausible('signup')", 'plausible'],
    ["ym(1, 'init', {})", 'ym'],
    ['uetq.push("event")', 'uetq'],
  ])('reports %s as %s', (code, name) => {
    expect(facts(code)).toEqual([`snippet ${name} 1:1`]);
  });

  it('reports Adobe Analytics set-up', () => {
    expect(facts("var s = s_gi('rsid'); var m = new AppMeasurement('rsid')")).toEqual([
      'snippet s_gi 1:9',
      'snippet AppMeasurement 1:31',
    ]);
  });

  it('follows the Google Tag Manager snippet through its parameters', () => {
    const gtm =
      "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-X');";
    expect(facts(gtm)).toEqual([
      'snippet dataLayer 1:36',
      'request script https://www.googletagmanager.com/gtm.js?id=GTM-X 1:195',
    ]);
  });

  it('follows the Meta pixel snippet to its script', () => {
    const pixel =
      "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','1');";
    expect(facts(pixel)).toEqual([
      'request script https://connect.facebook.net/en_US/fbevents.js 1:95',
      'snippet fbq 1:241',
    ]);
  });

  it.each([
    ['a minified local named like a snippet', 'function f(ga, hj) { ga(1); hj(2) }'],
    ['a module-level function named like a snippet', 'function ym(x) { return x } ym(1); export {}'],
    ['a method on another object', 'client.track("x"); analytics.foo(); obj.gtag()'],
  ])('ignores %s', (_case, code) => {
    expect(facts(code, { module: code.includes('export') })).toEqual([]);
  });
});

describe('gatherJs: code that does not parse', () => {
  it('still scans broken code, skipping comments', () => {
    expect(
      facts(
        'document.cookie = "x" +;\nfetch("https://broken.example/") // https://comment.example/\nvar u = "https://lit.example/"',
      ),
    ).toEqual([
      'storage document.cookie 1:1',
      'unparsable 1:24',
      'request fetch https://broken.example/ 2:1',
      'request literal https://lit.example/ 3:9',
    ]);
  });

  it('reads strings in broken code as the parsed analysis does: a URL in prose is only mentioned', () => {
    expect(
      facts('var m = "see https://docs.example/x for more" +;\nvar h = \'<img src="https://px.example/p.gif">\''),
    ).toEqual(['unparsable 1:48', 'request literal https://px.example/p.gif 2:9']);
  });

  it('scans unterminated strings and templates', () => {
    expect(facts('var a = "https://a.example/x\nvar b = `https://b.example/')).toEqual([
      'unparsable 1:9',
      'request literal https://a.example/x 1:9',
      'request literal https://b.example/ 2:9',
    ]);
  });

  it('scans computed cookie access, storage and snippets in broken code', () => {
    expect(facts("document['cookie']; localStorage.x; gtag('js'); obj.localStorage; {")).toEqual([
      'storage document.cookie 1:1',
      'storage localStorage 1:21',
      'snippet gtag 1:37',
      'unparsable 1:67',
    ]);
  });

  it('survives nesting too deep for the parser', () => {
    const deep = `${'('.repeat(100_000)}document.cookie${')'.repeat(100_000)}; fetch("https://deep.example/")`;
    expect(facts(deep)).toEqual(['storage document.cookie 1:100001', 'request fetch https://deep.example/ 1:200018']);
  });

  it('marks what it finds in code with a syntax error as unparsed, after the error, since browsers run none of it', () => {
    expect(gatherJs('var cfg = {{ site.config }};\nfetch("https://broken.example/")', page)).toMatchObject([
      { kind: 'unparsable', reason: 'Unexpected token', line: 1, column: 12 },
      { kind: 'request', type: 'fetch', unparsed: true },
    ]);
  });

  it('counts in full what it finds in code only too deep for the parser, which a browser may run', () => {
    const deep = `var a = ${'['.repeat(100_000)}${']'.repeat(100_000)};\ndocument.cookie = "a=1"`;
    const observations = gatherJs(deep, page);
    expect(observations.map((observation) => [observation.kind, observation.unparsed])).toEqual([
      ['storage', undefined],
    ]);
  });

  it('survives a concatenation too long to fold', () => {
    const chain = `var x = ${Array.from({ length: 20_000 }, (_, index) => `'a${index}'`).join('+')};\ndocument.cookie`;
    expect(facts(chain)).toEqual(['storage document.cookie 2:1']);
  });
});

describe('gatherJs: robustness', () => {
  it('follows variables reassigned many times through many aliases (minified code) without blowing up', () => {
    let code = '';
    for (let level = 1; level < 12; level++)
      for (let k = 0; k < 30; k++) code += `v${level} = v${level - 1} || x${k};\n`;
    code += 'v0 = document;\nv11.cookie';
    expect(facts(code)).toEqual(['storage document.cookie 332:1']);
  });

  it('finds nothing in scripts without any watched name', () => {
    expect(facts('document.documentElement.classList.add("js")')).toEqual([]);
  });

  it('never throws, and places every observation at line ≥ 1 and column ≥ 1', () => {
    const pieces = fc.constantFrom(
      'document',
      '.cookie',
      '[',
      ']',
      "'coo'",
      '+',
      "'kie'",
      '(',
      ')',
      '{',
      '}',
      '"',
      "'",
      '`',
      '${',
      '//',
      '/*',
      '*/',
      '\n',
      ' ',
      'fetch(',
      "'https://t.example/'",
      'localStorage',
      'window.',
      'function f(',
      'var d = ',
      ';',
      '\\',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((parts) => parts.join('')),
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (code, module, column) => {
          for (const observation of gatherJs(code, { ...page, module, column })) {
            expect(observation.line).toBeGreaterThanOrEqual(1);
            expect(observation.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
