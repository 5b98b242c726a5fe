import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const scanners = join(import.meta.dirname, '../scanners');
/** Folders whose files pass state explicitly: no file may reach itself through its imports. */
const acyclic = ['html', 'gather/html', 'transforms'];

/** The relative imports (type-only ones included) of every source file under scanners/, by path from there. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(scanners, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const source = readFileSync(join(scanners, entry), 'utf8');
    const targets = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.[^']+)'/gm)];
    graph.set(
      entry,
      targets.map((match) => relative(scanners, join(scanners, dirname(entry), match[1]!))),
    );
  }
  return graph;
}

/** The import chains that lead from `start` back to itself. */
function cyclesThrough(start: string, graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, path: string[]) => {
    for (const next of graph.get(file) ?? []) {
      if (next === start) cycles.push([...path, next].join(' -> '));
      else if (!seen.has(next)) {
        seen.add(next);
        visit(next, [...path, next]);
      }
    }
  };
  visit(start, [start]);
  return cycles;
}

describe('import cycles', () => {
  it.each(acyclic)('no file of scanners/%s imports itself through other files', (folder) => {
    const graph = importGraph();
    const files = [...graph.keys()].filter((file) => dirname(file) === folder);
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((file) => cyclesThrough(file, graph))).toEqual([]);
  });
});
