import type { Report } from '../report.ts';
import { locateFinding, type SourceText } from './locate.ts';
import { orderSources, pagePathname, readSources } from './project.ts';
import { addSources, type SourcedReport } from './report.ts';

export type { SourceLocation } from './locate.ts';
export { pagePathname } from './project.ts';
export { type SourcedFinding, type SourcedReport, sourceFirst } from './report.ts';

/** Where a project keeps the sources of its pages. */
export interface Project {
  /** Absolute; source paths are relative to it. */
  root: string;
  /** Absolute directories holding pages, layouts, components and content entries. */
  dirs: readonly string[];
  /** Project-relative directory of files copied into the output as they are. */
  publicDir?: string;
  /** The project-relative page component of the route serving `pathname`, when known. */
  entrypointOf?: (pathname: string) => string | undefined;
}

/** The report with each finding's source location in the project, where its markup can be found there. */
export async function locateSources(report: Report, project: Project): Promise<SourcedReport> {
  const sources = await readSources(project.root, project.dirs);
  const byBuiltFile = new Map<string, SourceText[]>();
  const sourcesOf = (builtFile: string) => {
    let ordered = byBuiltFile.get(builtFile);
    if (ordered === undefined) {
      const entrypoint = project.entrypointOf?.(pagePathname(builtFile));
      ordered = orderSources(sources, { builtFile, entrypoint, publicDir: project.publicDir });
      byBuiltFile.set(builtFile, ordered);
    }
    return ordered;
  };
  return addSources(report, (finding) => locateFinding(finding, sourcesOf(finding.file)));
}
