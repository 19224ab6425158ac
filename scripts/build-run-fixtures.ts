/**
 * Rebuilds the whole-run recordings the Odoo double replays (test/fixtures/odoo/<version>/runs/
 * <package>.json.gz) from the recordings of real servers in ../shared/odoo/<version>/runs/<package>/
 * (described in ../shared/odoo/RUNS.md): every exchange's request and response body, its index
 * line and what the CLI printed per phase, in one gzip per run folder (about 29 MB of XML and
 * JSON become about 1.2 MB).
 *
 *   npx tsx scripts/build-run-fixtures.ts [recordings-dir]          write the fixtures
 *   npx tsx scripts/build-run-fixtures.ts [recordings-dir] --check  exit 1 if a fixture differs
 *
 * The default recordings-dir is the nearest ../shared/odoo above the repository. Output is
 * deterministic.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { RUN_PACKAGES, RUN_PHASES, type RecordedExchange, type RecordedRun } from "../test/odoo-double/fidelity/run-fixture.js";

const REPO_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const FIXTURES = join(REPO_ROOT, "test", "fixtures", "odoo");
const VERSIONS = ["17.0", "18.0", "19.0"] as const;

/** A line of index.jsonl: the exchange without its bodies. */
type IndexLine = Omit<RecordedExchange, "request" | "response">;

function readBody(folder: string, seq: number, kind: "request" | "response"): string | undefined {
  const stem = join(folder, `${String(seq).padStart(5, "0")}.${kind}`);
  for (const extension of ["xml", "json"]) {
    const path = `${stem}.${extension}`;
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  return undefined;
}

function buildRun(recordings: string, version: string, runPackage: string): RecordedRun {
  const folder = join(recordings, version, "runs", runPackage);
  const index = readFileSync(join(folder, "index.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as IndexLine);
  const exchanges: RecordedExchange[] = index.map((line) => {
    const request = readBody(folder, line.seq, "request");
    const response = readBody(folder, line.seq, "response");
    return {
      seq: line.seq,
      phase: line.phase,
      path: line.path,
      status: line.status,
      ...(line.ms === undefined ? {} : { ms: line.ms }),
      authorization: line.authorization,
      database: line.database,
      ...(request === undefined ? {} : { request }),
      ...(response === undefined ? {} : { response }),
    };
  });
  const logs: Record<string, string> = {};
  for (const phase of RUN_PHASES) {
    const path = join(folder, `${phase}.log`);
    if (existsSync(path)) logs[phase] = readFileSync(path, "utf8");
  }
  const unexpected = readdirSync(folder).filter((name) => !/^\d{5}\.(request|response)\.(xml|json)$/.test(name) && name !== "index.jsonl" && !name.endsWith(".log"));
  if (unexpected.length > 0) throw new Error(`${folder}: files this script does not know: ${unexpected.join(", ")}`);
  return { version, package: runPackage, exchanges, logs };
}

/** ../shared/odoo beside the repository, or beside a parent folder (a git worktree under wt/). */
function defaultRecordings(): string {
  let folder = REPO_ROOT;
  for (let depth = 0; depth < 3; depth += 1) {
    const candidate = join(folder, "..", "shared", "odoo");
    if (existsSync(join(candidate, "RUNS.md"))) return resolve(candidate);
    folder = join(folder, "..");
  }
  throw new Error("no ../shared/odoo with RUNS.md found: give the recordings folder as the first argument");
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const given = args.find((arg) => !arg.startsWith("--"));
  const recordings = given === undefined ? defaultRecordings() : resolve(given);
  let differs = false;
  for (const version of VERSIONS) {
    for (const runPackage of RUN_PACKAGES) {
      const run = buildRun(recordings, version, runPackage);
      const target = join(FIXTURES, version, "runs", `${runPackage}.json.gz`);
      const json = `${JSON.stringify(run)}\n`;
      if (check) {
        const current = existsSync(target) ? gunzipSync(readFileSync(target)).toString("utf8") : "";
        if (current !== json) {
          differs = true;
          console.error(`${target} differs from a rebuild of ${recordings}`);
        }
        continue;
      }
      mkdirSync(join(FIXTURES, version, "runs"), { recursive: true });
      // mtime 0 in the gzip header keeps the bytes identical across rebuilds.
      writeFileSync(target, gzipSync(Buffer.from(json, "utf8"), { level: 9 }));
      console.log(`${target}: ${run.exchanges.length} exchanges`);
    }
  }
  if (differs) process.exitCode = 1;
}

main();
