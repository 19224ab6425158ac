/**
 * The diff page in a real browser: Debian's Chromium driven by playwright-core opens the page the
 * diff of a run writes (after two deliberate changes in the Odoo test double), finds its tables
 * with the expected rows, filters by model and by text, and leaves a screenshot in
 * test-artifacts/. Skipped, saying why, only where Chromium is not installed.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Journal } from "../../runtime/journal/journal.js";
import { diffMigration } from "../../runtime/lifecycle/diff.js";
import { diffHtml } from "../../runtime/render/diff.js";
import { FIXTURE_EXPORT, compileFixture, connectDouble, runLive, startSeededDouble, temporaryDirectory } from "../runtime/support.js";

const CHROMIUM = process.env["FLITMAP_E2E_CHROMIUM"] ?? "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");

async function diffPage(): Promise<string> {
  const plan = compileFixture();
  const double = await startSeededDouble();
  const state = temporaryDirectory("flitmap-diff-page-");
  try {
    await runLive(plan, double, state.path);
    const idOf = (name: string): number => Number(double.records("ir.model.data").find((row) => row["module"] === "crm" && row["name"] === name)?.["res_id"]);
    const admin = { uid: double.adminUid, context: { tracking_disable: true } };
    double.orm.write(admin, "res.partner", [idOf("company_C2")], { name: "Acme United Kingdom" });
    double.orm.write(admin, "sale.order.line", [idOf("quote_line_Q1-2")], { price_unit: 6, product_uom_qty: 3 });
    const client = await connectDouble(double);
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    try {
      return diffHtml(await diffMigration({ plan, sourceDirectory: FIXTURE_EXPORT, client, journal }));
    } finally {
      journal.close();
      await client.close();
    }
  } finally {
    await double.stop();
    state.remove();
  }
}

describe("the diff page in Chromium", () => {
  it.skipIf(!existsSync(CHROMIUM))(
    `renders its tables and filters them (needs Chromium at ${CHROMIUM})`,
    async () => {
      const directory = temporaryDirectory("flitmap-diff-html-");
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      try {
        const file = join(directory.path, "diff.html");
        writeFileSync(file, await diffPage());
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const requests: string[] = [];
        page.on("request", (request) => requests.push(request.url()));
        await page.goto(pathToFileURL(file).href);
        expect(await page.locator("h1").textContent()).toBe("Diff of crm");
        expect(await page.locator('table[data-table="fields"] tbody tr').count()).toBe(3);
        const differences = page.locator('table[data-table="differences"] tbody tr');
        expect(await differences.count()).toBe(3);
        expect(await page.locator('[data-count="differences"]').textContent()).toBe("3 of 3 rows");

        await page.selectOption('select[data-column-filter="differences"][data-column="0"]', "sale.order.line");
        expect(await page.locator('table[data-table="differences"] tbody tr:not([hidden])').count()).toBe(2);
        expect(await page.locator('[data-count="differences"]').textContent()).toBe("2 of 3 rows");
        await page.selectOption('select[data-column-filter="differences"][data-column="0"]', "");
        await page.fill('input[data-filter="differences"]', "united kingdom");
        const shown = page.locator('table[data-table="differences"] tbody tr:not([hidden])');
        expect(await shown.count()).toBe(1);
        expect(await shown.locator("td").allTextContents()).toEqual([
          "res.partner",
          "name",
          "crm.company_C2",
          expect.stringMatching(/^\d+$/),
          "Acme UK",
          "Acme United Kingdom",
        ]);
        await page.fill('input[data-filter="differences"]', "");

        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, "diff-page.png"), fullPage: true });
        // The page is one file: nothing but itself was asked for.
        expect(requests).toEqual([pathToFileURL(file).href]);
      } finally {
        await browser.close();
        directory.remove();
      }
    },
    60_000,
  );
});
