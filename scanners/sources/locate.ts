import { decodeHTML } from 'entities/decode';
import type { Finding } from '../report.ts';
import { createLocator } from '../syntax/line-index.ts';

/** A place in the site's source: a project-relative file (`/` separators) and a 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A source file of the project and its text. */
export interface SourceText {
  file: string;
  text: string;
}

/** The quoted attribute values of a start tag, as written. */
const attributeValue = /=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * What of a finding's markup a writer typed, most telling first: the evidence's attribute values that name the
 * finding's host (as built and entity-decoded, since MDX and Astro write `&` where the build has `&amp;`), the
 * resolved URL, the URL without its scheme, and the host alone (a component that builds the URL from parts).
 */
export function sourceNeedles(finding: Finding): string[] {
  const needles: string[] = [];
  if (finding.evidence !== undefined && finding.host !== undefined) {
    for (const match of finding.evidence.matchAll(attributeValue)) {
      const value = match[1] ?? match[2] ?? '';
      if (value.includes(finding.host)) needles.push(value, decodeHTML(value));
    }
  }
  if (finding.url !== undefined) needles.push(finding.url, finding.url.replace(/^[a-z]+:/i, ''));
  if (finding.host !== undefined) needles.push(finding.host);
  return [...new Set(needles)].filter((needle) => needle.length > 0);
}

/**
 * Where the markup behind a finding is written: the first of the finding's needles that one of `sources` (in the
 * order given, the page's own sources first) contains, at its first occurrence there; at the start of its tag
 * when the needle is inside one, as the built file's location is.
 */
export function locateFinding(finding: Finding, sources: readonly SourceText[]): SourceLocation | undefined {
  for (const needle of sourceNeedles(finding)) {
    for (const source of sources) {
      const offset = source.text.indexOf(needle);
      if (offset !== -1) return { file: source.file, ...createLocator(source.text)(tagStart(source.text, offset)) };
    }
  }
  return undefined;
}

/** The offset of the `<` opening the tag `offset` is in, or `offset` when it is in no tag (Markdown, a script). */
function tagStart(text: string, offset: number): number {
  const open = text.lastIndexOf('<', offset);
  return open !== -1 && !text.slice(open, offset).includes('>') ? open : offset;
}
