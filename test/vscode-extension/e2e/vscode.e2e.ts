/**
 * End to end in a real VS Code: code-server (VS Code served to a browser) with the packaged
 * .vsix installed, driven through Debian's Chromium by playwright-core, as a user would: open a
 * mapping with a mistake and read the squiggle, the Problems panel, a completion list and a hover
 * from the page. Screenshots go to test-artifacts/vscode-e2e/.
 *
 * Needs `vscode-extension/scripts/e2e-setup.sh` (Chromium, code-server) and the .vsix
 * (`npm run test:e2e -w vscode-extension` builds it, then runs this). Ends with "N passed, N failed".
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const REPOSITORY = resolve(import.meta.dirname, "../../..");
const VSIX = join(REPOSITORY, "vscode-extension", "out", "flitmap.vsix");
const CACHE = process.env["FLITMAP_E2E_CACHE"] ?? join(homedir(), ".cache", "flitmap-e2e");
const CODE_SERVER = join(CACHE, "node_modules", ".bin", "code-server");
const CHROMIUM = process.env["FLITMAP_E2E_CHROMIUM"] ?? "/usr/bin/chromium";
const ARTIFACTS = join(REPOSITORY, "test-artifacts", "vscode-e2e");

/** The mapping opened in the editor: line 3 lacks its `<-`, a syntax error (FM101) the server reports. */
const MAPPING_FILE = "companies.flitmap";
const MAPPING = `map Company -> res.partner as company {
  name <- naam | trim
  email mail
}
`;

let passed = 0;
let failed = 0;

function check(label: string, ok: boolean, detail: string): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}: ${detail}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function stopProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  // The whole group: a plain kill of code-server can leave its file watcher running.
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function run(): Promise<void> {
  for (const [what, path] of [
    ["code-server (run vscode-extension/scripts/e2e-setup.sh)", CODE_SERVER],
    ["Chromium (run vscode-extension/scripts/e2e-setup.sh)", CHROMIUM],
    ["the packaged extension (run npm run package -w vscode-extension)", VSIX],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), "flitmap-e2e-"));
  const workspace = join(scratch, "workspace");
  const userData = join(scratch, "user-data");
  const extensions = join(scratch, "extensions");
  mkdirSync(workspace);
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(join(workspace, MAPPING_FILE), MAPPING);
  writeFileSync(
    join(userData, "User", "settings.json"),
    JSON.stringify({
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
      "extensions.autoUpdate": false,
      "extensions.autoCheckUpdates": false,
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "security.workspace.trust.enabled": false,
      "workbench.enableExperiments": false,
      "editor.quickSuggestions": { other: false, comments: false, strings: false },
      "editor.hover.delay": 300,
    }),
  );
  const environment = { ...process.env, XDG_CONFIG_HOME: join(scratch, "config"), XDG_DATA_HOME: join(scratch, "data") };
  const install = spawnSync(CODE_SERVER, ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", VSIX, "--force"], { env: environment, encoding: "utf8", timeout: 120_000 });
  check("install the .vsix", install.status === 0 && /successfully installed/i.test(install.stdout), (install.stdout + install.stderr).trim().split("\n").pop() ?? "");

  const port = await freePort();
  const server = spawn(
    CODE_SERVER,
    [
      "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
      "--disable-getting-started-override", "--ignore-last-opened", "--user-data-dir", userData, "--extensions-dir", extensions, workspace,
    ],
    { env: environment, detached: true, stdio: ["ignore", "ignore", "ignore"] },
  );
  let browser: Browser | undefined;
  try {
    await waitForHealth(port, 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    const fileRow = page.locator(`.explorer-folders-view .monaco-list-row:has-text("${MAPPING_FILE}")`);
    await fileRow.waitFor({ timeout: 60_000 });
    await fileRow.click();
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 30_000 });

    const modeSelector = '.statusbar-item[id="status.editor.mode"]';
    // The status bar shows "Plain Text" for a moment, until the extension's language is known.
    let language = "";
    for (let attempt = 0; attempt < 60 && language !== "Flitmap"; attempt++) {
      if (attempt > 0) await page.waitForTimeout(500);
      language = ((await page.locator(modeSelector).textContent({ timeout: 30_000 })) ?? "").trim();
    }
    check("language mode", language === "Flitmap", JSON.stringify(language));

    const squiggle = page.locator(".monaco-editor .squiggly-error").first();
    await squiggle.waitFor({ timeout: 60_000 });
    await screenshot(page, "1-squiggle");
    check("error squiggle", (await page.locator(".monaco-editor .squiggly-error").count()) >= 1, `${await page.locator(".monaco-editor .squiggly-error").count()} squiggle(s)`);

    await page.keyboard.press("Control+Shift+M");
    const problem = page.locator(".markers-panel .monaco-list-row").filter({ hasText: "FM101" }).first();
    await problem.waitFor({ timeout: 30_000 });
    const problemText = (await problem.textContent()) ?? "";
    await screenshot(page, "2-problems");
    check("Problems panel entry", problemText.includes("after the field name `email`, found `mail`") && problemText.includes("Ln 3, Col 9"), JSON.stringify(problemText));

    // The squiggle is drawn in a layer under the text: point the mouse at the word it marks.
    const box = await squiggle.boundingBox();
    if (box === null) throw new Error("the squiggle has no box on the page");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator(".monaco-hover:not(.hidden)").first();
    await hover.waitFor({ timeout: 15_000 });
    const hoverText = (await hover.textContent()) ?? "";
    await screenshot(page, "3-hover");
    check("hover on the squiggle", hoverText.includes("after the field name `email`, found `mail`"), JSON.stringify(hoverText.slice(0, 200)));
    await page.keyboard.press("Escape");

    // Completion at the start of a new top-level line: the grammar allows the declaration keywords.
    await page.locator(".monaco-editor .view-line").last().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("ta");
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".suggest-widget .monaco-list-row");
    await suggestions.first().waitFor({ timeout: 20_000 });
    // Each row's aria-label names the item and its kind ("table, keyword" or "table, snippet").
    const labels = await Promise.all((await suggestions.all()).map(async (row) => (await row.getAttribute("aria-label")) ?? ""));
    await screenshot(page, "4-completion");
    check("keyword completion from the server", labels.some((label) => /^table\b.*keyword/i.test(label)), JSON.stringify(labels));
    await page.keyboard.press("Escape");
  } finally {
    await browser?.close().catch(() => undefined);
    stopProcessGroup(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  await run();
} catch (error) {
  failed += 1;
  console.log(`FAIL end-to-end run: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`\nvscode e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
