/** The value of a JSON text, or undefined when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a JSON value is an object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringValues(value: unknown): string[] {
  return isRecord(value) ? Object.values(value).filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The addresses an import map points module specifiers at (`imports` and every `scopes` entry). */
export function importMapUrls(text: string): string[] {
  const map = parseJson(text);
  if (!isRecord(map)) return [];
  const urls = stringValues(map.imports);
  if (isRecord(map.scopes)) for (const scope of Object.values(map.scopes)) urls.push(...stringValues(scope));
  return urls;
}
