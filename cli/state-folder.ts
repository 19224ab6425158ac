/**
 * Where a package keeps its journal and run reports: `--state DIR`, or a folder of its own under
 * `.flitmap/` in the current folder. The folder belongs to a package, not to a migration's name:
 * two packages that name their migration alike (a proposal of `flitmap init` and the package it was
 * made from) never see each other's runs.
 *
 * A package's folder is `.flitmap/<migration>` when that folder is free or already the package's,
 * else `.flitmap/<migration>-<id>`, the id taken from the package folder's path. `owner.json` in the
 * folder names its package. A folder an earlier version of Flitmap left (no `owner.json`) keeps
 * its journal where it is: the first package of that name to use it owns it from then on.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { CommandContext } from "./context.js";

const OWNER_FILE = "owner.json";

/** The package a state folder belongs to, as its `owner.json` says (undefined when it has none or it cannot be read). */
function ownerOf(folder: string): string | undefined {
  const path = join(folder, OWNER_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    return parsed !== null && typeof parsed === "object" && "package" in parsed && typeof parsed.package === "string" ? parsed.package : undefined;
  } catch {
    return undefined;
  }
}

function claim(folder: string, packageDirectory: string, migration: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, OWNER_FILE), `${JSON.stringify({ package: packageDirectory, migration }, null, 2)}\n`);
}

/** The package folder as the file system names it (a link or a relative path names the same package). */
function packageIdentity(packageDirectory: string): string {
  try {
    return realpathSync(packageDirectory);
  } catch {
    return resolve(packageDirectory);
  }
}

export interface StatePackage {
  /** The package folder. */
  readonly directory: string;
  readonly migration: string;
}

/**
 * The state folder of a package: `state` when given, else the package's own folder under
 * `.flitmap/`. A command that writes state (`run`) creates and claims it; one that only reads it
 * leaves the file system as it is when the package has no folder yet.
 */
export function stateDirectory(context: CommandContext, owner: StatePackage, state: string | undefined, use: "write" | "read"): string {
  if (state !== undefined) return resolve(context.cwd, state);
  const identity = packageIdentity(owner.directory);
  const shared = join(context.cwd, ".flitmap", owner.migration);
  const sharedOwner = ownerOf(shared);
  if (sharedOwner === identity) return shared;
  if (sharedOwner === undefined) {
    const earlier = existsSync(shared);
    if (!earlier && use === "read") return shared;
    claim(shared, identity, owner.migration);
    if (earlier)
      context.stderr(
        `flitmap: ${relative(context.cwd, shared)} was left by an earlier version of Flitmap and is now the state folder of ${relative(context.cwd, identity) || "."} (another package named ${owner.migration} gets a folder of its own)\n`,
      );
    return shared;
  }
  const own = `${shared}-${createHash("sha256").update(identity).digest("hex").slice(0, 8)}`;
  if (use === "write" && ownerOf(own) !== identity) claim(own, identity, owner.migration);
  return own;
}
