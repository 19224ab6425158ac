/**
 * The Python exceptions the double raises, and how each protocol reports them (faultCode and
 * faultString for XML-RPC, status and body for JSON-2), as in the recordings' READMEs.
 */

import { pyRepr, PyTuple } from "./py.js";

/** How a database-level violation reads inside load()'s messages (psycopg2 errors there). */
export interface DatabaseViolation {
  readonly kind: "not-null" | "foreign-key" | "check" | "unique";
  /** The message load() reports for the row. */
  readonly loadMessage: string;
  readonly field?: string;
}

export interface RedirectAction {
  readonly action: Record<string, unknown>;
  readonly buttonText: string;
}

export class OdooException extends Error {
  /** Python class, fully qualified as JSON-2 names it (`odoo.exceptions.UserError`, `builtins.ValueError`). */
  readonly pythonClass: string;
  readonly violation: DatabaseViolation | undefined;
  readonly redirect: RedirectAction | undefined;
  /** For werkzeug HTTP exceptions: the status JSON-2 answers. */
  readonly httpStatus: number | undefined;

  constructor(pythonClass: string, message: string, extra: { violation?: DatabaseViolation; redirect?: RedirectAction; httpStatus?: number } = {}) {
    super(message);
    this.name = "OdooException";
    this.pythonClass = pythonClass;
    this.violation = extra.violation;
    this.redirect = extra.redirect;
    this.httpStatus = extra.httpStatus;
  }

  get isUserError(): boolean {
    return ODOO_USER_ERRORS.has(this.pythonClass);
  }
}

const ODOO_USER_ERRORS = new Set([
  "odoo.exceptions.UserError",
  "odoo.exceptions.ValidationError",
  "odoo.exceptions.MissingError",
  "odoo.exceptions.RedirectWarning",
]);

export const userError = (message: string): OdooException => new OdooException("odoo.exceptions.UserError", message);
export const validationError = (message: string): OdooException => new OdooException("odoo.exceptions.ValidationError", message);
export const missingError = (message: string): OdooException => new OdooException("odoo.exceptions.MissingError", message);
export const accessError = (message: string): OdooException => new OdooException("odoo.exceptions.AccessError", message);
export const accessDenied = (): OdooException => new OdooException("odoo.exceptions.AccessDenied", "Access Denied");
export const valueError = (message: string): OdooException => new OdooException("builtins.ValueError", message);
export const typeError = (message: string): OdooException => new OdooException("builtins.TypeError", message);
export const attributeError = (message: string): OdooException => new OdooException("builtins.AttributeError", message);
export const keyError = (message: string): OdooException => new OdooException("builtins.KeyError", message);
export const werkzeug = (
  name: "NotFound" | "Unauthorized" | "UnprocessableEntity" | "BadRequest" | "Forbidden",
  message: string,
  status: number,
): OdooException => new OdooException(`werkzeug.exceptions.${name}`, message, { httpStatus: status });

/** A database constraint violation, reported over RPC as a user error "The operation cannot be completed: ...". */
export const databaseViolation = (message: string, violation: DatabaseViolation): OdooException =>
  new OdooException("odoo.exceptions.ValidationError", message, { violation });

export const redirectWarning = (message: string, redirect: RedirectAction): OdooException =>
  new OdooException("odoo.exceptions.RedirectWarning", message, { redirect });

/** Class name as it appears at the end of a traceback (`ValueError`, `psycopg2.OperationalError`). */
function tracebackClass(pythonClass: string): string {
  return pythonClass.startsWith("builtins.") ? pythonClass.slice("builtins.".length) : pythonClass;
}

export function syntheticTraceback(error: OdooException, where: string): string {
  return [
    "Traceback (most recent call last):",
    `  File "/odoo-double/${where}", line 1, in ${where}`,
    "    raised by the Flitmap Odoo test double",
    `${tracebackClass(error.pythonClass)}: ${error.message}`,
    "",
  ].join("\n");
}

/** `/xmlrpc/2`: faultCode 1 (traceback), 2 (user error), 3 (access denied), 4 (access error). */
export function xmlRpcFaultFor(error: OdooException): { faultCode: number; faultString: string } {
  switch (error.pythonClass) {
    case "odoo.exceptions.AccessDenied":
      return { faultCode: 3, faultString: error.message };
    case "odoo.exceptions.AccessError":
      return { faultCode: 4, faultString: error.message };
    case "odoo.exceptions.RedirectWarning":
      return { faultCode: 2, faultString: redirectRepr(error) };
    default:
      if (error.isUserError) return { faultCode: 2, faultString: error.message };
      return { faultCode: 1, faultString: syntheticTraceback(error, "execute_kw") };
  }
}

/** The legacy `/xmlrpc/<service>` endpoint: string faultCodes. */
export function legacyXmlRpcFaultFor(error: OdooException): { faultCode: string; faultString: string } {
  const shortClass = error.pythonClass.slice(error.pythonClass.lastIndexOf(".") + 1);
  if (error.pythonClass === "odoo.exceptions.AccessDenied") return { faultCode: "AccessDenied", faultString: "" };
  if (error.isUserError || error.pythonClass === "odoo.exceptions.AccessError") {
    const message = error.pythonClass === "odoo.exceptions.RedirectWarning" ? redirectRepr(error) : error.message;
    return { faultCode: `warning -- ${shortClass}\n\n${message}`, faultString: "" };
  }
  return { faultCode: `${shortClass}: ${error.message}`, faultString: syntheticTraceback(error, "execute_kw") };
}

function redirectRepr(error: OdooException): string {
  const redirect = error.redirect;
  return pyRepr(new PyTuple([error.message, redirect?.action ?? {}, redirect?.buttonText ?? "", null]));
}

/** JSON-2: the HTTP status per exception class, and `{name, message, arguments, context, debug}`. */
export function json2ErrorFor(error: OdooException): { status: number; body: Record<string, unknown> } {
  let status: number;
  switch (error.pythonClass) {
    case "odoo.exceptions.AccessDenied":
      status = 401;
      break;
    case "odoo.exceptions.AccessError":
      status = 403;
      break;
    case "odoo.exceptions.MissingError":
      status = 404;
      break;
    default:
      status = error.httpStatus ?? (error.isUserError ? 422 : 500);
  }
  const isWerkzeug = error.pythonClass.startsWith("werkzeug.");
  return {
    status,
    body: {
      name: error.pythonClass,
      message: error.message,
      arguments: isWerkzeug ? [error.message, status] : [error.message],
      context: {},
      debug: syntheticTraceback(error, "json2"),
    },
  };
}
