/** Emails, phone numbers, URLs, yes/no words and attachment paths as exports write them. Pure. */
import { foldCase } from "../../compiler/value-formats.js";

export type TextResult = { ok: true; value: string } | { ok: false; reason: string };

const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/;
// Letters of any script are allowed so internationalised domains (café.nl) pass.
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/** A trimmed address with its domain lower-cased; the local part keeps its case (it may matter to the mail server). */
export function parseEmail(text: string): TextResult {
  let value = text.trim();
  if (value.toLowerCase().startsWith("mailto:")) value = value.slice("mailto:".length).trim();
  if (/[;,]/.test(value) && value.split(/[;,]/).filter((part) => part.includes("@")).length > 1) {
    return { ok: false, reason: `'${value}' holds more than one email address; split them in the mapping` };
  }
  if (/\s/.test(value)) return { ok: false, reason: `'${value}' is not an email address: it contains a space` };
  const at = value.indexOf("@");
  if (at < 0) return { ok: false, reason: `'${value}' is not an email address: it has no @` };
  if (value.indexOf("@", at + 1) >= 0) return { ok: false, reason: `'${value}' is not an email address: it has more than one @` };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length === 0) return { ok: false, reason: `'${value}' is not an email address: nothing before the @` };
  if (!LOCAL_PART.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return { ok: false, reason: `'${value}' is not an email address: the part before the @ is not valid` };
  }
  const labels = domain.split(".");
  if (labels.length < 2) return { ok: false, reason: `'${value}' is not an email address: the domain '${domain}' has no dot` };
  const topLevel = labels[labels.length - 1] ?? "";
  if (!labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_LABEL.test(topLevel)) {
    return { ok: false, reason: `'${value}' is not an email address: '${domain}' is not a valid domain` };
  }
  return { ok: true, value: `${local}@${domain}` };
}

/**
 * The words exports put before a switchboard extension, by language: en ext./extension/x, nl
 * toestel/tst., pt ramal, es extensión, it int./interno, de Durchwahl/Dw./App., fr poste, sv
 * anknytning/ankn., pl wew., and lok. (Polish, Czech, Slovak), cs/sk kl./linka, tr dahili/dah., hu
 * mellék/m., el εσωτ.; a colon may follow the word ("mellék: 112"). The word is kept as the export
 * wrote it: Odoo stores a phone as free text and the people who read it know their own word.
 */
export const PHONE_EXTENSION_WORDS: readonly string[] = [
  "ext.", "ext", "extension", "extensión", "x", "toestel", "tst.", "tst", "ramal", "int.", "interno",
  "durchwahl", "dw.", "app.", "poste", "anknytning", "ankn.", "wew.", "lok.", "dahili", "dah.", "kl.", "linka",
  "mellék", "m.", "εσωτ.",
];
const PHONE_EXTENSION = new RegExp(
  `\\s*(?:${[...PHONE_EXTENSION_WORDS].sort((a, b) => b.length - a.length).map(escapeWord).join("|")})\\s*:?\\s*(\\d{1,6})$`,
  "iu",
);

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const PHONE_BODY = /^\+?[\d\s().\-/]+$/;

/**
 * A phone number trimmed, with runs of whitespace made one space. The grouping and a leading +
 * stay as written; no country code is invented (the export does not say which country a local
 * number belongs to).
 */
export function parsePhone(text: string): TextResult {
  const value = text.trim().replace(/\s+/g, " ");
  const extension = PHONE_EXTENSION.exec(value);
  const body = extension === null ? value : value.slice(0, extension.index);
  if (!PHONE_BODY.test(body)) {
    const reason = /\p{L}/u.test(body) ? "it contains letters" : "it contains characters other than digits, spaces, + ( ) - . /";
    return { ok: false, reason: `'${value}' is not a phone number: ${reason}` };
  }
  if (body.lastIndexOf("+") > 0) return { ok: false, reason: `'${value}' is not a phone number: a + may only start it` };
  const digits = body.replace(/\D/g, "").length;
  if (digits < 3) return { ok: false, reason: `'${value}' is not a phone number: it has fewer than 3 digits` };
  if (digits > 20) return { ok: false, reason: `'${value}' is not a phone number: it has more than 20 digits (two numbers in one cell?)` };
  return { ok: true, value };
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * A web address trimmed, with `http://` added when it has no scheme (as Odoo does for a
 * partner's website). The text is otherwise kept as written.
 */
export function parseUrl(text: string): TextResult {
  const trimmed = text.trim();
  if (/\s/.test(trimmed)) return { ok: false, reason: `'${trimmed}' is not a web address: it contains a space` };
  const scheme = SCHEME.exec(trimmed);
  if (scheme === null && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) {
    return { ok: false, reason: `'${trimmed}' is not a web address (it is a '${trimmed.split(":")[0]}:' link)` };
  }
  const value = scheme === null ? `http://${trimmed}` : trimmed;
  if (scheme !== null) {
    const name = (scheme[1] ?? "").toLowerCase();
    if (name !== "http" && name !== "https") return { ok: false, reason: `'${trimmed}' is not a web address: it uses '${name}://'` };
  }
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return { ok: false, reason: `'${trimmed}' is not a web address` };
  }
  if (host === "localhost" || IPV4.test(host) || host.startsWith("[")) return { ok: true, value };
  const labels = host.split(".");
  const topLevel = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !/^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(topLevel)) {
    return { ok: false, reason: `'${trimmed}' is not a web address: '${host}' is not a valid host name` };
  }
  return { ok: true, value };
}

export type BooleanResult = { ok: true; value: boolean } | { ok: false; reason: string };

/** Each list of yes or no words, folded once: a boolean column asks for every cell. */
const foldedWords = new WeakMap<readonly string[], ReadonlySet<string>>();

function folded(words: readonly string[]): ReadonlySet<string> {
  let set = foldedWords.get(words);
  if (set === undefined) {
    set = new Set(words.map(foldCase));
    foldedWords.set(words, set);
  }
  return set;
}

export function parseBooleanWord(text: string, trueWords: readonly string[], falseWords: readonly string[]): BooleanResult {
  const word = foldCase(text.trim());
  if (folded(trueWords).has(word)) return { ok: true, value: true };
  if (folded(falseWords).has(word)) return { ok: true, value: false };
  const expected = [...trueWords.filter((w) => w !== ""), ...falseWords.filter((w) => w !== "")].map((w) => `'${w}'`);
  return { ok: false, reason: `'${text.trim()}' is not a yes/no value (expected one of ${expected.join(", ")})` };
}

/**
 * An attachment path as written in the export, trimmed. Whether the file exists and stays inside
 * the export folder is checked when it is read (attachments.ts), which needs the file system.
 */
export function parseFilePath(text: string): TextResult {
  const value = text.trim();
  if (/[\u0000-\u001F]/.test(value)) return { ok: false, reason: `'${value}' is not a file path: it contains control characters` };
  return { ok: true, value };
}
