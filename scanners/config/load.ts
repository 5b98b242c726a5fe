import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as v from 'valibot';
import { ConfigError } from '../errors.ts';
import { categories } from '../report.ts';
import { createHostPolicy, type HostPolicy } from './hosts.ts';
import { configSchema, type Config } from './schema.ts';
import { closestMatch } from './suggest.ts';

/** The validated config with its hosts pre-digested; what rules, transforms and the CLI receive. */
export interface ResolvedConfig extends Config {
  hosts: HostPolicy;
  /** Severity overrides by rule id, `off` included. */
  rules: Record<string, 'error' | 'warning' | 'off'>;
}

export const defaultConfigFile = 'nospy.config.json';

/** Validates a parsed config object; `label` names it in errors (a file name). Every problem is named at once. */
export function resolveConfig(input: unknown, label: string, knownRuleIds?: ReadonlySet<string>): ResolvedConfig {
  const result = v.safeParse(configSchema, input);
  if (!result.success) throw new ConfigError(`${label}: ${result.issues.map(describeIssue).join('; ')}`);
  const config = result.output;
  if (knownRuleIds) {
    const problems = [
      ...Object.keys(config.rules)
        .filter((id) => !knownRuleIds.has(id))
        .map((id) => `rules.${id}: unknown rule id${suggestion(id, knownRuleIds)}`),
      ...config.suppress.flatMap(({ rule }, index) => {
        if (knownRuleIds.has(rule) || (categories as readonly string[]).includes(rule)) return [];
        const known = [...knownRuleIds, ...categories];
        return [`suppress.${index}.rule: unknown rule id or category "${rule}"${suggestion(rule, known)}`];
      }),
    ];
    if (problems.length > 0) throw new ConfigError(`${label}: ${problems.join('; ')}`);
  }
  return withHostPolicy(config);
}

/** A resolved config as plain data: everything but the host policy's functions, so it can cross to a worker thread or
 * into a generated module. */
export type ConfigData = Omit<ResolvedConfig, 'hosts'>;

export function configData(config: ResolvedConfig): ConfigData {
  const { hosts: _hosts, ...data } = config;
  return data;
}

/**
 * A validated config with its host policy: how config data handed on (to a scan worker, to the site's components)
 * becomes the same ResolvedConfig the gate uses, without reading or validating the file again.
 */
export function withHostPolicy(config: ConfigData): ResolvedConfig {
  return {
    ...config,
    hosts: createHostPolicy(config.site, config.firstPartyHosts, config.allowHosts, config.origin),
  };
}

type Issue = v.InferIssue<typeof configSchema>;

/** `key: what is wrong`, with the likely intended key or value when the one written is close to it. */
function describeIssue(issue: Issue): string {
  const path = issue.path?.map((item) => String(item.key)) ?? [];
  const key = path.join('.');
  const prefix = key ? `${key}: ` : '';
  // strictObject reports an unknown key as an issue at that key that expected nothing there.
  if (issue.expected === 'never') return `${prefix}unknown key${suggestion(path.at(-1)!, keysAt(path.slice(0, -1)))}`;
  if (issue.input === undefined) return `${prefix}required key is missing`;
  if (issue.type === 'picklist' && typeof issue.input === 'string') {
    const options = [...(issue.expected ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
    return `${prefix}${issue.message}${suggestion(issue.input, options)}`;
  }
  return `${prefix}${issue.message}`;
}

function suggestion(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** The keys the schema allows in the object at `path` (array indexes step into the items). */
function keysAt(path: string[]): string[] {
  let schema: unknown = configSchema;
  for (const key of path) {
    schema = unwrap(schema);
    const node = schema as { entries?: Record<string, unknown>; item?: unknown };
    schema = node.item ?? node.entries?.[key];
  }
  const entries = (unwrap(schema) as { entries?: Record<string, unknown> }).entries;
  return entries ? Object.keys(entries) : [];
}

/** The schema inside optional() and pipe(). */
function unwrap(schema: unknown): unknown {
  let current = schema as { wrapped?: unknown; pipe?: unknown[] };
  while (current.wrapped || current.pipe) current = (current.wrapped ?? current.pipe![0]) as typeof current;
  return current;
}

/** Reads, parses (JSONC) and validates a config file. Throws ConfigError naming the file and key. */
export function loadConfig(file: string, knownRuleIds?: ReadonlySet<string>): ResolvedConfig {
  const path = resolve(file);
  const label = basename(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read config (${code ?? String(error)})`);
  }
  const errors: ParseError[] = [];
  const input: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { error, offset } = errors[0];
    const before = text.slice(0, offset).split('\n');
    throw new ConfigError(
      `${label}:${before.length}:${before.at(-1)!.length + 1}: invalid JSON (${printParseErrorCode(error)})`,
    );
  }
  return resolveConfig(input, label, knownRuleIds);
}
