/**
 * The proposer is its own part on top of the compiler and the source readers: nothing below it
 * (language/, compiler/, runtime/) imports it, and it imports nothing above it (cli/, editor).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const REPOSITORY = resolve(import.meta.dirname, "../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPOSITORY, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The repository folders a file's relative imports reach (`compiler`, `runtime`, ...). */
function importedParts(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const parts: string[] = [];
  for (const match of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
    const target = relative(REPOSITORY, resolve(join(file, ".."), match[1] ?? ""));
    parts.push(target.split(/[\\/]/)[0] ?? "");
  }
  return parts;
}

describe("the proposer's place in the layers", () => {
  it("imports only the language, the compiler, the source readers and itself", () => {
    const found = sourceFiles("propose").flatMap((file) =>
      importedParts(file)
        .filter((part) => !["propose", "compiler", "language", "runtime"].includes(part))
        .map((part) => `${relative(REPOSITORY, file)} imports ${part}/`),
    );
    expect(found).toEqual([]);
    const runtime = sourceFiles("propose").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from\s+"(\.\.\/runtime\/[^"]+)"/g)]
        .map((match) => match[1] ?? "")
        .filter((path) => !path.startsWith("../runtime/source/")),
    );
    expect(runtime).toEqual([]);
  });

  it("is imported by nothing below it", () => {
    const found = ["language", "compiler", "runtime"].flatMap((folder) =>
      sourceFiles(folder)
        .filter((file) => importedParts(file).includes("propose"))
        .map((file) => relative(REPOSITORY, file)),
    );
    expect(found).toEqual([]);
  });
});
