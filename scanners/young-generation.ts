import v8 from 'node:v8';

/**
 * A semi-space of the young generation, where a page's short-lived strings and objects are born. V8 sizes it by the
 * machine's memory and doubles it as a run goes on (to 32 MB per thread with 24 GiB), so that peak memory grew with
 * the size of the site (bench/RESULTS.md, "Memory"). Held at this size for the whole scan, every thread's heap takes
 * the same memory on 1,000 pages as on 50,000.
 */
const semiSpaceMb = 8;

/**
 * A worker's young generation: two semi-spaces and the large-object space V8 gives the same size. Its minimum comes
 * from the flag `holdYoungGeneration` sets, which V8 reads when a worker starts.
 */
export const workerYoungGenerationMb = 3 * semiSpaceMb;

/** V8's defaults, put back when a scan ends, so that the host (an `astro build`) runs as V8 tuned it. */
const defaults = '--semi-space-growth-factor=2 --min-semi-space-size=0';

/**
 * Holds this thread's young generation, and that of workers started from now on, at `semiSpaceMb` until the returned
 * function is called. This thread's maximum was fixed at start-up and cannot be lowered, but V8 reads the growth
 * factor each time it would grow: a factor of 1 keeps it where it is.
 */
export function holdYoungGeneration(): () => void {
  v8.setFlagsFromString(`--semi-space-growth-factor=1 --min-semi-space-size=${semiSpaceMb}`);
  return () => v8.setFlagsFromString(defaults);
}
