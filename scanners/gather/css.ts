import type { Observation } from '../observations.ts';
import type { EmbeddedContext } from './context.ts';

/** Requests a stylesheet makes: url(), @import, @font-face src, image-set(). (Stub: being written.) */
export function gatherCss(_text: string, _context: EmbeddedContext): Observation[] {
  return [];
}
