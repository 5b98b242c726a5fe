// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import nospy from 'nospy/astro';

/**
 * Rolldown warns, once per MDX entry, that Astro's own `"use astro:head-inject"` marker in its generated
 * `?astroPropagatedAssets` modules may be dropped; Astro finds those modules by their id, not the marker, so the
 * warning is nobody's business here (withastro/astro#18087). Only that warning is dropped.
 * @returns {import('vite').Plugin}
 */
function quietHeadInjectDirective() {
  return {
    name: 'quiet-head-inject-directive',
    onLog: (_level, log) => !(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')),
  };
}

/**
 * Pages a visitor only reaches from another page (the form's outcomes, the leaving notice, the receiver's template)
 * are not for search engines.
 * @param {string} page
 */
function isListedInSitemap(page) {
  const { pathname } = new URL(page);
  return (
    !['/contact/thanks/', '/contact/error/', '/contact/notice/', '/404/'].includes(pathname) &&
    !pathname.startsWith('/leaving/')
  );
}

export default defineConfig({
  // No `site` here: nospy.config.json is the one source of truth, and the nospy integration sets it from there.
  trailingSlash: 'always',
  // nospy last: it fixes and checks the finished output of everything before it.
  integrations: [mdx(), sitemap({ filter: isListedInSitemap }), nospy()],
  // Each of these would put client JavaScript into pages that promise to run none.
  prefetch: false,
  // Astro 7's default ("jsx") drops the line break between text and a link written on the next line.
  compressHTML: true,
  // Dev only (never in the build): the nospy app lists the findings of the page on screen.
  devToolbar: { enabled: true },
  // Stylesheets as files, never inline <style>, so the Content-Security-Policy can stay style-src 'self'.
  build: { inlineStylesheets: 'never' },
  vite: { plugins: [quietHeadInjectDirective()] },
});
