/** An error the user can fix (bad flag, missing directory, invalid config): one stderr line, exit 2. */
export class NospyError extends Error {
  readonly exitCode: number = 2;
}
export class UsageError extends NospyError {}
export class ConfigError extends NospyError {}

/** What a step that may fail on the user's input gave: a value, or the problem a report should show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };
