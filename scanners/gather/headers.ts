import type { HeaderObservation } from '../observations.ts';

/**
 * Header rules from a `_headers` file (Cloudflare Pages / Netlify): a line at the start of a row is a URL
 * pattern, indented `Name: value` lines under it are its headers, `! Name` detaches one, `#` starts a
 * comment. One observation per header line; detach and malformed lines are skipped. Never throws.
 */
export function gatherHeaders(text: string, file: string): HeaderObservation[] {
  const observations: HeaderObservation[] = [];
  let pattern: string | undefined;
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      pattern = trimmed;
      return;
    }
    const colon = trimmed.indexOf(':');
    // A header needs a pattern above it and a name; `! Name` detaches rather than sets.
    if (pattern === undefined || colon <= 0 || trimmed.startsWith('!')) return;
    observations.push({
      kind: 'header',
      source: 'headers',
      file,
      line: index + 1,
      column: line.length - line.trimStart().length + 1,
      pattern,
      name: trimmed.slice(0, colon).trim().toLowerCase(),
      value: trimmed.slice(colon + 1).trim(),
      evidence: trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed,
    });
  });
  return observations;
}
