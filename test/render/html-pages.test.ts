/**
 * The assessment and audit report pages opened in a real browser (Debian's Chromium driven by
 * playwright-core): their tables render with the rows the JSON holds, the text and column filters
 * narrow them, nothing is fetched from anywhere, and a screenshot of each goes to
 * test-artifacts/lifecycle/. Skipped, saying why, only when Chromium is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assessment } from "../../runtime/lifecycle/assess.js";
import type { AuditReport } from "../../runtime/lifecycle/report.js";
import { decisionTitle } from "../../runtime/render/report.js";
import { runCliInProcess } from "../cli/helpers.js";

const REPOSITORY = join(import.meta.dirname, "../..");
const PACKAGE = join(REPOSITORY, "mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");
const CHROMIUM = process.env["FLITMAP_E2E_CHROMIUM"] ?? "/usr/bin/chromium";
const ARTIFACTS = join(REPOSITORY, "test-artifacts", "lifecycle");
const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Rows of a table the filters leave visible. */
async function visibleRows(page: Page, table: string): Promise<number> {
  return page.locator(`table[data-table="${table}"] tbody tr:not([hidden])`).count();
}

describe.skipIf(!HAS_CHROMIUM)(
  `the HTML pages in headless Chromium${HAS_CHROMIUM ? "" : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium, or set FLITMAP_E2E_CHROMIUM)`}`,
  () => {
    let directory: string;
    let browser: Browser;
    let assessment: Assessment;
    let report: AuditReport;
    const pages = { plan: "", report: "" };
    const requests: string[] = [];

    beforeAll(async () => {
      directory = mkdtempSync(join(tmpdir(), "flitmap-pages-"));
      pages.plan = join(directory, "plan.html");
      const planned = await runCliInProcess(["plan", PACKAGE, "--source", SAMPLE, "--json", join(directory, "plan.json"), "--html", pages.plan]);
      expect(planned.code, planned.stderr).toBe(0);
      assessment = JSON.parse(readFileSync(join(directory, "plan.json"), "utf8")) as Assessment;
      const state = join(directory, "state");
      expect((await runCliInProcess(["run", PACKAGE, "--source", SAMPLE, "--dry-run", "--state", state])).code).toBe(0);
      pages.report = join(directory, "report.html");
      await runCliInProcess(["report", PACKAGE, "--state", state, "--format", "html", "-o", pages.report]);
      report = JSON.parse((await runCliInProcess(["report", PACKAGE, "--state", state, "--format", "json"])).stdout) as AuditReport;
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(directory, { recursive: true, force: true });
    });

    async function open(path: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path).href);
      return page;
    }

    it("renders the assessment's tables with the rows the assessment holds, and filters them", async () => {
      const page = await open(pages.plan);
      expect(await page.title()).toBe("Assessment of perfectbooks_to_odoo");
      expect(await visibleRows(page, "entities")).toBe(assessment.entities.length);
      expect(await visibleRows(page, "steps")).toBe(assessment.steps.length);
      expect(await visibleRows(page, "custom-fields")).toBe(assessment.customFields.length);
      expect(await visibleRows(page, "lookup-values")).toBe(
        assessment.lookups.reduce((sum, lookup) => sum + lookup.matched.length + lookup.unmatched.length, 0),
      );
      const examples = assessment.rejects.groups.flatMap((group) => group.examples.map((example) => ({ entity: group.entity, ...example })));
      expect(await visibleRows(page, "reject-examples")).toBe(examples.length);

      // The text filter keeps the rows that contain the text, anywhere.
      await page.fill('input[data-filter="reject-examples"]', "tasks.csv");
      expect(await visibleRows(page, "reject-examples")).toBe(examples.filter((example) => example.file === "tasks.csv").length);
      expect(await page.textContent('[data-count="reject-examples"]')).toBe(
        `${examples.filter((example) => example.file === "tasks.csv").length} of ${examples.length} rows`,
      );
      await page.fill('input[data-filter="reject-examples"]', "");
      expect(await visibleRows(page, "reject-examples")).toBe(examples.length);

      // A column's select keeps the rows whose cell is the value chosen.
      await page.selectOption('select[data-column-filter="reject-groups"][data-column="0"]', "Attachment");
      expect(await visibleRows(page, "reject-groups")).toBe(assessment.rejects.groups.filter((group) => group.entity === "Attachment").length);
      await page.selectOption('select[data-column-filter="lookup-values"][data-column="3"]', "no");
      expect(await visibleRows(page, "lookup-values")).toBe(assessment.lookups.reduce((sum, lookup) => sum + lookup.unmatched.length, 0));
      // Both filters of a table at once.
      await page.fill('input[data-filter="lookup-values"]', "zara");
      expect(await visibleRows(page, "lookup-values")).toBe(
        assessment.lookups.flatMap((lookup) => lookup.unmatched).filter((entry) => entry.value.includes("zara")).length,
      );
      await page.fill('input[data-filter="lookup-values"]', "");
      await page.screenshot({ path: join(ARTIFACTS, "plan.png"), fullPage: true });
      await page.close();
    }, 60_000);

    it("renders the audit report's tables and filters its decisions", async () => {
      const page = await open(pages.report);
      expect(await visibleRows(page, "entities")).toBe(report.entities.length);
      expect(await visibleRows(page, "models")).toBe(report.models.length);
      expect(await visibleRows(page, "decisions")).toBe(report.decisions.length);
      await page.selectOption('select[data-column-filter="decisions"][data-column="0"]', "lookup fell back");
      expect(await visibleRows(page, "decisions")).toBe(report.decisions.filter((decision) => decision.kind === "lookup-fallback").length);
      await page.selectOption('select[data-column-filter="decisions"][data-column="0"]', "");
      // The text filter reads a row as its cells' text, case aside.
      await page.fill('input[data-filter="decisions"]', "Company.");
      const rowText = (decision: AuditReport["decisions"][number]): string =>
        [decisionTitle(decision), decision.where, decision.count.toLocaleString("en"), decision.what, decision.examples.join("\n")].join("").toLowerCase();
      const expected = report.decisions.filter((decision) => rowText(decision).includes("company.")).length;
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(report.decisions.length);
      expect(await visibleRows(page, "decisions")).toBe(expected);
      await page.fill('input[data-filter="decisions"]', "");
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
      await page.close();
      expect(existsSync(join(ARTIFACTS, "plan.png"))).toBe(true);
      expect(existsSync(join(ARTIFACTS, "report.png"))).toBe(true);
    }, 60_000);

    it("fetches nothing but the page itself", () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
    });
  },
);
