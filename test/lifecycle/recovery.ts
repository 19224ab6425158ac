/** The CLI on the fixture package against a double, and the way back a user takes after any refusal. */
import { afterEach, expect } from "vitest";
import { runCliInProcess } from "../cli/helpers.js";
import type { OdooDouble } from "../odoo-double/server.js";
import { doubleEnvironment, FIXTURE_PACKAGE } from "../runtime/support.js";

export type Flitmap = (command: string, ...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** `flitmap <command> <fixture package> --state <state> ...args`, in this process, connected to the double. */
export function flitmapOn(double: OdooDouble, state: string): Flitmap {
  return (command, ...args) => runCliInProcess([...command.split(" "), FIXTURE_PACKAGE, "--state", state, ...args], doubleEnvironment(double));
}

/**
 * Rolls back every run as the messages say: a refusal over the journal is followed by `journal
 * rebuild`, one over records changed since the run (the journal lost the run's last stamps) by
 * `--force`; every refusal must name its way out.
 */
export async function rollBackEverything(flitmap: Flitmap): Promise<void> {
  let force = false;
  for (let round = 0; round < 8; round += 1) {
    const result = force ? await flitmap("rollback", "--force") : await flitmap("rollback");
    force = false;
    if (result.code === 0) {
      if (!result.stdout.includes(" rolled back: ")) return;
      continue;
    }
    if (result.stderr.includes("flitmap journal rebuild")) expect((await flitmap("journal rebuild")).code).toBe(0);
    else if (result.stderr.includes("Roll back anyway with --force")) force = true;
    else throw new Error(`rollback refused with no way out: ${result.stderr}`);
  }
  throw new Error("rollback did not end in 8 rounds");
}

/** A list of clean-ups (doubles to stop, folders to remove) run after each test of the file that calls this. */
export function cleanupsAfterEach(): (() => Promise<void> | void)[] {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return cleanups;
}
