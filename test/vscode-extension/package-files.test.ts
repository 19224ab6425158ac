import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeFileSystem, overlayPackage, packageKeyOf, readPackage } from "../../vscode-extension/server/package-files.js";
import { temporaryDirectory } from "./helpers.js";

describe("package files", () => {
  it("lays the editor's unsaved text over the files on disk, adding unsaved new files of the folder", () => {
    const files = overlayPackage(
      "/w/pb",
      [
        { path: "/w/pb/b.flitmap", text: "disk b" },
        { path: "/w/pb/a.flitmap", text: "disk a" },
      ],
      [
        { uri: "file:///w/pb/b.flitmap", text: "editor b" },
        { uri: "file:///w/pb/new.flitmap", text: "editor new" },
        { uri: "file:///w/other/c.flitmap", text: "another package" },
        { uri: "file:///w/pb/notes.txt", text: "not a mapping" },
        { uri: "untitled:Untitled-1", text: "not a file" },
      ],
    );
    expect(files).toEqual([
      { path: "/w/pb/a.flitmap", text: "disk a" },
      { path: "/w/pb/b.flitmap", text: "editor b" },
      { path: "/w/pb/new.flitmap", text: "editor new" },
    ]);
  });

  it("names a package by its folder, or by the URI of a document that is no file", () => {
    expect(packageKeyOf("file:///w/pb/a.flitmap")).toBe("/w/pb");
    expect(packageKeyOf("file:///w/with%20space/a.flitmap")).toBe("/w/with space");
    expect(packageKeyOf("untitled:Untitled-1")).toBe("untitled:Untitled-1");
  });

  it("reads only the .flitmap files directly in the folder from disk", async () => {
    const scratch = temporaryDirectory("flitmap-package-");
    try {
      writeFileSync(join(scratch.path, "a.flitmap"), "disk a");
      writeFileSync(join(scratch.path, "b.flitmap"), "disk b");
      writeFileSync(join(scratch.path, "readme.md"), "#");
      mkdirSync(join(scratch.path, "nested"));
      writeFileSync(join(scratch.path, "nested", "c.flitmap"), "another package");
      const files = await readPackage(scratch.path, [{ uri: pathToFileURL(join(scratch.path, "b.flitmap")).href, text: "editor b" }], nodeFileSystem);
      expect(files).toEqual([
        { path: join(scratch.path, "a.flitmap"), text: "disk a" },
        { path: join(scratch.path, "b.flitmap"), text: "editor b" },
      ]);
      expect(await nodeFileSystem.listWorkspaceFiles(scratch.path)).toEqual([join(scratch.path, "a.flitmap"), join(scratch.path, "b.flitmap"), join(scratch.path, "nested", "c.flitmap")]);
      expect(await readPackage(join(scratch.path, "gone"), [], nodeFileSystem)).toEqual([]);
    } finally {
      scratch.remove();
    }
  });
});
