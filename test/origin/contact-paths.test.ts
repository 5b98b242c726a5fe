import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contactPaths } from '../../origin/contact-paths.ts';

const pages = fileURLToPath(new URL('../../src/pages', import.meta.url));

describe('contactPaths', () => {
  it.each([contactPaths.formPage, contactPaths.thanksPage, contactPaths.errorPage, contactPaths.noticePage])(
    'names a page the site builds: %s',
    (path) => {
      const route = path.replace(/\/$/, '');
      expect(existsSync(`${pages}${route}.astro`) || existsSync(`${pages}${route}/index.astro`)).toBe(true);
    },
  );
});
