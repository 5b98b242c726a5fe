import type { ResolvedConfig } from '../../config/load.ts';
import { isConfiguredBunnyPlayer } from '../../syntax/bunny.ts';

/**
 * Is a URL on a host the site has not accepted: not first-party, not in `allowHosts`, not the player of a
 * configured Bunny library? Host '' (data:, mailto:, javascript: …) reaches no one and is never third-party.
 */
export function isUnacceptedThirdParty(url: string, host: string, config: ResolvedConfig): boolean {
  return (
    host !== '' &&
    !config.hosts.isFirstParty(host) &&
    !config.hosts.isAllowed(host) &&
    !isConfiguredBunnyPlayer(url, host, config)
  );
}
