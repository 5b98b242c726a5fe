import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defaultConfigFile, loadConfig, type ResolvedConfig } from '../../scanners/config/load.ts';
import type { Finding } from '../../scanners/report.ts';
import { ruleIds } from '../../scanners/rules/index.ts';
import { scanDirectory } from '../../scanners/scan.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';

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

const elapsed = (since: number) => `${Math.round(performance.now() - since)} ms`;

/**
 * The nospy gate inside `astro build`: after the build, runs the transforms on the output (marks
 * external links, routes forms to the origin, writes `_headers`), then checks it, logs every finding
 * and fails the build on any error. Reads the same `nospy.config.json` as the CLI; a bad config
 * stops Astro before it builds anything.
 */
export default function nospy(options: NospyOptions = {}): AstroIntegration {
  let config: ResolvedConfig;
  return {
    name: 'nospy',
    hooks: {
      'astro:config:done': ({ config: astro }) => {
        config = loadConfig(resolve(fileURLToPath(astro.root), options.config ?? defaultConfigFile), ruleIds);
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
        const { files, findings } = await scanDirectory(root, config);
        for (const finding of findings) {
          if (finding.severity === 'error') logger.error(formatFinding(finding));
          else logger.warn(formatFinding(finding));
        }
        const errors = findings.filter((finding) => finding.severity === 'error').length;
        const warnings = findings.length - errors;
        logger.info(`check: ${files} files, ${errors} errors, ${warnings} warnings in ${elapsed(checkStart)}`);
        if (errors > 0) {
          throw new Error(
            `nospy: the build breaks the site's privacy promises (${errors} error${errors === 1 ? '' : 's'} above)`,
          );
        }
      },
    },
  };
}
