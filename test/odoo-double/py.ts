/**
 * Python's wire formats, as Odoo's server produces them: `xmlrpc.client` marshalling (which
 * refuses None and non-string dict keys, the failures the recordings show), `json.dumps` (floats
 * keep their `.0`), and `repr()` for the messages that quote values.
 */

/** A Python float: serialised as `<double>` and as `35.0`, unlike a JavaScript integer. */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** A dict whose keys are not strings (e.g. `get_external_id()`'s `{id: xmlid}`). */
export class PyIntKeyDict {
  readonly entries: ReadonlyArray<readonly [number, unknown]>;
  constructor(entries: ReadonlyArray<readonly [number, unknown]>) {
    this.entries = entries;
  }
}

/** A Python tuple, for repr() in messages. */
export class PyTuple {
  readonly items: readonly unknown[];
  constructor(items: readonly unknown[]) {
    this.items = items;
  }
}

export class MarshalError extends Error {
  readonly pythonClass = "TypeError";
}

export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function dumpXml(value: unknown, out: string[]): void {
  if (value === null || value === undefined) throw new MarshalError("cannot marshal None unless allow_none is enabled");
  if (value instanceof PyFloat) {
    out.push(`<value><double>${floatRepr(value.value)}</double></value>\n`);
    return;
  }
  if (value instanceof PyIntKeyDict) throw new MarshalError("dictionary key must be string");
  if (value instanceof PyTuple) {
    dumpXml([...value.items], out);
    return;
  }
  switch (typeof value) {
    case "boolean":
      out.push(`<value><boolean>${value ? 1 : 0}</boolean></value>\n`);
      return;
    case "number":
      if (Number.isInteger(value)) {
        if (value > 2147483647 || value < -2147483648) throw new MarshalError("int exceeds XML-RPC limits");
        out.push(`<value><int>${value}</int></value>\n`);
      } else {
        out.push(`<value><double>${floatRepr(value)}</double></value>\n`);
      }
      return;
    case "string":
      out.push(`<value><string>${escapeXml(value)}</string></value>\n`);
      return;
    case "object":
      if (Array.isArray(value)) {
        out.push("<value><array><data>\n");
        for (const item of value) dumpXml(item, out);
        out.push("</data></array></value>\n");
        return;
      }
      out.push("<value><struct>\n");
      for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
        out.push(`<member>\n<name>${escapeXml(key)}</name>\n`);
        dumpXml(member, out);
        out.push("</member>\n");
      }
      out.push("</struct></value>\n");
      return;
    default:
      throw new MarshalError(`cannot marshal ${typeof value} objects`);
  }
}

/** `xmlrpc.client.dumps((result,), methodresponse=1, allow_none=False)`. Throws MarshalError. */
export function xmlRpcResponse(result: unknown): string {
  const out: string[] = [];
  dumpXml(result, out);
  return `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${out.join("")}</param>\n</params>\n</methodResponse>\n`;
}

export function xmlRpcFault(faultCode: number | string, faultString: string): string {
  const out: string[] = [];
  dumpXml({ faultCode, faultString }, out);
  return `<?xml version='1.0'?>\n<methodResponse>\n<fault>\n${out.join("")}</fault>\n</methodResponse>\n`;
}

/** `json.dumps(value)` with Python's separators; int keys become strings, floats keep `.0`. */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof PyFloat)
    return floatRepr(value.value)
      .replace(/^inf$/, "Infinity")
      .replace(/^-inf$/, "-Infinity")
      .replace(/^nan$/, "NaN");
  if (value instanceof PyTuple) return pyJsonDumps([...value.items]);
  if (value instanceof PyIntKeyDict) {
    return `{${value.entries.map(([key, member]) => `${JSON.stringify(String(key))}: ${pyJsonDumps(member)}`).join(", ")}}`;
  }
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isInteger(value) ? String(value) : floatRepr(value);
    case "string":
      return JSON.stringify(value);
    case "object":
      if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([key, member]) => `${JSON.stringify(key)}: ${pyJsonDumps(member)}`)
        .join(", ")}}`;
    default:
      return "null";
  }
}

/** Python's repr() for the values Odoo quotes in messages. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") return stringRepr(value);
  if (value instanceof PyTuple) {
    const items = value.items.map(pyRepr);
    return items.length === 1 ? `(${items[0] ?? ""},)` : `(${items.join(", ")})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, member]) => `${stringRepr(key)}: ${pyRepr(member)}`)
      .join(", ")}}`;
  }
  return String(value);
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    if (char === "\\") body += "\\\\";
    else if (char === "\n") body += "\\n";
    else if (char === "\r") body += "\\r";
    else if (char === "\t") body += "\\t";
    else if (char === quote) body += `\\${quote}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}
