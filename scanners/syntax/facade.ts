/**
 * Custom elements that stand in for a video player until the visitor presses play (lite-youtube-embed,
 * @justinribeiro/lite-youtube, lite-vimeo): their script turns a click inside them into the player, so the link they
 * hold for a browser without scripts (`<a class="lty-playbtn">`, `lite-youtube-fallback`) loads a player rather than
 * taking the visitor to another site.
 */
const FACADE_ELEMENTS: ReadonlySet<string> = new Set(['lite-youtube', 'lite-vimeo']);

/** Is `name` (lower-case) a script-driven player facade whose links start the player? */
export function isPlayerFacade(name: string): boolean {
  return FACADE_ELEMENTS.has(name);
}
