import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { defaultConfigFile, resolveConfig } from '../config/load.ts';
import { UsageError } from '../errors.ts';
import { ruleIds } from '../rules/index.ts';
import { scanDirectory } from '../scan.ts';
import type { CliIo } from './io.ts';

/** A static-site generator nospy can find: the files that give it away, where it builds to, how to build. */
interface Generator {
  name: string;
  configFiles: string[];
  output: string;
  build: string;
  /** Reads the site's public URL from its config text. */
  siteUrl?: RegExp;
  /** Reads an output folder the config sets instead of the default one. */
  outputSetting?: RegExp;
}

const scriptConfigs = (base: string) => ['js', 'mjs', 'cjs', 'ts', 'mts'].map((ext) => `${base}.${ext}`);

/** Most specific first: a Docusaurus or VitePress project may also hold files another generator reads. */
const generators: Generator[] = [
  {
    name: 'Docusaurus',
    configFiles: scriptConfigs('docusaurus.config'),
    output: 'build',
    build: 'npm run build',
    siteUrl: /\burl\s*:\s*['"`](https?:\/\/[^'"`\s]+)/,
  },
  {
    name: 'VitePress',
    configFiles: [...scriptConfigs('.vitepress/config'), ...scriptConfigs('docs/.vitepress/config')],
    output: '.vitepress/dist',
    build: 'npx vitepress build',
    siteUrl: /\bhostname\s*:\s*['"`](https?:\/\/[^'"`\s]+)/,
    outputSetting: /\boutDir\s*:\s*['"`](?:\.\/)?([\w./-]+?)\/?['"`]/,
  },
  {
    name: 'Astro',
    configFiles: scriptConfigs('astro.config'),
    output: 'dist',
    build: 'npm run build',
    siteUrl: /\bsite\s*:\s*['"`](https?:\/\/[^'"`\s]+)/,
    outputSetting: /\boutDir\s*:\s*['"`](?:\.\/)?([\w./-]+?)\/?['"`]/,
  },
  { name: 'Next.js (static export)', configFiles: scriptConfigs('next.config'), output: 'out', build: 'npm run build' },
  {
    name: 'Eleventy',
    configFiles: ['.eleventy.js', ...scriptConfigs('eleventy.config')],
    output: '_site',
    build: 'npx @11ty/eleventy',
    outputSetting: /\boutput\s*:\s*['"`](?:\.\/)?([\w./-]+?)\/?['"`]/,
  },
  {
    name: 'Hugo',
    configFiles: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml'],
    output: 'public',
    build: 'hugo --minify',
    siteUrl: /^\s*"?baseURL"?\s*[=:]\s*['"]?(https?:\/\/[^'"\s]+)/im,
    outputSetting: /^\s*"?publishDir"?\s*[=:]\s*['"]?(?:\.\/)?([\w./-]+?)\/?['"\s,]*$/im,
  },
  {
    name: 'Jekyll',
    configFiles: ['_config.yml', '_config.yaml'],
    output: '_site',
    build: 'bundle exec jekyll build',
    siteUrl: /^url\s*:\s*['"]?(https?:\/\/[^'"\s]+)/m,
    outputSetting: /^destination\s*:\s*['"]?(?:\.\/)?([\w./-]+?)\/?['"]?\s*$/m,
  },
];

/** Where plain HTML sites keep their pages, in the order they are tried. */
const plainOutputs = ['public', 'dist', 'site', 'www', 'build', '_site', 'out', '.'];

/** Generators whose CNAME (GitHub Pages' custom domain) sits in a source folder copied to the output. */
const cnameFolders = ['.', 'static', 'public', 'source'];

const canonical = /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']?(https?:\/\/[^"'\s>]+)/i;
const ogUrl = /<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*\bcontent=["']?(https?:\/\/[^"'\s>]+)/i;

interface Detected {
  generator: string;
  output: string;
  build: string | undefined;
  /** The site's URL and where it was found; undefined when nothing names it. */
  site: { url: string; from: string } | undefined;
}

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** `https://www.example.org/` from `https://www.example.org/blog/`: the site is its origin. */
function originOf(url: string): string | undefined {
  return URL.canParse(url) ? `${new URL(url).origin}/` : undefined;
}

function siteFromCname(root: string, output: string): Detected['site'] {
  for (const folder of [...cnameFolders, output]) {
    const text = readText(join(root, folder, 'CNAME'))
      ?.trim()
      .split(/\s+/)[0];
    const url = text && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(text) ? originOf(`https://${text}`) : undefined;
    if (url) return { url, from: posix.join(folder, 'CNAME') };
  }
  return undefined;
}

function siteFromPages(root: string, output: string): Detected['site'] {
  const file = posix.join(output, 'index.html');
  const page = readText(join(root, file));
  const found = page && (canonical.exec(page)?.[1] ?? ogUrl.exec(page)?.[1]);
  const url = found ? originOf(found) : undefined;
  return url ? { url, from: `the canonical link of ${file}` } : undefined;
}

/** Finds the generator, its output folder and the site's URL (CNAME, the generator's config, canonical links). */
export function detectSite(root: string): Detected {
  for (const generator of generators) {
    const configFile = generator.configFiles.find((file) => existsSync(join(root, file)));
    if (!configFile) continue;
    const configText = readText(join(root, configFile)) ?? '';
    // VitePress builds next to its config folder.
    const folder = configFile.startsWith('docs/') ? 'docs/' : '';
    const output = posix.normalize(`${folder}${generator.outputSetting?.exec(configText)?.[1] ?? generator.output}`);
    const configured = generator.siteUrl?.exec(configText)?.[1];
    const fromConfig =
      configured && originOf(configured) ? { url: originOf(configured)!, from: configFile } : undefined;
    const site = siteFromCname(root, output) ?? fromConfig ?? siteFromPages(root, output);
    return { generator: generator.name, output, build: generator.build, site };
  }
  const output = plainOutputs.find((folder) => existsSync(join(root, folder, 'index.html'))) ?? '.';
  return {
    generator: 'plain HTML',
    output,
    build: undefined,
    site: siteFromCname(root, output) ?? siteFromPages(root, output),
  };
}

/** Hosts the built output contacts, with the rules that report them, most reported first. */
async function contactedHosts(
  root: string,
  site: string,
): Promise<{ host: string; findings: number; rules: string[] }[]> {
  const config = resolveConfig({ site }, 'nospy init', ruleIds);
  const { findings } = await scanDirectory(root, config);
  const byHost = new Map<string, { findings: number; rules: Set<string> }>();
  for (const finding of findings) {
    if (!finding.host || config.hosts.isFirstParty(finding.host)) continue;
    const entry = byHost.get(finding.host) ?? { findings: 0, rules: new Set<string>() };
    entry.findings += 1;
    entry.rules.add(finding.ruleId);
    byHost.set(finding.host, entry);
  }
  return [...byHost]
    .map(([host, { findings: count, rules }]) => ({ host, findings: count, rules: [...rules].sort() }))
    .sort((a, b) => b.findings - a.findings || (a.host < b.host ? -1 : 1));
}

const placeholderUrl = 'https://www.example.com/';

function configText(detected: Detected, hosts: Awaited<ReturnType<typeof contactedHosts>>, scanned: boolean): string {
  const { generator, output, site } = detected;
  const hostLines =
    hosts.length > 0
      ? hosts.map(
          ({ host, findings, rules }) =>
            `    // ${JSON.stringify(host)}, // ${findings} finding${findings === 1 ? '' : 's'}: ${rules.join(', ')}`,
        )
      : [
          scanned
            ? `    // The current output (${output}) contacts no third party.`
            : `    // ${output} was not built yet: build the site and run nospy check ${output} to see what it contacts.`,
        ];
  return [
    `// nospy.config.json, written by nospy init for a ${generator} site that builds to ${output}.`,
    '// Comments are allowed. Every key is described in the README, under "Configuration".',
    '{',
    site
      ? `  // The public URL visitors use (found in ${site.from}); every host outside it is a third party.`
      : '  // TODO: the public URL visitors use; nospy init found none (no CNAME, generator setting or canonical link).',
    `  "site": ${JSON.stringify(site?.url ?? placeholderUrl)},`,
    '  // More hosts that are this site, e.g. "*.cdn.example.net" for a CDN of your own.',
    '  "firstPartyHosts": [],',
    '  // The https server that receives form POSTs (nospy fix routes forms there), e.g. "https://origin.example.com".',
    '  // "origin": "https://origin.example.com",',
    '  // Third parties visitors may contact. nospy init allows none by itself: the hosts below are what the',
    '  // current output contacts. Allow one only if the privacy policy names it; otherwise remove what loads it.',
    '  "allowHosts": [',
    ...hostLines,
    '  ],',
    '  // Files not scanned, as globs relative to the output folder.',
    '  "ignore": [],',
    '  // The page whose anchors findings link to; change it if your privacy policy lives elsewhere.',
    '  "policyPage": "/privacy/",',
    '  // Accepted exceptions, each with its reason: { "rule": "third-party/request", "host": "…", "reason": "…" }.',
    '  "suppress": []',
    '}',
    '',
  ].join('\n');
}

function ciSnippets({ output, build }: Detected): string {
  const buildStep = build ? `        - run: ${build}\n` : '';
  return `Add the gate to CI. GitHub Actions (.github/workflows/privacy.yml):

  name: privacy
  on: [push, pull_request]
  jobs:
    nospy:
      runs-on: ubuntu-latest
      steps:
        - uses: actions/checkout@v4
        - uses: actions/setup-node@v4
          with: { node-version: 22 }
        - run: npm ci
${buildStep}        - run: npx nospy check ${output} --format github
        - run: npx nospy check ${output} --format markdown >> "$GITHUB_STEP_SUMMARY"
          if: always()

Any other CI: build the site, then run (exit 1 fails the job on an error finding)

  npx nospy check ${output}

Not passing yet? Record today's findings and fail only on new ones:

  npx nospy baseline ${output}            # writes nospy.baseline.json; commit it
  npx nospy check ${output} --baseline nospy.baseline.json`;
}

/**
 * `nospy init [dir]`: detects the generator, output folder and site URL, writes a commented nospy.config.json that
 * allows no host by itself (the hosts the current output contacts are listed as comments), and prints CI snippets.
 */
export async function init(dir: string, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  if (!isDirectory(root)) throw new UsageError(`init: ${dir}: no such directory`);
  const target = join(root, defaultConfigFile);
  const shown = posix.join(dir.replaceAll('\\', '/'), defaultConfigFile);
  if (existsSync(target)) throw new UsageError(`init: ${shown} already exists; nospy init never overwrites a config`);
  const detected = detectSite(root);
  const outputPath = join(root, detected.output);
  const scanned = isDirectory(outputPath) && (detected.output !== '.' || existsSync(join(root, 'index.html')));
  const hosts = scanned ? await contactedHosts(outputPath, detected.site?.url ?? placeholderUrl) : [];
  writeFileSync(target, configText(detected, hosts, scanned), { flag: 'wx' });
  const lines = [
    `Wrote ${shown} for a ${detected.generator} site that builds to ${detected.output}/.`,
    detected.site
      ? `Site: ${detected.site.url} (from ${detected.site.from}).`
      : `Site: not found; set "site" in ${shown} (it says ${placeholderUrl} for now).`,
    hosts.length > 0
      ? `The output contacts ${hosts.length} third-party host${hosts.length === 1 ? '' : 's'}, listed as comments in allowHosts; none is allowed.`
      : scanned
        ? 'The output contacts no third-party host.'
        : `No build found in ${detected.output}/; build the site, then run nospy check ${detected.output}.`,
    '',
    ciSnippets(detected),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
