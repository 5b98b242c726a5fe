/** The config the nospy integration read, as the site's pages and components import it. */
declare module 'virtual:nospy/config' {
  const config: import('../config/load.js').ResolvedConfig;
  export default config;
}
