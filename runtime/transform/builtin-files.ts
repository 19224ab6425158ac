/**
 * File built-ins: file (the content, base64), mimetype (from the first bytes) and filename (the
 * base name). Reading goes through the context's `readFile`, which keeps paths inside the export
 * folder; filename is pure.
 */
import { defineBuiltin, describeValue, noArguments, wrongInput, type DefinedBuiltin } from "./builtin-support.js";
import { textResult } from "./builtin-text.js";
import type { FileRead } from "./builtins.js";
import { ok, reject, type StepOutcome } from "./values.js";

/** The last part of a path; `\` separates folders as `/` does, because PerfectView writes Windows paths. */
export function baseName(path: string): string {
  const parts = path.trim().split(/[\\/]/);
  return (parts[parts.length - 1] ?? "").trim();
}

/** A built-in that reads the file at its input and gives what `answer` takes of it. */
function fileReading(name: string, answer: (read: Extract<FileRead, { ok: true }>) => string): DefinedBuiltin {
  const outcome = (read: FileRead): StepOutcome => (read.ok ? ok(answer(read)) : reject(read.reason));
  return defineBuiltin({
    name,
    readArguments: noArguments(name),
    asynchronous: true,
    apply: (input, _args, context) => {
      if (typeof input !== "string") return wrongInput(name, "a file path", input);
      const read = context.readFile(input.trim());
      return read instanceof Promise ? read.then(outcome) : outcome(read);
    },
  });
}

const file = fileReading("file", (read) => read.base64);

const mimetype = fileReading("mimetype", (read) => read.mimetype);

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
