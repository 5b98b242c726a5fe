/** An error the user can fix (bad flag, missing directory, invalid config): one stderr line, exit 2. */
export class NospyError extends Error {
  readonly exitCode: number = 2;
}
export class UsageError extends NospyError {}
export class ConfigError extends NospyError {}
