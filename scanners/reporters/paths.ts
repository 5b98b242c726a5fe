/** The path of a report's file as the user typed it: the report's root joined with the site-relative file. */
export function sitePath(root: string, file: string): string {
  if (root === '' || root === '.') return file;
  return root.endsWith('/') ? `${root}${file}` : `${root}/${file}`;
}

/** `file:line:column`, leaving out what the finding lacks. */
export function position(path: string, line?: number, column?: number): string {
  if (line === undefined) return path;
  return column === undefined ? `${path}:${line}` : `${path}:${line}:${column}`;
}
