/**
 * File built-ins: file (the content, base64), mimetype (from the first bytes) and filename (the
 * base name). Reading goes through the context's `readFile`, which keeps paths inside the export
 * folder; filename is pure.
 */
import { defineBuiltin, describeValue, noArguments, wrongInput, type DefinedBuiltin } from "./builtin-support.js";
import { textResult } from "./builtin-text.js";
import { ok, reject } from "./values.js";

/** The last part of a path; `\` separates folders as `/` does, because PerfectView writes Windows paths. */
export function baseName(path: string): string {
  const parts = path.trim().split(/[\\/]/);
  return (parts[parts.length - 1] ?? "").trim();
}

const file = defineBuiltin({
  name: "file",
  readArguments: noArguments("file"),
  asynchronous: true,
  apply: async (input, _args, context) => {
    if (typeof input !== "string") return wrongInput("file", "a file path", input);
    const read = await context.readFile(input.trim());
    return read.ok ? ok(read.base64) : reject(read.reason);
  },
});

const mimetype = defineBuiltin({
  name: "mimetype",
  readArguments: noArguments("mimetype"),
  asynchronous: true,
  apply: async (input, _args, context) => {
    if (typeof input !== "string") return wrongInput("mimetype", "a file path", input);
    const read = await context.readFile(input.trim());
    return read.ok ? ok(read.mimetype) : reject(read.reason);
  },
});

const filename = defineBuiltin({
  name: "filename",
  readArguments: noArguments("filename"),
  apply: (input) => {
    if (typeof input !== "string") return wrongInput("filename", "a file path", input);
    const name = baseName(input);
    return name === "" ? reject(`${describeValue(input.trim())} names a folder, not a file`) : textResult(name);
  },
});

export const FILE_BUILTINS: readonly DefinedBuiltin[] = [file, mimetype, filename];
