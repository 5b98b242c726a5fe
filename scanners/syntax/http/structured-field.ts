/**
 * One member of a structured-field list or dictionary (RFC 8941): an optional `key=`, an optional leading string, the
 * rest up to a comma.
 */
const member = /[ \t]*(?:[a-z*][a-z0-9_\-.*]*=)?(?:"((?:[^"\\]|\\.)*)")?(?:[^",]|"(?:[^"\\]|\\.)*")*(?:,|$)/iy;

/**
 * The strings a structured header field holds as members: list items (`"a.json", "b.json";p=1`, as in
 * Speculation-Rules) and dictionary values (`csp="/r", default="https://x/r"`, as in Reporting-Endpoints).
 * Parameters and non-string members are skipped; reading stops at a member it cannot parse (an unterminated string).
 */
export function structuredStrings(value: string): string[] {
  const strings: string[] = [];
  member.lastIndex = 0;
  while (member.lastIndex < value.length) {
    const match = member.exec(value);
    if (match === null) break;
    if (match[1] !== undefined) strings.push(match[1].replace(/\\(.)/g, '$1'));
  }
  return strings;
}
