/**
 * The transform plan: what the compiler emits and the only thing the runtime reads. Plain JSON,
 * validated with this zod schema on both sides; the TypeScript types are inferred from it.
 * docs/plan.md describes every part.
 */
import { z } from "zod";
import { COLUMN_TYPES } from "../../language/column-types.js";
import { ENCODINGS } from "../value-formats.js";

export const PLAN_FORMAT = "flitmap-plan";
export const PLAN_VERSION = 1;

/** A value type, written compactly: text, text:email, integer, decimal, date, datetime, boolean, file, binary, record:res.partner, record, list<...>, unknown. */
export const PlanType = z.string().min(1);

export const Literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Literal = z.infer<typeof Literal>;

const ComparisonOperator = z.enum(["=", "!=", "<", "<=", ">", ">="]);

/**
 * `| ref alias by column`: the value names the referenced entity's row by a `unique` column
 * (compared trimmed, ignoring case), and what a value several rows hold does: reject the row
 * naming it, or take the first or last of them in file order.
 */
const RefBySchema = z.strictObject({
  column: z.string(),
  ambiguous: z.enum(["reject", "first", "last"]),
  /** `by name and company`: the value is a pair, its second item matched against this column. */
  and: z.string().optional(),
});
export type RefBy = z.infer<typeof RefBySchema>;
/** `| get(Entity.column by name)`: the input names the row by a `unique` column instead of its key. */
const GetBySchema = RefBySchema.omit({ and: true });
export type GetBy = z.infer<typeof GetBySchema>;
const ArithmeticOperator = z.enum(["+", "-", "*", "/"]);

/** A value computed for each source row. */
export type PlanExpression =
  | { op: "column"; type: string; column: string }
  | { op: "group-column"; type: string; group: string; column: string }
  | { op: "linked"; type: string; entity: string; by: string; column: string; orderBy?: string; descending: boolean; filter?: PlanExpression }
  | { op: "const"; type: string; value: Literal }
  | { op: "record"; type: string; model: string; xmlid: string }
  | { op: "template"; type: string; parts: (string | PlanExpression)[] }
  | { op: "list"; type: string; items: PlanExpression[] }
  | { op: "call"; type: string; builtin: string; input: PlanExpression; args: PlanExpression[]; itemwise: boolean }
  | { op: "table"; type: string; table: string; input: PlanExpression; itemwise: boolean }
  | { op: "lookup"; type: string; lookup: string; input: PlanExpression; itemwise: boolean }
  | { op: "ref"; type: string; step: string; entity: string; input: PlanExpression; itemwise: boolean; optional?: true; by?: RefBy }
  | { op: "sibling"; type: string; step: string; optional?: true }
  | { op: "get"; type: string; entity: string; column: string; input: PlanExpression; itemwise: boolean; by?: GetBy }
  | { op: "coalesce"; type: string; operands: PlanExpression[] }
  | { op: "if"; type: string; condition: PlanExpression; then: PlanExpression; else: PlanExpression }
  | { op: "and" | "or"; type: string; operands: PlanExpression[] }
  | { op: "not"; type: string; operand: PlanExpression }
  | { op: "compare"; type: string; operator: z.infer<typeof ComparisonOperator>; left: PlanExpression; right: PlanExpression }
  | { op: "arithmetic"; type: string; operator: z.infer<typeof ArithmeticOperator>; left: PlanExpression; right: PlanExpression }
  | { op: "is"; type: string; test: "present" | "empty"; negated: boolean; operand: PlanExpression }
  | { op: "in"; type: string; negated: boolean; operand: PlanExpression; items: PlanExpression[] };

/** Where an expression holds expressions, its schema is this (declared, not cast: TypeScript checks it). */
type ExpressionSchema = z.ZodType<PlanExpression, PlanExpression>;

/**
 * The schema of PlanExpression, inferred without a cast: the members that hold expressions name
 * the schema through getters, zod's way of declaring a recursive type
 * (test/compiler/plan-types.test.ts checks that it infers exactly PlanExpression).
 */
export const PlanExpression = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("column"), type: PlanType, column: z.string() }),
  z.strictObject({ op: z.literal("group-column"), type: PlanType, group: z.string(), column: z.string() }),
  z.strictObject({
    op: z.literal("linked"),
    type: PlanType,
    entity: z.string(),
    by: z.string(),
    column: z.string(),
    orderBy: z.string().optional(),
    descending: z.boolean(),
    get filter(): z.ZodOptional<ExpressionSchema> {
      return PlanExpression.optional();
    },
  }),
  z.strictObject({ op: z.literal("const"), type: PlanType, value: Literal }),
  z.strictObject({ op: z.literal("record"), type: PlanType, model: z.string(), xmlid: z.string() }),
  z.strictObject({
    op: z.literal("template"),
    type: PlanType,
    get parts(): z.ZodArray<z.ZodUnion<[z.ZodString, ExpressionSchema]>> {
      return z.array(z.union([z.string(), PlanExpression]));
    },
  }),
  z.strictObject({
    op: z.literal("list"),
    type: PlanType,
    get items(): z.ZodArray<ExpressionSchema> {
      return z.array(PlanExpression);
    },
  }),
  z.strictObject({
    op: z.literal("call"),
    type: PlanType,
    builtin: z.string(),
    get input(): ExpressionSchema {
      return PlanExpression;
    },
    get args(): z.ZodArray<ExpressionSchema> {
      return z.array(PlanExpression);
    },
    itemwise: z.boolean(),
  }),
  z.strictObject({
    op: z.literal("table"),
    type: PlanType,
    table: z.string(),
    get input(): ExpressionSchema {
      return PlanExpression;
    },
    itemwise: z.boolean(),
  }),
  z.strictObject({
    op: z.literal("lookup"),
    type: PlanType,
    lookup: z.string(),
    get input(): ExpressionSchema {
      return PlanExpression;
    },
    itemwise: z.boolean(),
  }),
  z.strictObject({
    op: z.literal("ref"),
    type: PlanType,
    step: z.string(),
    entity: z.string(),
    get input(): ExpressionSchema {
      return PlanExpression;
    },
    itemwise: z.boolean(),
    optional: z.literal(true).optional(),
    by: RefBySchema.optional(),
  }),
  z.strictObject({ op: z.literal("sibling"), type: PlanType, step: z.string(), optional: z.literal(true).optional() }),
  z.strictObject({
    op: z.literal("get"),
    type: PlanType,
    entity: z.string(),
    column: z.string(),
    get input(): ExpressionSchema {
      return PlanExpression;
    },
    itemwise: z.boolean(),
    by: GetBySchema.optional(),
  }),
  z.strictObject({
    op: z.literal("coalesce"),
    type: PlanType,
    get operands(): z.ZodArray<ExpressionSchema> {
      return z.array(PlanExpression);
    },
  }),
  z.strictObject({
    op: z.literal("if"),
    type: PlanType,
    get condition(): ExpressionSchema {
      return PlanExpression;
    },
    get then(): ExpressionSchema {
      return PlanExpression;
    },
    get else(): ExpressionSchema {
      return PlanExpression;
    },
  }),
  z.strictObject({
    op: z.enum(["and", "or"]),
    type: PlanType,
    get operands(): z.ZodArray<ExpressionSchema> {
      return z.array(PlanExpression);
    },
  }),
  z.strictObject({
    op: z.literal("not"),
    type: PlanType,
    get operand(): ExpressionSchema {
      return PlanExpression;
    },
  }),
  z.strictObject({
    op: z.literal("compare"),
    type: PlanType,
    operator: ComparisonOperator,
    get left(): ExpressionSchema {
      return PlanExpression;
    },
    get right(): ExpressionSchema {
      return PlanExpression;
    },
  }),
  z.strictObject({
    op: z.literal("arithmetic"),
    type: PlanType,
    operator: ArithmeticOperator,
    get left(): ExpressionSchema {
      return PlanExpression;
    },
    get right(): ExpressionSchema {
      return PlanExpression;
    },
  }),
  z.strictObject({
    op: z.literal("is"),
    type: PlanType,
    test: z.enum(["present", "empty"]),
    negated: z.boolean(),
    get operand(): ExpressionSchema {
      return PlanExpression;
    },
  }),
  z.strictObject({
    op: z.literal("in"),
    type: PlanType,
    negated: z.boolean(),
    get operand(): ExpressionSchema {
      return PlanExpression;
    },
    get items(): z.ZodArray<ExpressionSchema> {
      return z.array(PlanExpression);
    },
  }),
]);

export const ColumnPlan = z
  .object({
    name: z.string(),
    header: z.string(),
    type: z.enum(COLUMN_TYPES),
    format: z.string().optional(),
    required: z.boolean(),
    personal: z.boolean(),
    modified: z.boolean(),
    references: z.string().optional(),
    /** `empty when "TBC"`: the column's placeholder values (lower case), instead of its entity's. */
    emptyValues: z.array(z.string()).optional(),
    /**
     * `unique match loose|company|digits`: how the values naming a row by this column (`| ref
     * alias by column`, `get(Entity.column by this)`) compare with its values: loosely (without
     * case, accents, punctuation or repeated spaces), as company names (loosely, and without a
     * legal form) or by their digits alone; absent: trimmed, without case.
     */
    match: z.enum(["loose", "company", "digits"]).optional(),
  })
  .strict();
export type ColumnPlan = z.infer<typeof ColumnPlan>;

export const SourceOptionsPlan = z
  .object({
    delimiter: z.string(),
    encoding: z.enum(ENCODINGS),
    quote: z.string(),
    date: z.string(),
    datetime: z.string(),
    timezone: z.string(),
    decimal: z.enum([".", ","]),
    currency: z.string().optional(),
    trueWords: z.array(z.string()),
    falseWords: z.array(z.string()),
    /** `empty_values`: cell values (lower case) read as no value; absent when there are none. */
    emptyValues: z.array(z.string()).optional(),
  })
  .strict();
export type SourceOptionsPlan = z.infer<typeof SourceOptionsPlan>;

export const EntityPlan = z
  .object({
    name: z.string(),
    source: z.string(),
    pattern: z.string(),
    key: z.array(z.string()).min(1),
    /** `key … optional`: a row whose key cells are all blank is skipped, not rejected. */
    keyOptional: z.literal(true).optional(),
    options: SourceOptionsPlan,
    duplicates: z.object({ keep: z.enum(["first", "last", "newest"]), by: z.string().optional() }).strict(),
    columns: z.array(ColumnPlan),
    groups: z.array(z.object({ name: z.string(), from: z.number().int(), to: z.number().int(), columns: z.array(ColumnPlan) }).strict()),
  })
  .strict();
export type EntityPlan = z.infer<typeof EntityPlan>;

export const MissingPolicyPlan = z.discriminatedUnion("policy", [
  z.object({ policy: z.enum(["reject", "flag", "halt"]) }).strict(),
  z.object({ policy: z.literal("fallback"), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
]);
export type MissingPolicyPlan = z.infer<typeof MissingPolicyPlan>;

/** A record the target is known to hold (from the schema's reference data), for resolving lookups without a server. */
export const KnownRecordPlan = z
  .object({ id: z.number().int().optional(), xmlid: z.string().optional(), name: z.string(), values: z.record(z.string(), z.unknown()) })
  .strict();
export type KnownRecordPlan = z.infer<typeof KnownRecordPlan>;

export const LookupPlan = z
  .object({
    name: z.string(),
    model: z.string(),
    matchFields: z.array(z.string()).min(1),
    /** `by name and city`: the input is a list of values, one per match field in order, all matched together. */
    together: z.literal(true).optional(),
    missing: MissingPolicyPlan,
    includeArchived: z.boolean(),
    /** `match loose|initials|surname_initial`; absent: exact. */
    matchRule: z.enum(["loose", "initials", "surname_initial"]).optional(),
    /** What a value that matches several records does; absent: reject the row. */
    ambiguous: z
      .discriminatedUnion("policy", [
        z.object({ policy: z.enum(["reject", "first"]) }).strict(),
        z.object({ policy: z.literal("fallback"), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
      ])
      .optional(),
    /**
     * `returns partner_id`: the lookup gives this field of the record it found, read with its
     * records; `type` is what it gives, as an expression's (`record:res.partner` for a many2one:
     * the record it points to; `text`, `boolean`, ... for a plain field: its value).
     */
    returns: z.object({ field: z.string(), type: PlanType }).strict().optional(),
    /** What the target schema says exists; a live run asks the server instead. */
    known: z.array(KnownRecordPlan),
  })
  .strict();
export type LookupPlan = z.infer<typeof LookupPlan>;

/** A constant written to Odoo: a literal, or a reference record by external ID. */
export const PlanValue = z.union([Literal, z.object({ model: z.string(), xmlid: z.string() }).strict()]);
export type PlanValue = z.infer<typeof PlanValue>;

export const TablePlan = z
  .object({
    name: z.string(),
    input: PlanType,
    output: PlanType,
    entries: z.array(z.object({ keys: z.array(Literal), value: PlanValue }).strict()),
    unmatched: z.discriminatedUnion("action", [
      z.object({ action: z.enum(["reject", "flag", "keep", "empty"]) }).strict(),
      z.object({ action: z.literal("value"), value: PlanValue }).strict(),
    ]),
  })
  .strict();
export type TablePlan = z.infer<typeof TablePlan>;

export const CustomFieldPlan = z
  .object({
    model: z.string(),
    name: z.string().regex(/^x_/),
    type: z.string(),
    label: z.string(),
    help: z.string().optional(),
    required: z.boolean(),
    relation: z.string().optional(),
    selection: z.array(z.object({ value: z.string(), label: z.string() }).strict()).optional(),
  })
  .strict();
export type CustomFieldPlan = z.infer<typeof CustomFieldPlan>;

export const RecordPlan = z
  .object({
    name: z.string(),
    model: z.string(),
    /** The record's external ID: ours when we ensure it, Odoo's when it already exists. */
    xmlid: z.string(),
    existing: z.boolean(),
    /** The field an existing record is found by before one is created (e.g. a stage by name). */
    match: z.object({ field: z.string(), value: Literal }).strict().optional(),
    values: z.record(z.string(), PlanValue),
  })
  .strict();
export type RecordPlan = z.infer<typeof RecordPlan>;

export const OperationPlan = z
  .object({
    field: z.string(),
    /** Odoo's type of the field (char, many2one, ...), so the runtime formats the value for it. */
    fieldType: z.string(),
    relation: z.string().optional(),
    required: z.boolean(),
    /**
     * Odoo fills this required field itself when a write leaves it out (default_get), so an empty
     * value is left out for that default instead of rejecting the row: load() would write False.
     */
    defaulted: z.literal(true).optional(),
    /** A character limit Odoo enforces (size), when it has one. */
    size: z.number().int().positive().optional(),
    /** The keys a selection field takes, so that a dry run can refuse others. */
    selection: z.array(z.string()).optional(),
    value: PlanExpression,
  })
  .strict();
export type OperationPlan = z.infer<typeof OperationPlan>;

/** Only when the record's `field` holds one of `values`, or is left to Odoo's default (`byDefault`). */
const AppliesWhen = z.object({ field: z.string(), values: z.array(z.string()), byDefault: z.boolean() }).strict();

/**
 * A rule Odoo enforces on a field beyond fields_get's flags (a Python or SQL constraint, from
 * compiler/catalog/constraints.ts): a row breaking it is rejected with Odoo's own message.
 */
export const ConstraintPlan = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("required"),
      field: z.string(),
      message: z.string(),
      appliesWhen: AppliesWhen.optional(),
    })
    .strict(),
  z.object({ kind: z.literal("range"), field: z.string(), min: z.number(), max: z.number(), message: z.string() }).strict(),
  /** The field may not lead a record back to itself (checked on the second pass, where self-references are written). */
  z.object({ kind: z.literal("acyclic"), field: z.string(), message: z.string() }).strict(),
  /**
   * A field Odoo requires that the step does not write, kept when FM405 was demoted: a row is
   * refused unless one of `computedFrom` (what Odoo makes the field from on create) has a value.
   */
  z
    .object({
      kind: z.literal("unset"),
      field: z.string(),
      label: z.string(),
      computedFrom: z.array(z.string()),
      /** Odoo's own message, when a constraint beyond fields_get requires the field. */
      message: z.string().optional(),
      appliesWhen: AppliesWhen.optional(),
    })
    .strict(),
]);
export type ConstraintPlan = z.infer<typeof ConstraintPlan>;

export const StepPlan = z
  .object({
    /** The alias: records of this step get external IDs `<namespace>.<id>_<key>`. */
    id: z.string(),
    kind: z.enum(["map", "split", "child"]),
    entity: z.string(),
    model: z.string(),
    /** Every condition must hold for a row to make a record; otherwise the row is skipped here. */
    conditions: z.array(PlanExpression),
    forEach: z.object({ group: z.string(), from: z.number().int(), to: z.number().int() }).strict().optional(),
    parent: z.object({ step: z.string(), field: z.string(), inverse: z.string(), by: z.string() }).strict().optional(),
    operations: z.array(OperationPlan),
    /** Written in a second pass, once every record exists (self-references, broken cycles). */
    deferred: z.array(OperationPlan),
    /** Steps whose records this step points to and that load first. */
    dependsOn: z.array(z.string()),
    /** Odoo's constraints on the fields this step writes, and the required fields it leaves unset; absent when none. */
    constraints: z.array(ConstraintPlan).optional(),
    /**
     * `merge onto`: a row whose `onto` finds a record of one of the `into` steps (which load first)
     * is written onto that record, the fields that record holds no value in and those of
     * `overwrite` (a many2many's records added to its own), instead of making a record of its own.
     */
    merge: z.object({ onto: PlanExpression, into: z.array(z.string()), overwrite: z.array(z.string()) }).strict().optional(),
  })
  .strict();
export type StepPlan = z.infer<typeof StepPlan>;

/** `ref contact "C1"` in a test's expect: the record of step `step` made from the row with key `key`. */
export const ExpectedRecordPlan = z.object({ step: z.string(), key: z.string() }).strict();
export type ExpectedRecordPlan = z.infer<typeof ExpectedRecordPlan>;

/** What a test expects in a field: a value, a migrated record, or the records a many-to-many holds, in any order. */
export const ExpectedValuePlan = z.union([PlanValue, ExpectedRecordPlan, z.array(z.union([PlanValue, ExpectedRecordPlan]))]);
export type ExpectedValuePlan = z.infer<typeof ExpectedValuePlan>;

export const TestPlan = z
  .object({
    name: z.string(),
    given: z.array(z.object({ entity: z.string(), cells: z.record(z.string(), z.string()) }).strict()),
    /** `given odoo MODEL { ... }`: records the test takes the target to hold, which lookups find. */
    odoo: z.array(z.object({ model: z.string(), values: z.record(z.string(), PlanValue) }).strict()).optional(),
    expect: z.array(
      z.discriminatedUnion("kind", [
        z
          .object({
            kind: z.literal("record"),
            model: z.string(),
            /** A value, or `ref ALIAS "KEY"`: the record step ALIAS made from the row with that key, or a list of such. */
            values: z.record(z.string(), ExpectedValuePlan),
            line: z.number().int(),
            /** Exactly this many records must have the values (0: none); without it, at least one. */
            count: z.number().int().nonnegative().optional(),
          })
          .strict(),
        z.object({ kind: z.enum(["reject", "skip"]), entity: z.string(), message: z.string().optional(), line: z.number().int() }).strict(),
      ]),
    ),
    file: z.string(),
    line: z.number().int(),
  })
  .strict();
export type TestPlan = z.infer<typeof TestPlan>;

export const Plan = z
  .object({
    format: z.literal(PLAN_FORMAT),
    version: z.literal(PLAN_VERSION),
    migration: z
      .object({
        name: z.string(),
        namespace: z.string().min(1),
        /**
         * `deleted archive`: a live run archives (`active` = false) records earlier runs wrote whose
         * source row is gone from the export. Absent or `report`: they are only reported.
         */
        deleted: z.enum(["report", "archive"]).optional(),
      })
      .strict(),
    target: z.object({ series: z.string(), serverVersion: z.string(), origin: z.enum(["catalog", "file"]), modules: z.array(z.string()) }).strict(),
    entities: z.array(EntityPlan),
    lookups: z.array(LookupPlan),
    tables: z.array(TablePlan),
    setup: z.object({ customFields: z.array(CustomFieldPlan), records: z.array(RecordPlan) }).strict(),
    steps: z.array(StepPlan),
    tests: z.array(TestPlan),
  })
  .strict();
export type Plan = z.infer<typeof Plan>;
