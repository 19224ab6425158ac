#!/usr/bin/env node
// The one test command (README, .ci/run): builds, type-checks, lints, runs every suite, and ends with
// a single "N passed, N failed" line that CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

let passed = 0;
let failed = 0;

function step(label, command, args, options = {}) {
  process.stdout.write(`\n== ${label}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  return result.status === 0;
}

function countStep(label, command, args) {
  if (step(label, command, args)) passed += 1;
  else failed += 1;
}

countStep("build", "npm", ["run", "--silent", "build"]);
countStep("typecheck", "npx", ["tsc", "-p", "tsconfig.test.json"]);
// The benchmarks are bundled by esbuild, which does not check types: a broken import showed only when someone ran tsc on them.
countStep("typecheck benchmarks", "npx", ["tsc", "-p", "bench/tsconfig.json"]);
// typescript-eslint with type information (eslint.config.mjs); the layering and the sizes are
// checked by test/architecture/architecture.test.ts among the unit tests.
countStep("lint", "npx", ["eslint", "--max-warnings", "0", "."]);

const reportDir = mkdtempSync(join(tmpdir(), "flitmap-vitest-"));
const reportFile = join(reportDir, "report.json");
step("unit and end-to-end tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`]);
try {
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A file that fails to load has no failing test of its own, yet must fail the run.
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((test) => test.status === "failed").length;
    if (file.status === "failed" && failedInFile === 0) failed += 1;
  }
  if ((report.numTotalTests ?? 0) === 0) failed += 1;
} catch (error) {
  process.stdout.write(`could not read the vitest report: ${error}\n`);
  failed += 1;
}
rmSync(reportDir, { recursive: true, force: true });

countStep("extension grammar tests", "npm", ["run", "--silent", "test:grammar", "-w", "vscode-extension"]);

// The extension in a real VS Code (code-server in headless Chromium) needs what
// vscode-extension/scripts/e2e-setup.sh installs; CI runs it, so there a missing setup is a failure.
const e2eCache = process.env.FLITMAP_E2E_CACHE ?? join(homedir(), ".cache", "flitmap-e2e");
if (existsSync(join(e2eCache, "node_modules", ".bin", "code-server"))) {
  const e2e = spawnSync("npm", ["run", "--silent", "test:e2e", "-w", "vscode-extension"], { encoding: "utf8" });
  process.stdout.write(`\n== extension end-to-end tests in code-server\n${e2e.stdout}${e2e.stderr}`);
  const summary = /vscode e2e: (\d+) passed, (\d+) failed/.exec(e2e.stdout ?? "");
  if (summary === null) failed += 1;
  else {
    passed += Number(summary[1]);
    failed += Number(summary[2]) + (e2e.status !== 0 && Number(summary[2]) === 0 ? 1 : 0);
  }
} else if (process.env.CI === "true") {
  process.stdout.write("\n== extension end-to-end tests: code-server is missing; run vscode-extension/scripts/e2e-setup.sh\n");
  failed += 1;
} else {
  process.stdout.write("\n== extension end-to-end tests skipped: run vscode-extension/scripts/e2e-setup.sh (as root) to enable them\n");
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
