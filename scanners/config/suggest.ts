/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate a misspelt `value` most likely meant: one a few edits away, or one it abbreviates
 * (`warn` → `warning`); undefined when nothing is close.
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const typed = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const score = typed.length >= 3 && lower.startsWith(typed) ? 0.5 : distance(typed, lower);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore <= (typed.length <= 3 ? 1 : Math.min(3, Math.ceil(typed.length / 3))) ? best : undefined;
}
