/** Small pieces of the double's HTTP handling: rows counted in a call, Python's JSON error text. */

export function countRows(method: string, args: unknown): number | undefined {
  if (!Array.isArray(args)) return undefined;
  if (method === "create") {
    const first = args[0];
    return Array.isArray(first) ? first.length : isRecord(first) ? 1 : undefined;
  }
  if (method === "load") {
    const data = args.length > 1 ? args[1] : args[0];
    return Array.isArray(data) ? data.length : undefined;
  }
  return undefined;
}

/** Python's json error text ("Expecting value: line 1 column 13 (char 12)") for a body JSON.parse refused. */
export function pythonJsonError(body: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const index = position ? Number(position[1]) : body.length;
  const before = body.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return `Expecting value: line ${line} column ${column} (char ${index})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Date);
}
