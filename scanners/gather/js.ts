import type { Observation } from '../observations.ts';
import type { EmbeddedContext } from './context.ts';

/** Cookie/storage use, URL literals and request targets in a script. (Stub: being written.) */
export function gatherJs(_text: string, _context: EmbeddedContext & { module?: boolean }): Observation[] {
  return [];
}
