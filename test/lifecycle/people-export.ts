/** The export the people package (fixtures/people-package) reads, written as CSV files: tests edit a copy of it. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PEOPLE_PACKAGE = join(import.meta.dirname, "fixtures/people-package");

/** File name → rows, the header first. Every modification date is in January 2026. */
export type PeopleExport = Record<string, readonly string[]>;

export const PEOPLE_EXPORT: PeopleExport = {
  "companies.csv": ["id,name,modified", "C1,Acme,2026-01-10 09:00", "C2,Bolt,2026-01-10 09:00", "C3,Crane,2026-01-10 09:00"],
  "people.csv": [
    "id,name,modified",
    "P1,Ann Lee,2026-01-10 09:00",
    "P2,Bob Stone,2026-01-10 09:00",
    "P3,Cy Solo,2026-01-10 09:00",
    "P4,Dee Park,2026-01-10 09:00",
    "P5,Eve Ray,2026-01-10 09:00",
  ],
  "employments.csv": [
    "person_id,company_id,primary,modified",
    "P1,C1,yes,2026-01-10 09:00",
    "P1,C2,no,2026-01-10 09:00",
    "P2,C2,yes,2026-01-10 09:00",
    "P3,C3,yes,2026-01-10 09:00",
    "P5,C1,yes,2026-01-10 09:00",
  ],
  "memberships.csv": ["person_id,club", "P1,Chess", "P2,Chess", "P4,Golf", "P5,Golf", "P5,Chess"],
  "notes.csv": ["id,person_id,body", "N1,P1,Met at the fair", "N2,P4,Wants a call"],
};

export function writePeopleExport(directory: string, files: PeopleExport): void {
  mkdirSync(directory, { recursive: true });
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(directory, name), `${lines.join("\n")}\n`);
}

/** The export with rows taken out (by their first cells, e.g. "P4" or "P4,Golf") and others added or replaced. */
export function editedExport(edits: { readonly drop?: readonly string[]; readonly set?: PeopleExport }): PeopleExport {
  const edited: Record<string, readonly string[]> = {};
  for (const [name, lines] of Object.entries(PEOPLE_EXPORT)) {
    const [header = "", ...rows] = lines;
    edited[name] = [header, ...rows.filter((row) => !(edits.drop ?? []).some((prefix) => row === prefix || row.startsWith(`${prefix},`)))];
  }
  for (const [name, lines] of Object.entries(edits.set ?? {})) edited[name] = lines;
  return edited;
}
