import { configDefaults, defineConfig } from 'vitest/config';

/** Suites that read the starter site's build; only these make vitest build it (test/setup/build-site.ts). */
const needsSiteBuild = [
  'test/site/**/*.test.ts',
  'test/integration/starter-site.test.ts',
  'test/crawl/starter-site.test.ts',
  'test/origin/site-template.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'site',
          include: needsSiteBuild,
          globalSetup: ['test/setup/build-site.ts'],
          // One Astro build for the whole project, shared by every suite in it.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...needsSiteBuild, 'test/.output/**'],
        },
      },
    ],
  },
});
