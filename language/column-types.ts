/**
 * The types a source column can be declared with (`amount money`): the one list the parser, the
 * compiler, the plan's schema and the source readers share (docs/language.md describes each).
 */
export const COLUMN_TYPES = ["text", "integer", "decimal", "money", "date", "datetime", "boolean", "email", "phone", "url", "file"] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];

const COLUMN_TYPE_SET: ReadonlySet<string> = new Set(COLUMN_TYPES);

export function isColumnType(word: string): word is ColumnType {
  return COLUMN_TYPE_SET.has(word);
}
