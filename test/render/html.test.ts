import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtmlPage } from "../../runtime/render/html.js";

describe("renderHtmlPage", () => {
  const page = renderHtmlPage({
    title: "Assessment <of> pb & co",
    subtitle: "sample",
    blocks: [
      { kind: "figures", figures: [{ label: "rejected", value: 12345, tone: "bad" }] },
      { kind: "heading", text: "Rejected rows" },
      {
        kind: "table",
        id: "rejects",
        columns: [{ title: "entity", filter: "select" }, { title: "line", align: "right" }, { title: "reason" }],
        rows: [
          ["Task", 23, "'Due Date': '00/00/0000' is not a date"],
          ["Company", 24, "<script>alert(1)</script>"],
          ["Task", 57, null],
        ],
      },
      { kind: "table", id: "none", columns: [{ title: "x" }], rows: [], empty: "no row would be rejected" },
    ],
    footer: "made by a test",
  });

  it("is one document with no external asset", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/<link|src="http|href="http|@import/);
    expect(page).toContain("default-src 'none'");
  });

  it("escapes every text it shows", () => {
    expect(page).toContain("<title>Assessment &lt;of&gt; pb &amp; co</title>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>alert(1)");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("renders a table's rows, a select of the column's distinct values, and a count", () => {
    const body = /<table data-table="rejects">[\s\S]*?<\/table>/.exec(page)?.[0] ?? "";
    expect(body.match(/<tr>/g)).toHaveLength(4);
    expect(page).toContain(
      '<select data-column-filter="rejects" data-column="0" aria-label="filter entity"><option value="">all</option><option value="Company">Company</option><option value="Task">Task</option></select>',
    );
    expect(page).toContain('<span class="count" data-count="rejects">3 of 3 rows</span>');
    expect(page).toContain('<td class="right">23</td>');
    expect(page).toContain('<div class="value">12,345</div>');
  });

  it("says what an empty table would have held", () => {
    expect(page).toContain('<p class="empty" data-empty="none">no row would be rejected</p>');
    expect(page).not.toContain('data-table="none"');
  });

  it("refuses two tables with one id, and ids that are not plain names", () => {
    const table = { kind: "table" as const, id: "t", columns: [{ title: "a" }], rows: [["1"]] };
    expect(() => renderHtmlPage({ title: "x", blocks: [table, table] })).toThrow('two tables have the id "t"');
    expect(() => renderHtmlPage({ title: "x", blocks: [{ ...table, id: 'a"b' }] })).toThrow("must be letters");
  });
});
