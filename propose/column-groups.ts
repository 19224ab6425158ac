/**
 * Repeated column groups: several columns that share a number, the rest of whose headers repeat
 * for the next numbers (`Contactpersoon 1`, `Functie 1`, ..., `Telefoon 3`; `Contato 1 - Nome`,
 * `Contato 1 - Cargo`, ..., `Contato 3 - Cargo`; `Ansprechpartner1_Telefon`; `contact_2_email`).
 * The number may stand anywhere in the header, between any separators. One numbered header alone
 * (`Address Line 1`, `Address Line 2`) is not a group: those are different fields. Pure.
 */

export interface GroupMember {
  /** What varies from one member to another (`Nome`, `Functie`), or the shared label when nothing does. */
  readonly base: string;
  /** The header with `{n}` for the number (`Contato {n} - Nome`). */
  readonly template: string;
  readonly header: (n: number) => string;
}

export interface ColumnGroup {
  /** The words every member's header shares around the number (`Contato`, `contact`), or "" when none. */
  readonly label: string;
  readonly numbers: readonly number[];
  readonly members: readonly GroupMember[];
}

const NUMBER = /\d+/g;

/** Each header's templates: one per number in it, the number replaced by `{n}`. */
function templatesOf(header: string): { template: string; number: number }[] {
  return [...header.matchAll(NUMBER)].map((match) => {
    const at = match.index;
    return { template: `${header.slice(0, at)}{n}${header.slice(at + match[0].length)}`, number: Number(match[0]) };
  });
}

export function findColumnGroups(headers: readonly string[]): ColumnGroup[] {
  const byTemplate = new Map<string, number[]>();
  for (const header of headers) {
    for (const { template, number } of templatesOf(header)) {
      if (template.replace("{n}", "").trim() === "") continue;
      byTemplate.set(template, [...(byTemplate.get(template) ?? []), number]);
    }
  }
  const byRun = new Map<string, string[]>();
  for (const [template, found] of byTemplate) {
    const numbers = [...new Set(found)].sort((left, right) => left - right);
    const consecutive = numbers.every((number, index) => index === 0 || number === (numbers[index - 1] ?? 0) + 1);
    if (numbers.length < 2 || numbers.length !== found.length || !consecutive) continue;
    const run = numbers.join(",");
    byRun.set(run, [...(byRun.get(run) ?? []), template]);
  }
  // The widest groups first; a header belongs to one group only.
  const candidates = [...byRun.entries()]
    .flatMap(([run, templates]) => alike(templates).map((cluster) => ({ numbers: run.split(",").map(Number), templates: cluster })))
    .filter((candidate) => candidate.templates.length >= 2)
    .sort((left, right) => right.templates.length * right.numbers.length - left.templates.length * left.numbers.length);
  const taken = new Set<string>();
  const groups: ColumnGroup[] = [];
  for (const candidate of candidates) {
    const templates = candidate.templates.filter((template) => candidate.numbers.every((number) => !taken.has(template.replace("{n}", String(number)))));
    if (templates.length < 2) continue;
    for (const template of templates) for (const number of candidate.numbers) taken.add(template.replace("{n}", String(number)));
    groups.push({ numbers: candidate.numbers, ...membersOf(templates) });
  }
  // In the order of the headers.
  const position = (group: ColumnGroup): number => headers.indexOf(group.members[0]?.header(group.numbers[0] ?? 1) ?? "");
  return groups.sort((left, right) => position(left) - position(right));
}

/**
 * Templates numbered alike that belong together: those with the same words before the number
 * (`Contato {n} - Nome`, `Contato {n} - Cargo`), then those with the same words after it
 * (`Contactpersoon {n}`, `Functie {n}`; `Name Contact {n}`, `Email Contact {n}`). A lone
 * `Address Line {n}` beside `contact_{n}_email` is neither.
 */
function alike(templates: readonly string[]): string[][] {
  const before = (template: string): string => template.slice(0, template.indexOf("{n}"));
  const after = (template: string): string => template.slice(template.indexOf("{n}") + 3);
  const clusters: string[][] = [];
  let rest = [...templates];
  for (const side of [before, after]) {
    const bySide = new Map<string, string[]>();
    for (const template of rest) bySide.set(side(template), [...(bySide.get(side(template)) ?? []), template]);
    const together = [...bySide.entries()].filter(([text, members]) => members.length >= 2 && (side === after || /\p{L}/u.test(text)));
    for (const [, members] of together) clusters.push(members);
    rest = rest.filter((template) => !together.some(([, members]) => members.includes(template)));
  }
  return clusters;
}

/** What the templates share around the number (the group's label) and what each says of its own. */
function membersOf(templates: readonly string[]): { label: string; members: GroupMember[] } {
  const befores = templates.map((template) => template.slice(0, template.indexOf("{n}")));
  const afters = templates.map((template) => template.slice(template.indexOf("{n}") + 3));
  const before = sharedEnds(befores);
  const after = sharedEnds(afters);
  const label = tidy(`${before.prefix} ${before.suffix} ${after.prefix} ${after.suffix}`);
  const members = templates.map((template, index) => {
    const own = tidy(`${before.own[index] ?? ""} ${after.own[index] ?? ""}`);
    return { base: own === "" ? label : own, template, header: (n: number) => template.replace("{n}", String(n)) };
  });
  return { label, members };
}

/** Separators and spaces at the ends, and runs of them, are no words. */
function tidy(text: string): string {
  return text
    .replace(/[\s_\-–:./|]+/g, " ")
    .trim();
}

/**
 * The start and end several strings share, cut at a separator (`Telefon` and `Telefax` share no
 * word), and what remains of each. Strings all alike share everything and keep nothing of their own.
 */
function sharedEnds(texts: readonly string[]): { prefix: string; suffix: string; own: string[] } {
  const first = texts[0] ?? "";
  if (texts.every((text) => text === first)) return { prefix: first, suffix: "", own: texts.map(() => "") };
  let start = 0;
  while (texts.every((text) => text[start] !== undefined && text[start] === first[start])) start++;
  while (start > 0 && !isSeparator(first[start - 1] ?? "")) start--;
  const rests = texts.map((text) => text.slice(start));
  const firstRest = rests[0] ?? "";
  let end = 0;
  while (rests.every((text) => end < text.length && text[text.length - 1 - end] === firstRest[firstRest.length - 1 - end])) end++;
  // Cut the shared end at a separator too.
  while (end > 0 && !isSeparator(firstRest[firstRest.length - end] ?? "")) end--;
  return {
    prefix: first.slice(0, start),
    suffix: firstRest.slice(firstRest.length - end),
    own: rests.map((text) => text.slice(0, text.length - end)),
  };
}

function isSeparator(character: string): boolean {
  return /[\s_\-–:./|]/.test(character);
}
