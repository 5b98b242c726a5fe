import { matchesHostPattern } from '../../config/hosts.ts';

/**
 * Hosts whose URLs appear in bundled libraries as documentation links inside error messages
 * (React's "visit https://react.dev/errors/…") and never as something the page fetches. A URL literal
 * on one of them is not reported; a real request (fetch, src, import …) to them still is.
 */
const referenceHostPatterns = [
  'react.dev',
  '*.react.dev',
  'reactjs.org',
  '*.reactjs.org',
  'fb.me',
  'vuejs.org',
  '*.vuejs.org',
  'angular.io',
  'angular.dev',
  'svelte.dev',
  'nextjs.org',
  'preactjs.com',
  'lit.dev',
  'nodejs.org',
  'vite.dev',
  'vitejs.dev',
  'astro.build',
  '*.astro.build',
  'webpack.js.org',
  'developer.mozilla.org',
  'github.com',
  '*.github.com',
  'tc39.es',
  '*.whatwg.org',
  'www.w3.org',
  'schema.org',
  // Error decoders of libraries installed from npm: MUI builds 'https://mui.com/production-error/?code=' + code,
  // Redux and Redux Toolkit link 'https://redux.js.org/Errors?code='. These sites serve only their docs.
  'mui.com',
  'redux.js.org',
  'redux-toolkit.js.org',
];

export function isReferenceHost(host: string): boolean {
  return referenceHostPatterns.some((pattern) => matchesHostPattern(host, pattern));
}
