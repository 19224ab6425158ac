/** Reading source exports (CSV) into typed rows, for the runtime and for tools that inspect exports. */

export * from "./values.js";
export * from "./dates.js";
export * from "./numbers.js";
export * from "./text-values.js";
export * from "./detect.js";
export * from "./decode.js";
export * from "./files.js";
export * from "./probe.js";
export * from "./records.js";
export * from "./key-index.js";
export * from "./key-slots.js";
export * from "./csv-reader.js";
export type * from "./entity-reading.js";
export { normaliseHeader } from "./file-layout.js";
export * from "./attachments.js";
export * from "./infer.js";
