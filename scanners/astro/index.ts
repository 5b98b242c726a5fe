import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { ConfigError, defaultConfigFile, loadConfig, type ResolvedConfig } from '../index.ts';
import { configData } from '../config/load.ts';
import type { Project } from '../sources/index.ts';
import { gateBuild, type ReportFile } from './build.ts';
import { createDevGate } from './dev.ts';
import { toolbarAppId } from './toolbar-events.ts';

/** Options of the `nospy()` Astro integration. */
export interface NospyOptions {
  /** The nospy config file, relative to the Astro project root; default `nospy.config.json`. */
  config?: string;
  /**
   * Also write the build's report to a file, each finding with its source location: e.g. `{ file:
   * 'nospy.sarif', format: 'sarif' }` for code scanning to annotate the MDX or `.astro` line in a pull request.
   */
  report?: ReportFile;
}

/** What `import siteConfig from 'virtual:nospy/config'` gives the site's pages and components. */
const configModuleId = 'virtual:nospy/config';
// Beside this module: .ts in the repository's sources, .js in the installed package.
const besideThis = (name: string) => fileURLToPath(new URL(`${name}${extname(import.meta.url)}`, import.meta.url));
const loadConfigModule = besideThis('../config/load');

/**
 * A Vite plugin serving the config this integration read as a module, so that components get the very config
 * the gate checks against, without reading the file again. The host policy (functions) is rebuilt from the data.
 */
function configModule(config: ResolvedConfig) {
  const resolvedId = `\0${configModuleId}`;
  return {
    name: 'nospy:config',
    resolveId: (id: string) => (id === configModuleId ? resolvedId : undefined),
    load: (id: string) =>
      id === resolvedId
        ? `import { withHostPolicy } from ${JSON.stringify(loadConfigModule)};\nexport default withHostPolicy(${JSON.stringify(configData(config))});\n`
        : undefined,
  };
}

/**
 * The nospy gate inside Astro. `astro build`: runs the transforms on the output (marks external links, routes forms
 * to the origin, writes `_headers`), checks it, logs every finding at the source file and line that wrote it, and
 * fails the build on any error. `astro dev`: the same transforms and check on every page served, findings in the
 * terminal and in a dev toolbar app. Reads the same `nospy.config.json` as the CLI, once: it sets Astro's `site`
 * from it and serves it to the site as `virtual:nospy/config`; a bad config stops Astro before it builds anything.
 */
export default function nospy(options: NospyOptions = {}): AstroIntegration {
  let config: ResolvedConfig;
  let project: Project;
  let routes: IntegrationResolvedRoute[] = [];
  const entrypointOf = (pathname: string) =>
    routes.find((route) => route.type === 'page' && route.patternRegex.test(pathname))?.entrypoint;
  return {
    name: 'nospy',
    hooks: {
      'astro:config:setup': ({ config: astro, command, updateConfig, addDevToolbarApp }) => {
        const root = fileURLToPath(astro.root);
        const file = resolve(root, options.config ?? defaultConfigFile);
        config = loadConfig(file);
        // One source of truth: a different `site` in astro.config would give pages URLs the gate does not check.
        if (astro.site !== undefined && new URL(astro.site).href !== new URL(config.site).href) {
          throw new ConfigError(
            `astro.config: site is ${astro.site} but ${basename(file)} says ${config.site}; remove site from astro.config (nospy sets it)`,
          );
        }
        const publicDir = fileURLToPath(astro.publicDir);
        project = {
          root,
          // Astro's own src/ and public/, and content/ beside them, where the starter keeps its collections.
          dirs: [fileURLToPath(astro.srcDir), publicDir, join(root, 'content')],
          publicDir: relative(root, publicDir).split(sep).join('/'),
          entrypointOf,
        };
        updateConfig({ site: config.site, vite: { plugins: [configModule(config)] } });
        if (command === 'dev') {
          addDevToolbarApp({
            id: toolbarAppId,
            name: 'nospy',
            icon: 'warning',
            entrypoint: besideThis('./toolbar-app'),
          });
        }
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved;
      },
      'astro:server:setup': ({ server, logger, toolbar }) => {
        server.middlewares.use(createDevGate({ config, project, logger, toolbar }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await gateBuild({ outDir: fileURLToPath(dir), config, project, logger, report: options.report });
      },
    },
  };
}
