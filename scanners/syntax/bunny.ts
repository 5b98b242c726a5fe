import type { ResolvedConfig } from '../config/load.ts';

/** Bunny Stream's player hosts: the current one and the legacy one still served for old embeds. */
export const bunnyPlayerHosts: readonly string[] = ['player.mediadelivery.net', 'iframe.mediadelivery.net'];
const playerHosts = new Set(bunnyPlayerHosts);

/** A Bunny Stream player URL, taken apart. */
export interface BunnyPlayerUrl {
  libraryId: string;
  videoId: string;
  /** The query string without `?` (player options such as `autoplay`, `preload`). */
  query: string;
}

/** Path and query of a resolved player URL; gatherers hand rules WHATWG-serialised URLs, so no URL parse is needed. */
const playerPath = /^[a-z]+:\/\/[^/]+\/(?:embed|play)\/(\d+)\/([^/?#]+)\/?(?:\?([^#]*))?(?:#.*)?$/i;

/**
 * The private embed of one video: `https://player.mediadelivery.net/embed/{libraryId}/{videoId}` with the player
 * fetching nothing before play (`autoplay=false&preload=false`, what embeds/bunny-not-private asks for) and sized
 * to its frame. `options` adds or overrides player options.
 */
export function bunnyEmbedUrl(libraryId: string, videoId: string, options: Record<string, string> = {}): string {
  const url = new URL(
    `https://${bunnyPlayerHosts[0]}/embed/${encodeURIComponent(libraryId)}/${encodeURIComponent(videoId)}`,
  );
  url.search = new URLSearchParams({ autoplay: 'false', preload: 'false', responsive: 'true', ...options }).toString();
  return url.href;
}

/** Is `host` one of Bunny Stream's player hosts? */
export function isBunnyPlayerHost(host: string): boolean {
  return playerHosts.has(host);
}

/**
 * Parses `/embed/{libraryId}/{videoId}` or `/play/{libraryId}/{videoId}` on a Bunny player host; undefined for anything
 * else.
 */
export function parseBunnyPlayerUrl(url: string, host: string): BunnyPlayerUrl | undefined {
  if (!playerHosts.has(host)) return undefined;
  const match = playerPath.exec(url);
  if (!match) return undefined;
  return { libraryId: match[1], videoId: match[2], query: match[3] ?? '' };
}

/**
 * Is this URL a player of one of the site's own Bunny libraries (`config.bunny.libraryIds`)? Those are allowed
 * automatically.
 */
export function isConfiguredBunnyPlayer(url: string, host: string, config: ResolvedConfig): boolean {
  if (!config.bunny || !playerHosts.has(host)) return false;
  const player = parseBunnyPlayerUrl(url, host);
  return player !== undefined && config.bunny.libraryIds.includes(player.libraryId);
}
