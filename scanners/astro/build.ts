import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { check, fix, type Format, formatReport, NospyError, type ResolvedConfig } from '../index.ts';
import { locateSources, type Project, sourceFirst } from '../sources/index.ts';

/** A report file the integration writes after each build. */
export interface ReportFile {
  /** Relative to the Astro project root. */
  file: string;
  /** `json` keeps the built file as each finding's `file` and adds `source`; the others name the source first. */
  format: Format;
}

/** What gating a build needs. */
export interface BuildGate {
  outDir: string;
  config: ResolvedConfig;
  project: Project;
  logger: AstroIntegrationLogger;
  report?: ReportFile;
}

/** Ends a failed `astro build` with its one line: Astro prints a thrown error's stack when it has one. */
export class GateFailed extends NospyError {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

const elapsed = (since: number) => `${Math.round(performance.now() - since)} ms`;

/** A path as the user reads it: relative to the project when inside it, else absolute. */
function shown(root: string, path: string): string {
  const inside = relative(root, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/');
}

/**
 * After `astro build`: runs the transforms on the output, checks it, logs each finding at its source (then the
 * built file, the snippet and the policy link, as `nospy check` prints them) and, when the check fails, moves the
 * output to `<outDir>.failed` so nothing deploys it, and throws a one-line GateFailed.
 */
export async function gateBuild({ outDir, config, project, logger, report }: BuildGate): Promise<void> {
  const fixStart = performance.now();
  const fixed = await fix(outDir, { config });
  logger.info(
    `transforms: ${fixed.changed.length} of ${fixed.files} pages changed, _headers written in ${elapsed(fixStart)}`,
  );
  for (const warning of fixed.warnings) logger.warn(warning);

  const checkStart = performance.now();
  const checked = await locateSources(await check(outDir, { config }), project);
  const { files, errors, warnings, suppressed = 0 } = checked.summary;
  // Suppressed findings are accepted exceptions: counted, listed only in the report file, never failing the build.
  const exceptions = suppressed > 0 ? `, ${suppressed} suppressed` : '';
  logger.info(`check: ${files} files, ${errors} errors, ${warnings} warnings${exceptions} in ${elapsed(checkStart)}`);

  const failed = errors > 0;
  const failedDir = `${outDir.replace(/[\\/]+$/, '')}.failed`;
  // A failed build's output replaces the last one's; a passing build removes it.
  await rm(failedDir, { recursive: true, force: true });
  if (failed) await rename(outDir, failedDir);
  const builtDir = failed ? failedDir : outDir;
  const builtRoot = shown(project.root, builtDir);
  const forWriters = sourceFirst(checked, builtRoot);
  if (errors + warnings > 0) {
    const text = formatReport(forWriters, 'text', { color: process.stdout.hasColors?.() ?? false });
    const heading = 'privacy findings, at the source that wrote them:';
    if (failed) logger.error(`${heading}\n${text}`);
    else logger.warn(`${heading}\n${text}`);
  }
  if (report !== undefined) {
    const path = resolve(project.root, report.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(
      path,
      `${formatReport(report.format === 'json' ? { ...checked, root: builtRoot } : forWriters, report.format)}\n`,
    );
  }
  if (failed) {
    // Astro logs "An unhandled error occurred while running the hook" through this logger before it prints the
    // error: a failed gate is no crash, so that line is left out (this integration logs nothing after it).
    logger.options = { ...logger.options, level: 'silent' };
    const count = `${errors} error${errors === 1 ? '' : 's'}`;
    throw new GateFailed(
      `nospy: the build breaks the site's privacy promises (${count} above); its output was moved to ${builtRoot}`,
    );
  }
}
