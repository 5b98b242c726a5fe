import { parse, type Program } from 'acorn';
import type { Observation } from '../../observations.ts';
import type { EmbeddedContext } from '../context.ts';
import { TextLocator } from '../embedded-position.ts';
import { TextMemo } from '../memo.ts';
import type { JsFact } from './analysis.ts';
import { analyzeProgram } from './analyze.ts';
import { scanJsTokens } from './fallback-scan.ts';
import { SNIPPET_NAMES } from './snippets.ts';
import { resolveIceServer, resolveUrl } from '../../syntax/url.ts';

// Every fact needs one of these in the source text: a URL ('//'), a watched name, or a way of hiding one
// (escapes, concatenation, computed access, templates). Scripts with none cannot yield anything.
const MAY_HAVE_FACTS = new RegExp(
  [
    '//',
    'cookie',
    'Storage',
    'indexedDB',
    'caches',
    'FileSystem',
    'getDirectory',
    'fetch',
    'Beacon',
    'open',
    'import',
    'src',
    'location',
    'href',
    'WebSocket',
    'EventSource',
    'Worker',
    'atob',
    'WebFont',
    'stun:',
    'stuns:',
    'turn:',
    'turns:',
    '\\\\',
    '\\+',
    '`',
    '\\[',
    `\\b(?:${SNIPPET_NAMES.join('|')})\\b`,
  ].join('|'),
);

/**
 * Cookie and storage use, request targets (fetch, beacons, XHR, sockets, imports, workers, element src, the
 * stylesheets a Web Font Loader config loads), navigations, tracking-snippet calls and URL string literals in a
 * script. Parses with acorn (as a module when asked or when the classic parse fails); code that does not parse is
 * still scanned, by tokens, and what that finds is marked `unparsed`, after an `unparsable` observation naming the
 * syntax error. Pure and never throws.
 */
export function gatherJs(text: string, context: EmbeddedContext & { module?: boolean }): Observation[] {
  const { module } = context;
  const memo = module === true ? moduleFacts : module === false ? scriptFacts : fileFacts;
  const facts = memo.get(text, (code) => sourceOrderFacts(code, module));
  if (facts.length === 0) return [];
  const locator = new TextLocator(text, context);
  return facts.flatMap((fact) => toObservation(fact, context, locator) ?? []);
}

// Themes repeat the same inline scripts on every page: each text is analysed once per thread.
const scriptFacts = new TextMemo<readonly JsFact[]>(4_000_000);
const moduleFacts = new TextMemo<readonly JsFact[]>(4_000_000);
/** Files whose type the name does not tell (`.js`): see parseProgram. */
const fileFacts = new TextMemo<readonly JsFact[]>(4_000_000);

/** A script's facts in source order, holding offsets only, so that remembering them keeps no syntax tree alive. */
function sourceOrderFacts(text: string, module: boolean | undefined): readonly JsFact[] {
  if (!MAY_HAVE_FACTS.test(text)) return [];
  return factsOf(text, module)
    .sort((a, b) => a.node.start - b.node.start)
    .map((fact) => ({ ...fact, node: { start: fact.node.start, end: fact.node.end } }));
}

/** Strings run as code inside strings run as code … are followed this deep. */
const MAX_CODE_DEPTH = 4;

function factsOf(text: string, module: boolean | undefined, depth = 0): JsFact[] {
  const parsed = parseProgram(text, module);
  if ('error' in parsed) return unparsedFacts(text, parsed.error);
  const program = parsed.program;
  const runCode =
    depth < MAX_CODE_DEPTH
      ? (code: string) => (MAY_HAVE_FACTS.test(code) ? factsOf(code, false, depth + 1) : [])
      : undefined;
  try {
    return analyzeProgram(program, program.sourceType === 'module', runCode);
  } catch {
    // Nesting deep enough to exhaust the stack in the walk (or any other surprise): the gate must not
    // crash on a file, and the token scan, which has no recursion, still reports what it finds.
    return scanJsTokens(text);
  }
}

/** acorn's way of saying the input nests deeper than its stack, not that the code is wrong. */
const STACK_EXHAUSTED = /^Not enough stack space/;

/**
 * The token scan's facts for code acorn cannot parse. A syntax error means a browser runs none of it: its facts are
 * marked `unparsed` (reported as warnings) after one that names the error. Code too deep for the parser's stack may
 * well run, so its facts count in full.
 */
function unparsedFacts(text: string, error: SyntaxError & { pos?: number }): JsFact[] {
  const facts = scanJsTokens(text);
  if (STACK_EXHAUSTED.test(error.message) || facts.length === 0) return facts;
  const at = Math.min(error.pos ?? 0, Math.max(0, text.length - 1));
  const reason = error.message.replace(/ \(\d+:\d+\)$/, '');
  return [
    { kind: 'unparsable', reason, node: { start: at, end: at + 1 } },
    ...facts.map((fact) => ({ ...fact, unparsed: true as const })),
  ];
}

/** A line that opens with an import or export declaration, which only a module can hold. */
const MODULE_DECLARATION = /^[\t ]*(?:import\b[\t ]*[\w${*'"]|export\b[\t ]*[\w${*])/m;

/**
 * Parses a module as one, and a classic script as one and, failing that, as a module. A file whose type its name
 * does not tell (`module` undefined: a `.js` a page may load either way) is read the same way, except that one with
 * a line opening with an import or export declaration is parsed as a module first: a bundler puts its `export` on
 * the last line, so the classic parse read the whole bundle only to fail there. The error reported when neither
 * parse succeeds is the classic one.
 */
function parseProgram(text: string, module: boolean | undefined): { program: Program } | { error: SyntaxError } {
  const errors: Partial<Record<'script' | 'module', SyntaxError>> = {};
  const order =
    module === true
      ? (['module'] as const)
      : module === undefined && MODULE_DECLARATION.test(text)
        ? (['module', 'script'] as const)
        : (['script', 'module'] as const);
  for (const sourceType of order) {
    try {
      return { program: parse(text, { ecmaVersion: 'latest', sourceType, allowHashBang: true }) };
    } catch (error) {
      // acorn reports syntax errors and stack exhaustion alike as SyntaxError; try the next way, then scan.
      errors[sourceType] = error instanceof SyntaxError ? error : new SyntaxError(String(error));
    }
  }
  return { error: (errors.script ?? errors.module)! };
}

function toObservation(fact: JsFact, context: EmbeddedContext, locator: TextLocator): Observation | undefined {
  // An event-handler attribute (`onclick`) or `src`: where on the element the code or URL sat.
  const attribute = (fact.kind === 'request' ? fact.attribute : undefined) ?? context.attribute;
  const base = {
    source: 'js' as const,
    file: context.file,
    ...locator.at(fact.node.start),
    ...(attribute && { attribute }),
    evidence: locator.excerpt(fact.node.start, fact.node.end),
    ...(fact.unparsed && { unparsed: true as const }),
  };
  switch (fact.kind) {
    case 'unparsable':
      return { kind: 'unparsable', ...base, element: context.element ?? 'script', reason: fact.reason };
    case 'storage':
      return { kind: 'storage', ...base, element: context.element ?? 'script', api: fact.api };
    case 'snippet':
      return { kind: 'snippet', ...base, element: context.element ?? 'script', name: fact.name };
    case 'request': {
      const resolved =
        (fact.type === 'literal' ? resolveIceServer(fact.raw) : undefined) ?? resolveUrl(fact.raw, context.baseUrl);
      if (!resolved) return undefined;
      const element = fact.element ?? context.element;
      return {
        kind: 'request',
        ...base,
        type: fact.type,
        ...(element && { element }),
        raw: fact.raw,
        url: resolved.url,
        host: resolved.host,
        ...(fact.queryFields && { queryFields: fact.queryFields }),
      };
    }
    case 'navigation': {
      const resolved = resolveUrl(fact.raw, context.baseUrl);
      if (!resolved) return undefined;
      return {
        kind: 'navigation',
        ...base,
        via: fact.via ?? 'link',
        element: fact.element,
        raw: fact.raw,
        url: resolved.url,
        host: resolved.host,
        marked: false,
        ...(fact.queryFields && { queryFields: fact.queryFields }),
      };
    }
  }
}
