import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defaultConfigFile, loadConfig, type ResolvedConfig } from '../config/load.ts';
import { ConfigError } from '../errors.ts';
import type { Finding } from '../report.ts';
import { ruleIds } from '../rules/index.ts';
import { scanDirectory } from '../scan.ts';
import { suppressByConfig } from '../suppress/config.ts';
import { fixDirectory } from '../transforms/index.ts';

/** Options of the `nospy()` Astro integration. */
export interface NospyOptions {
  /** The nospy config file, relative to the Astro project root; default `nospy.config.json`. */
  config?: string;
}

/** `file:line:col ruleId message`, the shape editors and terminals turn into links. */
function formatFinding(finding: Finding): string {
  const position = finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 1}`;
  return `${finding.file}${position} ${finding.ruleId} ${finding.message}`;
}

/** What `import siteConfig from 'virtual:nospy/config'` gives the site's pages and components. */
const configModuleId = 'virtual:nospy/config';
// Beside this module: load.ts in the repository's sources, load.js in the installed package.
const loadConfigModule = fileURLToPath(new URL(`../config/load${extname(import.meta.url)}`, import.meta.url));

/**
 * A Vite plugin serving the config this integration read as a module, so that components get the very config
 * the gate checks against, without reading the file again. The host policy (functions) is rebuilt from the data.
 */
function configModule(config: ResolvedConfig) {
  const { hosts: _hosts, ...data } = config;
  const resolvedId = `\0${configModuleId}`;
  return {
    name: 'nospy:config',
    resolveId: (id: string) => (id === configModuleId ? resolvedId : undefined),
    load: (id: string) =>
      id === resolvedId
        ? `import { withHostPolicy } from ${JSON.stringify(loadConfigModule)};\nexport default withHostPolicy(${JSON.stringify(data)});\n`
        : undefined,
  };
}

const elapsed = (since: number) => `${Math.round(performance.now() - since)} ms`;

/**
 * The nospy gate inside `astro build`: after the build, runs the transforms on the output (marks
 * external links, routes forms to the origin, writes `_headers`), then checks it, logs every finding
 * and fails the build on any error. Reads the same `nospy.config.json` as the CLI, once: it sets Astro's
 * `site` from it and serves it to the site as `virtual:nospy/config`; a bad config stops Astro before it
 * builds anything.
 */
export default function nospy(options: NospyOptions = {}): AstroIntegration {
  let config: ResolvedConfig;
  return {
    name: 'nospy',
    hooks: {
      'astro:config:setup': ({ config: astro, updateConfig }) => {
        const file = resolve(fileURLToPath(astro.root), options.config ?? defaultConfigFile);
        config = loadConfig(file, ruleIds);
        // One source of truth: a different `site` in astro.config would give pages URLs the gate does not check.
        if (astro.site !== undefined && new URL(astro.site).href !== new URL(config.site).href) {
          throw new ConfigError(
            `astro.config: site is ${astro.site} but ${basename(file)} says ${config.site}; remove site from astro.config (nospy sets it)`,
          );
        }
        updateConfig({ site: config.site, vite: { plugins: [configModule(config)] } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fixStart = performance.now();
        const fixed = await fixDirectory(root, config);
        logger.info(
          `transforms: ${fixed.changed.length} of ${fixed.files} pages changed, _headers written in ${elapsed(fixStart)}`,
        );
        for (const warning of fixed.warnings) logger.warn(warning);

        const checkStart = performance.now();
        const scanned = await scanDirectory(root, config);
        // Suppressed findings are accepted exceptions: counted, not logged one by one, never failing the build.
        const findings = suppressByConfig(scanned.findings, config.suppress).filter((finding) => !finding.suppressed);
        for (const finding of findings) {
          if (finding.severity === 'error') logger.error(formatFinding(finding));
          else logger.warn(formatFinding(finding));
        }
        const errors = findings.filter((finding) => finding.severity === 'error').length;
        const warnings = findings.length - errors;
        const suppressed = scanned.findings.length - findings.length;
        logger.info(
          `check: ${scanned.files} files, ${errors} errors, ${warnings} warnings${suppressed > 0 ? `, ${suppressed} suppressed` : ''} in ${elapsed(checkStart)}`,
        );
        if (errors > 0) {
          throw new Error(
            `nospy: the build breaks the site's privacy promises (${errors} error${errors === 1 ? '' : 's'} above)`,
          );
        }
      },
    },
  };
}
