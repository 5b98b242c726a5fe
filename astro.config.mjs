// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { loadConfig } from './scanners/config/load.ts';
import nospy from './src/integration/nospy.ts';

// nospy.config.json is the one source of truth: the gate and the site read the same `site`.
const { site } = loadConfig('nospy.config.json');

export default defineConfig({
  site,
  trailingSlash: 'always',
  // nospy last: it fixes and checks the finished output of everything before it.
  integrations: [mdx(), nospy()],
  // Each of these would put client JavaScript into pages that promise to run none.
  prefetch: false,
  // Astro 7's default ("jsx") drops the line break between text and a link written on the next line.
  compressHTML: true,
  devToolbar: { enabled: false },
  // Stylesheets as files, never inline <style>, so the Content-Security-Policy can stay style-src 'self'.
  build: { inlineStylesheets: 'never' },
});
