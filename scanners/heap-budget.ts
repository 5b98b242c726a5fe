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
 * from the flag `holdHeapBudget` sets, which V8 reads when a worker starts.
 */
export const workerYoungGenerationMb = 3 * semiSpaceMb;

/**
 * How far, in percent, the old generation may grow past what the last full collection kept before the next one.
 * V8 picks the factor from how fast its collections run, up to 4×: in one run in five a worker kept 15 MB and then
 * grew to 70 MB of garbage before collecting it, 70 MB more peak memory than the run before (and slower).
 */
const oldGenerationGrowthPercent = 30;

/** V8's defaults, put back when a scan ends, so that the host (an `astro build`) runs as V8 tuned it. */
const defaults = '--semi-space-growth-factor=2 --min-semi-space-size=0 --heap-growing-percent=0';

/**
 * Holds the heap of this thread, and of the workers started from now on, to a fixed budget until the returned
 * function is called: a young generation of `semiSpaceMb` semi-spaces, and an old generation that grows by at most
 * `oldGenerationGrowthPercent` between full collections. This thread's young generation maximum was fixed at start-up
 * and cannot be lowered, but V8 reads the growth factor each time it would grow it: a factor of 1 keeps it where it is.
 */
export function holdHeapBudget(): () => void {
  v8.setFlagsFromString(
    `--semi-space-growth-factor=1 --min-semi-space-size=${semiSpaceMb} --heap-growing-percent=${oldGenerationGrowthPercent}`,
  );
  return () => v8.setFlagsFromString(defaults);
}
