import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Outcome } from '../../errors.ts';
import type { RequestObservation } from '../../observations.ts';
import { createLocator } from '../../syntax/line-index.ts';
import { resolveUrl } from '../../syntax/url.ts';

/** Where a manifest file is and its public URL, which its icon URLs resolve against. */
export interface ManifestContext {
  file: string;
  url: string;
}

/** Members whose entries carry an image `src` a browser fetches, and those whose entries carry `icons` lists. */
const imageLists = ['icons', 'screenshots'];
const iconHolders = ['shortcuts', 'file_handlers'];

/** Chromium's JSON reader rejects deeper nesting; the recursive tree parser would run out of stack far deeper. */
const maxDepth = 200;

/** Only a file named as a web manifest must be one; `manifest.json` is also what build tools call their chunk maps. */
const webManifestName = /\.webmanifest(?:\.json)?$/i;

/**
 * The images a web app manifest makes a browser fetch (Chromium reads `icons`, `screenshots` and the `icons` of
 * `shortcuts` and `file_handlers`), resolved against the manifest's own URL and placed at the first character
 * of each `src` string. Browsers read manifests as strict JSON, so comments and trailing commas fail it. A
 * `.webmanifest` that does not parse is a problem to report; any other `manifest.json` that does not parse, or
 * has none of those members (Vite's `.vite/manifest.json`, an asset map), yields nothing.
 */
export function gatherManifest(text: string, context: ManifestContext): Outcome<RequestObservation[]> {
  const nothing: Outcome<RequestObservation[]> = { ok: true, value: [] };
  const locate = createLocator(text);
  const isNamedManifest = webManifestName.test(context.file);
  const at = (offset: number) => {
    const { line, column } = locate(offset);
    return `line ${line}, column ${column}`;
  };
  const tooDeep = deepNestingOffset(text);
  if (tooDeep !== undefined)
    return isNamedManifest
      ? { ok: false, problem: `JSON nested over ${maxDepth} levels deep at ${at(tooDeep)}, which browsers do not read` }
      : nothing;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true });
  const error = errors[0];
  if (error !== undefined || root === undefined) {
    const problem = `not valid JSON (${error ? printParseErrorCode(error.error) : 'no value'} at ${at(error?.offset ?? 0)})`;
    return isNamedManifest ? { ok: false, problem } : nothing;
  }
  const observations: RequestObservation[] = [];
  const addImage = (member: string, image: Node) => {
    const src = propertiesOf(image).get('src');
    if (src?.type !== 'string') return;
    const raw = src.value as string;
    const resolved = resolveUrl(raw, context.url);
    if (resolved === undefined) return;
    const { offset, length } = src.parent!;
    const property = text.slice(offset, offset + length);
    observations.push({
      kind: 'request',
      type: 'image',
      source: 'manifest',
      file: context.file,
      ...locate(src.offset + 1),
      element: member,
      attribute: 'src',
      raw,
      ...resolved,
      evidence: property.length > 80 ? `${property.slice(0, 79)}…` : property,
    });
  };
  const members = propertiesOf(root);
  for (const member of imageLists) {
    for (const image of itemsOf(members.get(member))) addImage(member, image);
  }
  for (const member of iconHolders) {
    for (const holder of itemsOf(members.get(member))) {
      for (const icon of itemsOf(propertiesOf(holder).get('icons'))) addImage(member, icon);
    }
  }
  return { ok: true, value: observations };
}

/** An object's members by name; the last of duplicate names wins, as with JSON.parse. Empty for a non-object. */
function propertiesOf(node: Node | undefined): Map<string, Node> {
  const members = new Map<string, Node>();
  if (node?.type !== 'object') return members;
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name !== undefined && value !== undefined) members.set(name.value as string, value);
  }
  return members;
}

function itemsOf(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** The offset of the first `[` or `{` nested deeper than `maxDepth`, outside strings; undefined when there is none. */
function deepNestingOffset(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      if (++depth > maxDepth) return i;
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return undefined;
}
