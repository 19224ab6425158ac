/**
 * Users looked up by display name (issue 16, gap 3): a lookup declares how values match
 * (`match initials`: "A. Hartley" is Alice Hartley; `match surname_initial`: "Ana Paula F." is Ana
 * Paula Ferreira; ignoring case and accents) and what a value
 * several users match does (`ambiguous reject|first|fallback`). Run into the Odoo double, whose
 * res.users search_read answers as the recorded servers do (name, display_name, active users only),
 * and as import files from the schema's reference data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LookupPlan } from "../../../compiler/plan/schema.js";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { nameMatcher } from "../../../runtime/execute/name-match.js";
import { looseName } from "../../../runtime/source/match-keys.js";
import type { RecordRef } from "../../../runtime/transform/values.js";
import { analyze } from "../../compiler/helpers.js";
import { runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "../support.js";

const PACKAGE = `migration firm { source firm  target odoo "17.0"  xmlid "firm" }
source firm {
  entity Matter "matters.csv" key id { id text  name text  fee_earner text }
}
lookup fee_earner in res.users by name {
  match     initials
  ambiguous reject
  missing   flag
}
map Matter -> crm.lead {
  name    <- name
  user_id <- fee_earner | fee_earner
}
`;

const EXPORT = "id,name,fee_earner\nM1,Smith,A. Hartley\nM2,Jones,jose nunez\nM3,Brown,B. Okafor\nM4,Green,ALICE  HARTLEY\nM5,White,Z. Nobody\n";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function user(id: number, label: string): RecordRef {
  return { kind: "record", model: "res.users", id, label };
}

const LOOKUP: LookupPlan = { name: "u", model: "res.users", matchFields: ["name"], missing: { policy: "flag" }, includeArchived: false, known: [] };
const USERS = [
  { ref: user(1, "Alice Hartley"), names: ["Alice Hartley"] },
  { ref: user(2, "Anna Jane van Dijk"), names: ["Anna Jane van Dijk"] },
  { ref: user(3, "Ben Okafor"), names: ["Ben Okafor"] },
  { ref: user(4, "Bea Okafor"), names: ["Bea Okafor"] },
  { ref: user(5, "José Núñez"), names: ["José Núñez"] },
];
const none = (): { status: "missing" } => ({ status: "missing" });

describe("matching names", () => {
  it("loose names drop case, accents, punctuation and extra spaces", () => {
    expect(looseName("  JOSÉ   Núñez-García ")).toBe("jose nunez garcia");
  });

  it("match by rule: exact, loose, initials", () => {
    const label = (resolution: ReturnType<ReturnType<typeof nameMatcher>["resolve"]>): string =>
      resolution.status === "found" ? (resolution.record.label ?? "") : resolution.status === "ambiguous" ? "ambiguous" : "missing";
    const exact = nameMatcher(LOOKUP, "exact", USERS, none);
    const loose = nameMatcher(LOOKUP, "loose", USERS, none);
    const initials = nameMatcher(LOOKUP, "initials", USERS, none);
    expect(["alice hartley", "Jose Nunez", "A. Hartley"].map((value) => label(exact.resolve(value)))).toEqual(["Alice Hartley", "missing", "missing"]);
    expect(["Jose  NUNEZ", "A. Hartley"].map((value) => label(loose.resolve(value)))).toEqual(["José Núñez", "missing"]);
    expect(
      ["A. Hartley", "A Hartley", "A.J. van Dijk", "A. van Dijk", "J. van Dijk", "B. Okafor", "Ben Okafor", "A. Okafor"].map((value) =>
        label(initials.resolve(value)),
      ),
    ).toEqual(["Alice Hartley", "Alice Hartley", "Anna Jane van Dijk", "Anna Jane van Dijk", "missing", "ambiguous", "Ben Okafor", "missing"]);
    // The surname first, as ERPs write users in capitals: the same words in another order.
    expect(["HARTLEY ALICE", "Nunez Jose", "van Dijk Anna Jane", "Hartley", "OKAFOR BEN"].map((value) => label(initials.resolve(value)))).toEqual([
      "Alice Hartley",
      "José Núñez",
      "Anna Jane van Dijk",
      "missing",
      "Ben Okafor",
    ]);
    expect(label(loose.resolve("HARTLEY ALICE"))).toBe("missing");
  });

  it("match by surname_initial: given names in full, then the initial of the first or the last surname", () => {
    const sellers = [
      { ref: user(11, "Ana Paula Ferreira"), names: ["Ana Paula Ferreira"] },
      { ref: user(12, "Ana Paula Souza"), names: ["Ana Paula Souza"] },
      { ref: user(13, "João Pedro Araújo"), names: ["João Pedro Araújo"] },
      { ref: user(14, "Jan Kowalski"), names: ["Jan Kowalski"] },
      { ref: user(15, "Jan Kowalczyk"), names: ["Jan Kowalczyk"] },
      { ref: user(16, "Maria da Silva"), names: ["Maria da Silva"] },
    ];
    const label = (resolution: ReturnType<ReturnType<typeof nameMatcher>["resolve"]>): string =>
      resolution.status === "found" ? (resolution.record.label ?? "") : resolution.status;
    const matcher = nameMatcher(LOOKUP, "surname_initial", sellers, none);
    expect(
      [
        "Ana Paula F.",
        "ANA PAULA S",
        "Joao Pedro A.",
        "joão  pedro a",
        "Maria S.",
        "Ana Paula Ferreira",
        "Jan K.",
        "Paula F.",
        "Ana Paula X.",
        "A. P. Ferreira",
        "F.",
      ].map((value) => label(matcher.resolve(value))),
    ).toEqual([
      "Ana Paula Ferreira",
      "Ana Paula Souza",
      "João Pedro Araújo",
      "João Pedro Araújo",
      "Maria da Silva",
      "Ana Paula Ferreira",
      "ambiguous",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
    // The other rules do not read a surname's initial.
    expect(label(nameMatcher(LOOKUP, "initials", sellers, none).resolve("Ana Paula F."))).toBe("missing");
    expect(nameMatcher({ ...LOOKUP, ambiguous: { policy: "first" } }, "surname_initial", sellers, none).resolve("Jan K.")).toMatchObject({
      status: "found",
      record: user(14, "Jan Kowalski"),
    });
  });

  it("settle a value several records match by the lookup's policy", () => {
    const rejecting = nameMatcher(LOOKUP, "initials", USERS, none).resolve("B. Okafor");
    expect(rejecting).toEqual({
      status: "ambiguous",
      reason:
        '"B. Okafor" matches 2 res.users records ("Ben Okafor", "Bea Okafor"): say which with `ambiguous first` or `ambiguous fallback "..."`, or give the value in full',
    });
    expect(nameMatcher({ ...LOOKUP, ambiguous: { policy: "first" } }, "initials", USERS, none).resolve("B. Okafor")).toEqual({
      status: "found",
      record: user(3, "Ben Okafor"),
      note: '"B. Okafor" matches 2 res.users records ("Ben Okafor", "Bea Okafor"); the first was used',
    });
    const fallback = nameMatcher({ ...LOOKUP, ambiguous: { policy: "fallback", value: "admin" } }, "initials", USERS, (value) =>
      value === "admin" ? { status: "found", record: user(9, "Administrator") } : { status: "missing" },
    );
    expect(fallback.resolve("B. Okafor")).toMatchObject({ status: "found", record: user(9, "Administrator") });
  });
});

type Rejects = [string | undefined, string][];

/** Runs the package on the export into a double holding these users: the rows rejected, each lead's user, and a re-run's rejects. */
async function runInDouble(
  flitmap: string,
  csv: string,
  users: readonly (readonly [name: string, login: string])[],
): Promise<{ plan: ReturnType<typeof emitPlan>; rejects: Rejects; owners: Record<string, unknown>; rerun: () => Promise<Rejects> }> {
  const plan = emitPlan(analyze({ "main.flitmap": flitmap }));
  const double = await startSeededDouble("17.0");
  const state = temporaryDirectory("flitmap-user-names-");
  const source = mkdtempSync(join(tmpdir(), "flitmap-user-names-export-"));
  cleanups.push(
    () => double.stop(),
    state.remove,
    () => rmSync(source, { recursive: true, force: true }),
  );
  writeFileSync(join(source, "matters.csv"), csv);
  for (const [name, login] of users) double.addRecord("res.users", { name, login, active: true, share: false }, `firm_test.user_${login}`);
  const run = async (): Promise<Rejects> =>
    (await runLive(plan, double, state.path, { sourceDirectory: source })).rejects.map((reject) => [reject.key, reject.reason]);
  const rejects = await run();
  const leads = stateByXmlid(double, plan);
  return { plan, rejects, owners: Object.fromEntries(Object.entries(leads).map(([xmlid, values]) => [xmlid, values["user_id"]])), rerun: run };
}

describe("a lookup of users by name", () => {
  it("finds users by given names and a surname's initial in a live Odoo, and rejects an initial two users share", async () => {
    const flitmap = PACKAGE.replace("match     initials", "match     surname_initial");
    const csv = "id,name,fee_earner\nM1,Smith,Ana Paula F.\nM2,Jones,joao pedro a\nM3,Brown,Jan K.\nM4,Green,ANA PAULA FERREIRA\nM5,White,Thiago S.\n";
    const { rejects, owners } = await runInDouble(flitmap, csv, [
      ["Ana Paula Ferreira", "anapaula"],
      ["João Pedro Araújo", "joaopedro"],
      ["Jan Kowalski", "jan"],
      ["Jan Kowalczyk", "jank"],
    ]);
    expect(rejects).toEqual([
      [
        "M3",
        'user_id: "Jan K." matches 2 res.users records ("Jan Kowalski", "Jan Kowalczyk"): say which with `ambiguous first` or `ambiguous fallback "..."`, or give the value in full',
      ],
    ]);
    expect(owners).toEqual({
      "firm.matter_M1": "firm_test.user_anapaula",
      "firm.matter_M2": "firm_test.user_joaopedro",
      "firm.matter_M4": "firm_test.user_anapaula",
      "firm.matter_M5": null,
    });
  });

  it("finds users by initials and surname in a live Odoo, and rejects an ambiguous value with the names it matches", async () => {
    const { plan, rejects, owners, rerun } = await runInDouble(PACKAGE, EXPORT, [
      ["Alice Hartley", "alice"],
      ["Ben Okafor", "ben"],
      ["Bea Okafor", "bea"],
      ["José Núñez", "jose"],
    ]);
    expect(plan.lookups[0]).toMatchObject({ matchRule: "initials", ambiguous: { policy: "reject" } });
    expect(rejects).toEqual([
      [
        "M3",
        'user_id: "B. Okafor" matches 2 res.users records ("Ben Okafor", "Bea Okafor"): say which with `ambiguous first` or `ambiguous fallback "..."`, or give the value in full',
      ],
    ]);
    expect(owners).toEqual({
      "firm.matter_M1": "firm_test.user_alice",
      "firm.matter_M2": "firm_test.user_jose",
      "firm.matter_M4": "firm_test.user_alice",
      "firm.matter_M5": null,
    });
    // A re-run of the same export takes the lookups' journaled answers, ambiguity and all.
    expect(await rerun()).toEqual(rejects);
  });
});
