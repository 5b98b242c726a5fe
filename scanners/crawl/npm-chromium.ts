import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { UsageError } from '../errors.ts';

/** The registry package that ships a Chromium (headless shell, Linux x64) inside itself, brotli-compressed. */
export const npmChromiumPackage = '@sparticuz/chromium';

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The installed package's folder, or undefined when it is not installed (it is optional). */
function findPackageDir(): string | undefined {
  try {
    // Resolved, not imported: nospy needs only the compressed binary, not the package's Lambda set-up.
    return join(dirname(createRequire(import.meta.url).resolve(npmChromiumPackage)), '..');
  } catch {
    return undefined;
  }
}

/**
 * The Chromium that `@sparticuz/chromium` brings, unpacked on first use into `node_modules/.cache/nospy/`
 * beside the package, one folder per version; undefined when the package is not installed or cannot run here.
 * The package's own `executablePath()` is not used: it runs whatever file is at `/tmp/chromium`, of any version.
 */
export async function npmChromium(): Promise<string | undefined> {
  const packageDir = findPackageDir();
  if (!packageDir || process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const executable = join(packageDir, '..', '..', '.cache', 'nospy', `chromium-${version}`, 'chromium');
  if (await isExecutable(executable)) return executable;
  // Unpacked under a name of its own and renamed: a crawl running beside this one never starts a half-written file.
  const partial = `${executable}.${process.pid}.partial`;
  try {
    await mkdir(dirname(executable), { recursive: true });
    await pipeline(
      createReadStream(join(packageDir, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    await rename(partial, executable);
  } catch (error) {
    await rm(partial, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`nospy crawl: cannot unpack ${npmChromiumPackage}'s Chromium to ${executable} (${reason})`);
  }
  return executable;
}
