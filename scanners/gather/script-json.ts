function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
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

const SPECULATION_ACTIONS = ['prefetch', 'prerender', 'prefetch_with_subresources'];

/** The URLs a `<script type="speculationrules">` asks the browser to prefetch or prerender. */
export function speculationRuleUrls(text: string): string[] {
  const rules = parseJson(text);
  if (!isRecord(rules)) return [];
  const urls: string[] = [];
  for (const action of SPECULATION_ACTIONS) {
    const list = rules[action];
    if (!Array.isArray(list)) continue;
    for (const rule of list) {
      if (isRecord(rule) && Array.isArray(rule.urls)) urls.push(...rule.urls.filter((url): url is string => typeof url === 'string'));
    }
  }
  return urls;
}
