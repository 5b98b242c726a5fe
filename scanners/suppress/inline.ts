import type { ResolvedConfig } from '../config/load.ts';
import { runnerFindings } from '../engine.ts';
import type { Finding } from '../report.ts';
import noReason from '../rules/suppressions/no-reason.ts';
import unused from '../rules/suppressions/unused.ts';
import { createLocator } from '../syntax/line-index.ts';
import type { FileType } from '../walk.ts';
import { commentDirectives } from './comments.ts';
import { type Directive, inScope, namesFinding } from './directive.ts';
import { htmlDirectives } from './html.ts';

/** The inline directives of a file, by its type; files of other types carry none. */
function directivesOf(file: string, type: FileType, text: string): Directive[] {
  if (type === 'html' || type === 'svg') return htmlDirectives(text, file);
  if (type === 'js' || type === 'css') return commentDirectives(text, type, file, createLocator(text));
  return [];
}

/**
 * Applies a file's inline suppressions to its findings: a finding a directive names, inside the directive's scope,
 * is marked suppressed (it stays in the report). Adds a `suppressions/unused` warning for each directive that
 * covers nothing and a `suppressions/no-reason` warning for each that covers something but gives no reason.
 */
export function suppressInline(
  findings: Finding[],
  file: string,
  type: FileType,
  text: string,
  config: ResolvedConfig,
): Finding[] {
  // The keyword check keeps the cost at one substring search for the files that have none.
  if (!text.includes('nospy-ignore')) return findings;
  const directives = directivesOf(file, type, text);
  if (directives.length === 0) return findings;
  const used = new Set<Directive>();
  const marked = findings.map((finding) => {
    // A suppression cannot hide the warnings about suppressions.
    if (finding.category === 'suppressions') return finding;
    const covering = directives.filter(
      (directive) =>
        directive.scope !== undefined &&
        inScope(directive.scope, finding) &&
        directive.rules.some((rule) => namesFinding(rule, finding)),
    );
    if (covering.length === 0) return finding;
    for (const directive of covering) used.add(directive);
    return { ...finding, suppressed: { kind: 'inline' as const, reason: covering[0]!.reason } };
  });
  for (const directive of directives) {
    const data = { rules: directive.rules.join(', ') || '(no rule)' };
    const hit = { at: directive.at, data, evidence: directive.text };
    if (!used.has(directive)) marked.push(...runnerFindings(unused, { ...hit, messageId: 'unused' }, config));
    else if (directive.reason === '')
      marked.push(...runnerFindings(noReason, { ...hit, messageId: 'noReason' }, config));
  }
  return marked;
}
