import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AstroIntegrationLogger } from 'astro';
import { checkPage, fixPage, formatReport, type ResolvedConfig } from '../index.ts';
import { leavingPagePath } from '../syntax/leaving-page.ts';
import { leavingDestinations, renderLeavingPages } from '../transforms/leaving-pages.ts';
import { readPageTags } from '../transforms/page-tags.ts';
import { askEvent, findingsEvent } from './toolbar-events.ts';
import { locateSources, type Project, type SourcedFinding, sourceFirst } from '../sources/index.ts';

/** What the dev server sends the toolbar app about one page. */
export interface PageFindings {
  pathname: string;
  findings: SourcedFinding[];
}

/** The server side of the dev toolbar's messages, as `astro:server:setup` gives it. */
export interface Toolbar {
  send: (event: string, payload: unknown) => void;
  on: <T>(event: string, callback: (data: T) => void) => void;
}

/** The built file a dev URL stands for, as `astro build` writes it: `/services/` is `services/index.html`. */
export function builtFileOf(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return /\.html?$/.test(path) ? path : `${path}/index.html`;
}

/** `data-astro-source-file="…"` and `data-astro-source-loc="…"`, which Astro's compiler writes with double quotes. */
const devSourceAnnotation = / data-astro-source-(?:file|loc)="[^"]*"/g;

export interface DevGate {
  config: ResolvedConfig;
  project: Project;
  logger: AstroIntegrationLogger;
  toolbar: Toolbar;
}

/**
 * A connect middleware for `astro dev`: every HTML page it serves gets the build's page transforms (links marked,
 * forms routed) and is checked; its findings are logged at their source when they change, and sent to the toolbar
 * app.
 */
export function createDevGate({ config, project, logger, toolbar }: DevGate) {
  const shownFindings = new Map<string, string>();
  const latest = new Map<string, SourcedFinding[]>();

  async function review(pathname: string, html: string): Promise<void> {
    const file = builtFileOf(pathname);
    const report = await locateSources(checkPage(file, html, { config }), project);
    // Suppressed findings are accepted exceptions: the toolbar leaves them out, the log counts them.
    const findings = report.findings.filter((finding) => !finding.suppressed);
    latest.set(pathname, findings);
    toolbar.send(findingsEvent, { pathname, findings } satisfies PageFindings);
    // Once per change: a page served again with the same findings is not logged again.
    const key = JSON.stringify(report.findings);
    if (shownFindings.get(pathname) === key) return;
    const wasShown = shownFindings.has(pathname);
    shownFindings.set(pathname, key);
    if (findings.length > 0) logger.warn(`${pathname}\n${formatReport(sourceFirst(report, '', 'served'), 'text')}`);
    else if (wasShown) logger.info(`${pathname}: no privacy problems`);
  }

  toolbar.on<{ pathname: string }>(askEvent, ({ pathname }) => {
    toolbar.send(findingsEvent, { pathname, findings: latest.get(pathname) ?? [] } satisfies PageFindings);
  });

  const { mode, leavingPage } = config.externalLinks;
  /** Interstitial mode: the destination of each leaving page the pages served so far link to, by its path. */
  const destinations = new Map<string, string>();

  /** The served page as the build writes it: transformed, and a destination's leaving page made from the template. */
  function build(file: string, html: string, destination: string | undefined): string {
    const fixed = fixPage(file, html, { config });
    if (mode !== 'interstitial') return fixed;
    for (const url of leavingDestinations(readPageTags(fixed), { file, config })) {
      destinations.set(leavingPagePath(url, leavingPage), url);
    }
    if (destination === undefined) return fixed;
    const { pages, warnings } = renderLeavingPages({ file: leavingPage, text: fixed }, [destination], config);
    for (const warning of warnings) logger.warn(warning);
    return pages[0]!.text;
  }

  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const pathname = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
    // Leaving pages exist only in a build: the dev server renders the site's own leaving page in their place.
    const destination = destinations.get(pathname);
    if (destination !== undefined) request.url = leavingPage;
    interceptHtml(response, (html) => {
      const fixed = build(builtFileOf(pathname), html, destination);
      // Checked as the build writes it: without the source annotations the dev toolbar adds to every element.
      const built = fixed.replace(devSourceAnnotation, '');
      review(pathname, built).catch((error: unknown) => logger.error(`${pathname}: ${String(error)}`));
      return fixed;
    });
    next();
  };
}

type Head = [status: number, ...rest: unknown[]];

/**
 * Holds back an HTML response until it ends and passes its body through `rewrite`; any other response goes through
 * as it is. The head waits too, since a rewritten body has another length. Node's own `end` calls `writeHead`, so
 * the response gets its methods back before anything is written.
 */
function interceptHtml(response: ServerResponse, rewrite: (html: string) => string): void {
  let head: Head | undefined;
  const chunks: Buffer[] = [];
  const restore = () => {
    for (const method of ['writeHead', 'write', 'end'] as const) delete (response as Partial<ServerResponse>)[method];
  };
  const headerOf = (name: string) => {
    const headers = head?.find((part) => typeof part === 'object' && part !== null && !Array.isArray(part));
    return (headers as OutgoingHttpHeaders | undefined)?.[name] ?? response.getHeader(name);
  };
  const isHtml = () => String(headerOf('content-type') ?? '').includes('text/html');
  const passThrough = () => {
    restore();
    if (head !== undefined) response.writeHead(...(head as Parameters<ServerResponse['writeHead']>));
  };
  Object.assign(response, {
    writeHead(...args: Head) {
      head = args;
      if (!isHtml()) passThrough();
      return response;
    },
    write(chunk: string | Uint8Array, ...rest: never[]) {
      if (!isHtml()) {
        passThrough();
        return response.write(chunk, ...rest);
      }
      chunks.push(Buffer.from(chunk));
      return true;
    },
    end(chunk?: string | Uint8Array | (() => void), ...rest: never[]) {
      if (!isHtml()) {
        passThrough();
        return response.end(chunk as string, ...rest);
      }
      if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
      const body = rewrite(Buffer.concat(chunks).toString('utf8'));
      response.removeHeader('content-length');
      head = head?.map((part) =>
        typeof part === 'object' && part !== null && !Array.isArray(part) ? withoutLength(part) : part,
      ) as Head;
      passThrough();
      return response.end(body);
    },
  });
}

function withoutLength(headers: object): object {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
}
