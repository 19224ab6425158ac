/**
 * End to end in a real VS Code: code-server (VS Code served to a browser) with the packaged
 * .vsix installed, driven through Debian's Chromium by playwright-core, as a user would: open a
 * mapping with a mistake and read from the page the squiggle, the Problems panel, the hover on the
 * mistake and on an Odoo field, the completion of res.partner's fields and of the source's columns,
 * and keyword completion. Screenshots go to test-artifacts/vscode-e2e/.
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
/** The rest of the package, so that the server knows the target Odoo and the source's columns. */
const PACKAGE_FILES: Readonly<Record<string, string>> = {
  "migration.flitmap": 'migration pb {\n  source pb\n  target odoo "17.0"\n}\n',
  "source.flitmap":
    'source pb {\n  entity Company "companies.csv" key id {\n    id        text\n    naam      text\n    mail      email\n    vestiging text\n  }\n}\n',
};

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
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
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
  for (const [name, text] of Object.entries(PACKAGE_FILES)) writeFileSync(join(workspace, name), text);
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
  const install = spawnSync(CODE_SERVER, ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", VSIX, "--force"], {
    env: environment,
    encoding: "utf8",
    timeout: 120_000,
  });
  check(
    "install the .vsix",
    install.status === 0 && /successfully installed/i.test(install.stdout),
    (install.stdout + install.stderr).trim().split("\n").pop() ?? "",
  );

  const port = await freePort();
  const server = spawn(
    CODE_SERVER,
    [
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      "--user-data-dir",
      userData,
      "--extensions-dir",
      extensions,
      workspace,
    ],
    { env: environment, detached: true, stdio: ["ignore", "ignore", "ignore"] },
  );
  let browser: Browser | undefined;
  try {
    await waitForHealth(port, 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
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
    check(
      "error squiggle",
      (await page.locator(".monaco-editor .squiggly-error").count()) >= 1,
      `${await page.locator(".monaco-editor .squiggly-error").count()} squiggle(s)`,
    );

    await page.keyboard.press("Control+Shift+M");
    const problem = page.locator(".markers-panel .monaco-list-row").filter({ hasText: "FM101" }).first();
    await problem.waitFor({ timeout: 30_000 });
    const problemText = (await problem.textContent()) ?? "";
    await screenshot(page, "2-problems");
    check(
      "Problems panel entry",
      problemText.includes("after the field name `email`, found `mail`") && problemText.includes("Ln 3, Col 9"),
      JSON.stringify(problemText),
    );

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

    // Hover on an Odoo field: `name` in `name <- naam | trim` is res.partner's.
    const field = page.locator(".monaco-editor .view-line span", { hasText: /^name$/ }).first();
    const fieldBox = await field.boundingBox();
    if (fieldBox === null) throw new Error("the field name has no box on the page");
    await page.mouse.move(fieldBox.x + fieldBox.width / 2, fieldBox.y + fieldBox.height / 2);
    const fieldHover = page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "res.partner.name" }).first();
    await fieldHover.waitFor({ timeout: 15_000 });
    const fieldHoverText = (await fieldHover.textContent()) ?? "";
    await screenshot(page, "4-field-hover");
    check(
      "hover on an Odoo field (type, label, versions)",
      fieldHoverText.includes("res.partner.name: char") && fieldHoverText.includes("Name") && fieldHoverText.includes("In Odoo 17.0, 18.0, 19.0"),
      JSON.stringify(fieldHoverText.slice(0, 200)),
    );
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");

    // Completion of res.partner's fields on a new line of the map's body.
    await field.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("paren");
    await page.keyboard.press("Control+Space");
    const fieldRows = page.locator(".suggest-widget .monaco-list-row");
    await fieldRows.filter({ hasText: "parent_id" }).first().waitFor({ timeout: 20_000 });
    const fieldLabels = await Promise.all(
      (await fieldRows.all()).map(async (row) => ((await row.getAttribute("aria-label")) ?? "") + " | " + ((await row.textContent()) ?? "")),
    );
    await screenshot(page, "5-field-completion");
    check(
      "completion of res.partner's fields (with their types and labels)",
      fieldLabels.some((label) => label.startsWith("parent_id") && label.includes("many2one → res.partner") && label.includes("Related Company")),
      JSON.stringify(fieldLabels),
    );
    // Accept it, and ask for the value: the source's columns.
    await page.keyboard.press("Enter");
    await page.keyboard.type(" <- ");
    await page.keyboard.press("Control+Space");
    const columnRows = page.locator(".suggest-widget .monaco-list-row");
    await columnRows.filter({ hasText: "vestiging" }).first().waitFor({ timeout: 20_000 });
    const columnLabels = await Promise.all((await columnRows.all()).map(async (row) => (await row.getAttribute("aria-label")) ?? ""));
    const lineText = ((await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "").replace(/\u00a0/g, " ");
    await screenshot(page, "6-column-completion");
    check("the accepted field is written", lineText.includes("parent_id <-"), JSON.stringify(lineText));
    check(
      "completion of the source's columns after `<-`",
      ["id", "naam", "mail", "vestiging"].every((column) => columnLabels.some((label) => label.startsWith(column))),
      JSON.stringify(columnLabels),
    );
    await page.keyboard.press("Escape");
    await page.keyboard.type("vestiging");

    // Completion at the start of a new top-level line: the grammar allows the declaration keywords.
    await page.locator(".monaco-editor .view-line").last().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("ta");
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".suggest-widget .monaco-list-row");
    await suggestions.first().waitFor({ timeout: 20_000 });
    // Each row's aria-label names the item and its kind ("table, keyword" or "table, snippet").
    const labels = await Promise.all((await suggestions.all()).map(async (row) => (await row.getAttribute("aria-label")) ?? ""));
    await screenshot(page, "7-keyword-completion");
    check(
      "keyword completion from the server",
      labels.some((label) => /^table\b.*keyword/i.test(label)),
      JSON.stringify(labels),
    );
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
