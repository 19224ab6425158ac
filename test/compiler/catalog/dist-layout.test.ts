import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const packageRoot = mkdtempSync(join(tmpdir(), "flitmap-dist-layout-"));
afterAll(() => rmSync(packageRoot, { recursive: true, force: true }));

describe("catalogs from the built package", () => {
  it("are found from dist/compiler/catalog/, where tsc puts the compiled modules without the JSON", () => {
    // The layout of an installed package: dist/ beside compiler/catalogs/ (tsc copies no JSON).
    const sourceDir = join(repoRoot, "compiler", "catalog");
    const outDir = join(packageRoot, "dist", "compiler", "catalog");
    mkdirSync(outDir, { recursive: true });
    for (const file of readdirSync(sourceDir).filter((name) => name.endsWith(".ts"))) {
      const output = ts.transpileModule(readFileSync(join(sourceDir, file), "utf8"), {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        fileName: file,
      });
      writeFileSync(join(outDir, file.replace(/\.ts$/, ".js")), output.outputText);
    }
    mkdirSync(join(packageRoot, "compiler"));
    symlinkSync(join(repoRoot, "compiler", "catalogs"), join(packageRoot, "compiler", "catalogs"), "dir");
    symlinkSync(join(repoRoot, "node_modules"), join(packageRoot, "node_modules"), "dir");
    writeFileSync(join(packageRoot, "package.json"), JSON.stringify({ name: "flitmap-layout-check", type: "module" }));

    const script = [
      `const catalog = await import(${JSON.stringify(join(outDir, "index.js"))});`,
      'const schema = catalog.loadShippedCatalog("19.0");',
      'console.log(JSON.stringify([catalog.listShippedSeries(), schema.serverVersion, catalog.seriesHavingField("res.partner", "mobile")]));',
    ].join("\n");
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageRoot, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual([["17.0", "18.0", "19.0"], "19.0", ["17.0", "18.0"]]);
  });
});
