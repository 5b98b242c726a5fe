// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import nospy from 'nospy/astro';

export default defineConfig({
  // No `site` here: nospy.config.json is the one source of truth, and the nospy integration sets it from there.
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
