import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as v from 'valibot';
import { ConfigError } from '../errors.ts';
import { createHostPolicy, type HostPolicy } from './hosts.ts';
import { configSchema, type Config } from './schema.ts';

/** The validated config with its hosts pre-digested; what rules, transforms and the CLI receive. */
export interface ResolvedConfig extends Config {
  hosts: HostPolicy;
  /** Severity overrides by rule id, `off` included. */
  rules: Record<string, 'error' | 'warning' | 'off'>;
}

export const defaultConfigFile = 'nospy.config.json';

/** Validates a parsed config object; `label` names it in errors (a file name). */
export function resolveConfig(input: unknown, label: string, knownRuleIds?: ReadonlySet<string>): ResolvedConfig {
  const result = v.safeParse(configSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const key = v.getDotPath(issue) ?? issue.path?.map((item) => String(item.key)).join('.');
    // strictObject reports an unknown key as an issue at that key that expected nothing there.
    const message =
      issue.expected === 'never'
        ? 'unknown key'
        : issue.input === undefined
          ? 'required key is missing'
          : issue.message;
    throw new ConfigError(`${label}: ${key ? `${key}: ` : ''}${message}`);
  }
  const config = result.output;
  if (knownRuleIds) {
    for (const id of Object.keys(config.rules)) {
      if (!knownRuleIds.has(id)) throw new ConfigError(`${label}: rules.${id}: unknown rule id`);
    }
  }
  return withHostPolicy(config);
}

/**
 * A validated config with its host policy: how a config handed on as data (to the site's components, say)
 * becomes the same ResolvedConfig the gate uses, without reading or validating the file again.
 */
export function withHostPolicy(config: Config): ResolvedConfig {
  return {
    ...config,
    hosts: createHostPolicy(config.site, config.firstPartyHosts, config.allowHosts, config.origin),
  };
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
