export type * from "./ast.js";
export { isMissing } from "./ast.js";
export type { Diagnostic, Fix, RelatedLocation, Severity, TextEdit } from "./diagnostic.js";
export { compareDiagnostics } from "./diagnostic.js";
export type { Position, Range } from "./location.js";
export { lineStartsOf, positionAt, rangeContains } from "./location.js";
export { parse, type ParseResult } from "./parse.js";
