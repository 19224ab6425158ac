/** The shipped mappings are what a user copies: formatted as `flitmap fmt` and Prettier print them, and clean. */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/helpers.js";

describe("shipped mappings", () => {
  it("are formatted (flitmap fmt --check) and check without errors", () => {
    const fmt = runCli(["fmt", "--check", "mappings"]);
    expect([fmt.status, fmt.stderr]).toEqual([0, ""]);
    expect(fmt.stdout).toMatch(/^checked \d+ files: all formatted\n$/);
    const check = runCli(["check", "mappings", "--format", "json"]);
    // eslint's JSON format: severity 2 is an error.
    const files = JSON.parse(check.stdout) as { filePath: string; messages: { severity: number; message: string }[] }[];
    expect(files.flatMap((file) => file.messages.filter((message) => message.severity === 2).map((message) => `${file.filePath}: ${message.message}`))).toEqual(
      [],
    );
    expect(check.status).toBe(0);
  });
});
