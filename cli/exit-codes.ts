/**
 * The exit codes of every `flitmap` command: one contract for the whole CLI, as eslint has one, so
 * that a script or a CI job can tell "done as the package promises" from "done, but not as the
 * package promises" from "could not be done". A non-zero code always comes with a last line on
 * standard error that says why (`flitmap: ...`).
 */
export const ExitCode = {
  /**
   * Done, and the result is what the package promises: a package without errors, a run whose
   * every row is accounted for with its rejects within `--max-rejects`, files formatted, no
   * differences, tests passing.
   */
  ok: 0,
  /**
   * Done, but the result is not what the package promises: the package has errors; a run halted,
   * failed, rejected more rows than `--max-rejects` allows, found an entity whose files match
   * nothing, a declared column a file lacks, a file unreadable or mostly in another encoding;
   * files need formatting; Odoo differs from the mapping; a test fails.
   */
  problems: 1,
  /**
   * Could not be done: wrong usage, a package, folder or file that is not there or is in the way,
   * missing credentials, a server that cannot be reached or refuses them, a run that does not
   * exist; or an internal error (a bug in Flitmap, said as such).
   */
  cannotRun: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
