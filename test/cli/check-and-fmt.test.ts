import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, temporaryDirectory } from "./helpers.js";

let workspace: { path: string; remove: () => void };

beforeEach(() => {
  workspace = temporaryDirectory("flitmap-cli-");
});
afterEach(() => workspace.remove());

const BROKEN = `map Company -> res.partner {\n  name company_name\n}\n`;
const HEADER = `migration m {\n  source s\n  target odoo "17.0"\n}\n\nsource s {\n  entity Company "c.csv" key id {\n    id     text\n    name   text required\n    domain text\n  }\n}\n\n`;
const MESSY = `${HEADER}map Company -> res.partner {\nname <- name|trim\n  website<-domain\n}\n`;
const TIDY = `${HEADER}map Company -> res.partner {\n  name    <- name | trim\n  website <- domain\n}\n`;

function write(relativePath: string, text: string): string {
  const path = join(workspace.path, relativePath);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("flitmap check", () => {
  it("prints stylish diagnostics grouped by file and exits 1 on errors", () => {
    write("pkg/broken.flitmap", BROKEN);
    write("other/tidy.flitmap", TIDY);
    const result = runCli(["check", "pkg", "other"], { cwd: workspace.path });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("flitmap: 1 error in 2 files in 2 packages\n");
    expect(result.stdout).toBe(
      [
        "pkg/broken.flitmap",
        "  2:8  error  expected `<-` (a value from the source) or `=` (a constant) after the field name `name`, found `company_name`  FM101",
        "",
        "✖ 1 problem (1 error, 0 warnings)",
        "",
      ].join("\n"),
    );
  });

  it("exits 0 for clean files and says what it checked", () => {
    write("pkg/tidy.flitmap", TIDY);
    expect(runCli(["check", "pkg"], { cwd: workspace.path })).toMatchObject({ status: 0, stdout: "checked 1 file in 1 package: no problems\n", stderr: "" });
    // A machine format keeps standard output to the report alone.
    expect(runCli(["check", "--format", "json", "pkg"], { cwd: workspace.path })).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^\[/) as unknown,
      stderr: "checked 1 file in 1 package: no problems\n",
    });
  });

  it("exits 2 when the paths hold no package, instead of a silent success", () => {
    write("export/companies.csv", "id,name\n1,A\n");
    for (const args of [["check", "export"], ["check"], ["fmt", "--check", "export"]]) {
      const result = runCli(args, { cwd: args.length === 1 ? join(workspace.path, "export") : workspace.path });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^flitmap: no \.flitmap file in (export|the current folder): nothing was (checked|formatted)\n$/);
    }
  });

  it("writes JSON, SARIF 2.1.0 and GitHub annotations", () => {
    write("pkg/broken.flitmap", BROKEN);
    const json = runCli(["check", "--format", "json", "pkg"], { cwd: workspace.path });
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        filePath: join(workspace.path, "pkg/broken.flitmap"),
        errorCount: 1,
        warningCount: 0,
        messages: [
          {
            code: "FM101",
            severity: "error",
            message: "expected `<-` (a value from the source) or `=` (a constant) after the field name `name`, found `company_name`",
            line: 2,
            column: 8,
            endLine: 2,
            endColumn: 20,
          },
        ],
      },
    ]);
    const sarif = JSON.parse(runCli(["check", "--format", "sarif", "pkg"], { cwd: workspace.path }).stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.tool.driver.rules.map((rule) => rule.id)).toEqual(["FM101"]);
    expect(sarif.runs[0]?.results[0]).toMatchObject({
      ruleId: "FM101",
      level: "error",
      locations: [
        { physicalLocation: { artifactLocation: { uri: "pkg/broken.flitmap" }, region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 20 } } },
      ],
    });
    const github = runCli(["check", "--format", "github", "pkg"], { cwd: workspace.path });
    expect(github.stdout).toBe(
      "::error file=pkg/broken.flitmap,line=2,col=8,endLine=2,endColumn=20,title=FM101::expected `<-` (a value from the source) or `=` (a constant) after the field name `name`, found `company_name`\n",
    );
  });

  it("exits 2 on wrong usage and on missing paths", () => {
    expect(runCli(["check", "--format", "xml"], { cwd: workspace.path })).toMatchObject({
      status: 2,
      stderr: 'flitmap: unknown format "xml": use one of stylish, json, sarif, github\n',
    });
    expect(runCli(["check", "nowhere"], { cwd: workspace.path })).toMatchObject({ status: 2, stderr: "flitmap: nowhere: no such file or folder\n" });
    expect(runCli(["frobnicate"], { cwd: workspace.path }).status).toBe(2);
  });
});

describe("flitmap fmt", () => {
  it("reports unformatted files with --check and exits 1, without writing", () => {
    const path = write("pkg/messy.flitmap", MESSY);
    const result = runCli(["fmt", "--check", "pkg"], { cwd: workspace.path });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("pkg/messy.flitmap: not formatted\n");
    expect(result.stderr).toBe("flitmap: 1 of 1 file need formatting: run `flitmap fmt`\n");
    expect(readFileSync(path, "utf8")).toBe(MESSY);
  });

  it("rewrites files in place, then --check passes", () => {
    const path = write("pkg/messy.flitmap", MESSY);
    expect(runCli(["fmt", "pkg"], { cwd: workspace.path })).toMatchObject({ status: 0, stdout: "pkg/messy.flitmap: formatted\n1 file: 1 formatted\n" });
    expect(readFileSync(path, "utf8")).toBe(TIDY);
    expect(runCli(["fmt", "--check", "pkg"], { cwd: workspace.path })).toMatchObject({ status: 0, stdout: "checked 1 file: all formatted\n" });
  });

  it("never rewrites a file with syntax errors", () => {
    const path = write("pkg/broken.flitmap", BROKEN);
    const result = runCli(["fmt", "pkg"], { cwd: workspace.path });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("pkg/broken.flitmap:2:8: not formatted: expected `<-`");
    expect(readFileSync(path, "utf8")).toBe(BROKEN);
  });

  it("agrees with prettier and its plugin byte for byte", () => {
    const path = write("pkg/messy.flitmap", MESSY);
    const prettier = runPrettier(path);
    expect(prettier).toBe(TIDY);
  });

  it("writes a named step on one line, or a step per line when it is long, as prettier does", () => {
    const messy = `step tidy=trim|upper\nstep fold = upper | replace("Ά", "Α") | replace("Έ", "Ε") | replace("Ή", "Η") | replace("Ί", "Ι") | replace("Ό", "Ο")\n`;
    const tidy = `step tidy = trim | upper\n\nstep fold = upper\n  | replace("Ά", "Α")\n  | replace("Έ", "Ε")\n  | replace("Ή", "Η")\n  | replace("Ί", "Ι")\n  | replace("Ό", "Ο")\n`;
    const path = write("steps/steps.flitmap", messy);
    expect(runPrettier(path)).toBe(tidy);
    expect(runCli(["fmt", "steps"], { cwd: workspace.path })).toMatchObject({ status: 0 });
    expect(readFileSync(path, "utf8")).toBe(tidy);
    expect(runCli(["fmt", "--check", "steps"], { cwd: workspace.path })).toMatchObject({ status: 0, stdout: "checked 1 file: all formatted\n" });
  });

  it("writes a named step's fallbacks on one line, or one per line after its `??`, as prettier does", () => {
    const messy = `step tidy=trim??upper|lower\nstep firm = ref customer by name optional ?? short_form | ref customer by name optional ?? long_form | ref customer by name\n`;
    const tidy = `step tidy = trim ?? upper | lower\n\nstep firm = ref customer by name optional\n  ?? short_form | ref customer by name optional\n  ?? long_form | ref customer by name\n`;
    const path = write("fallbacks/steps.flitmap", messy);
    expect(runPrettier(path)).toBe(tidy);
    expect(runCli(["fmt", "fallbacks"], { cwd: workspace.path })).toMatchObject({ status: 0 });
    expect(readFileSync(path, "utf8")).toBe(tidy);
  });
});

function runPrettier(path: string): string {
  const result = spawnSync(
    process.execPath,
    [
      join(import.meta.dirname, "../../node_modules/prettier/bin/prettier.cjs"),
      "--plugin",
      join(import.meta.dirname, "../../dist/language/prettier-plugin.js"),
      path,
    ],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}
