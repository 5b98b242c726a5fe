import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The house rules in architecture.json, checked over every import of the repository's own sources. */
interface Architecture {
  layers: Record<string, string[]>;
  nevers: { from: string[]; to: string[]; why: string }[];
  runTimeImportsForbidden: { from: string[]; packages: string[]; why: string }[];
  maxSourceFilesPerFolder: number;
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const architecture: Architecture = JSON.parse(readFileSync(join(repo, 'architecture.json'), 'utf8'));
const sourceRoots = ['scanners', 'src', 'origin'];
const sourceFile = /\.(?:ts|mts|mjs|js|astro)$/;

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function listSources(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listSources(path);
    return sourceFile.test(entry.name) ? [path] : [];
  });
}

/** An .astro file's code is its front matter; the template's expressions import nothing. */
function codeOf(file: string): string {
  const text = readFileSync(join(repo, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  return /^---\r?\n([^]*?)\r?\n---/.exec(text)?.[1] ?? '';
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, codeOf(file), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node)
        ? Boolean(node.importClause?.isTypeOnly) ||
          Boolean(
            node.importClause?.namedBindings &&
              ts.isNamedImports(node.importClause.namedBindings) &&
              !node.importClause.name &&
              node.importClause.namedBindings.elements.length > 0 &&
              node.importClause.namedBindings.elements.every((element) => element.isTypeOnly),
          )
        : node.isTypeOnly;
      found.push({ specifier: (node.moduleSpecifier as ts.StringLiteral).text, typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceRoots.flatMap(listSources);
const layerMatchers = Object.entries(architecture.layers).map(([name, globs]) => ({ name, match: picomatch(globs) }));
const layerOf = (file: string) => layerMatchers.find((layer) => layer.match(file))?.name;
/** Each file's imports: repository files by path, packages by name. */
const graph = new Map(
  files.map((file) => {
    const imports = importsOf(file).map(({ specifier, typeOnly }) =>
      specifier.startsWith('.')
        ? { file: relative(repo, join(repo, dirname(file), specifier)).replaceAll('\\', '/'), typeOnly }
        : { pkg: specifier, typeOnly },
    );
    return [file, imports];
  }),
);

describe('architecture.json', () => {
  it('names layers that exist and nevers over those layers', () => {
    const names = new Set(Object.keys(architecture.layers));
    const used = [
      ...architecture.nevers.flatMap((never) => [...never.from, ...never.to]),
      ...architecture.runTimeImportsForbidden.flatMap((rule) => rule.from),
    ];
    expect(used.filter((name) => !names.has(name))).toEqual([]);
    for (const [name, globs] of Object.entries(architecture.layers))
      expect(
        files.some((file) => picomatch(globs)(file)),
        `layer ${name} matches no file`,
      ).toBe(true);
  });

  it('holds every never: no file imports a layer its own layer must not', () => {
    const broken: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const imported of imports) {
        if (!('file' in imported) || imported.file === undefined) continue;
        const to = layerOf(imported.file);
        const never = architecture.nevers.find((rule) => rule.from.includes(from!) && rule.to.includes(to!));
        if (never) broken.push(`${file} (${from}) imports ${imported.file} (${to}): ${never.why}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads no forbidden package at run time (type imports are fine)', () => {
    const broken: string[] = [];
    for (const [file, imports] of graph)
      for (const imported of imports) {
        if (!('pkg' in imported) || imported.pkg === undefined || imported.typeOnly) continue;
        const rule = architecture.runTimeImportsForbidden.find(
          (forbidden) => forbidden.from.includes(layerOf(file)!) && picomatch(forbidden.packages)(imported.pkg!),
        );
        if (rule) broken.push(`${file} imports ${imported.pkg}: ${rule.why}`);
      }
    expect(broken).toEqual([]);
  });

  it('has no import circle between files, type imports included', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const imported of graph.get(file) ?? []) {
        if (!('file' in imported) || !imported.file || !graph.has(imported.file)) continue;
        if (state.get(imported.file) === 'open')
          circles.push([...stack.slice(stack.indexOf(imported.file)), imported.file].join(' → '));
        else if (!state.has(imported.file)) visit(imported.file);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it(`keeps every folder at ${architecture.maxSourceFilesPerFolder} source files or fewer`, () => {
    const perFolder = new Map<string, string[]>();
    for (const file of files) perFolder.set(dirname(file), [...(perFolder.get(dirname(file)) ?? []), file]);
    const crowded = [...perFolder].filter(([, inFolder]) => inFolder.length > architecture.maxSourceFilesPerFolder);
    expect(crowded.map(([folder, inFolder]) => `${folder}: ${inFolder.length}`)).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    const unresolved = [...graph].flatMap(([file, imports]) =>
      imports.flatMap((imported) =>
        'file' in imported && imported.file && !existsSync(join(repo, imported.file))
          ? [`${file} → ${imported.file}`]
          : [],
      ),
    );
    expect(unresolved).toEqual([]);
  });
});
