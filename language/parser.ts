/**
 * The .flitmap grammar: one Chevrotain rule per construct, with error recovery. Each rule reads
 * into its frame (build-ast.ts, build-bodies.ts, build-expressions.ts), which builds the rule's
 * syntax tree node as the rule ends (tree-parser.ts says how, including for input the parser had to
 * recover from).
 *
 * Statement choices look at one or two tokens through explicit gates instead of letting Chevrotain
 * pick a lookahead depth: a half-typed statement such as `name trim` must still be taken as an
 * assignment, so that the error says "expected `<-` or `=` after the field name `name`".
 *
 * Alternatives are set up once, as fields (rebuilding them at every choice made the parser spend
 * most of its time collecting garbage); an alternative that reads several parts writes them into
 * the frame of its rule (`frameOf`).
 */
import { EOF, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from "chevrotain";
import * as B from "./build-ast.js";
import * as Body from "./build-bodies.js";
import * as D from "./build-data.js";
import * as E from "./build-expressions.js";
import { literalOf } from "./build-leaves.js";
import { FlitmapLookahead } from "./lookahead.js";
import { LOOKAHEAD_TABLE } from "./lookahead-table.js";
import type * as A from "./ast.js";
import { restoreRules, type StoredRule } from "./stored-grammar.js";
import { createErrorMessageProvider } from "./syntax-messages.js";
import * as T from "./tokens.js";
import { TreeParser, type Built } from "./tree-parser.js";

const k = T.keywordToken;

/** The keyword tokens the grammar reads, looked up once rather than at every choice. */
const KW = {
  ambiguous: k("ambiguous"),
  and: k("and"),
  archive: k("archive"),
  archived: k("archived"),
  as: k("as"),
  asc: k("asc"),
  by: k("by"),
  csv: k("csv"),
  deleted: k("deleted"),
  desc: k("desc"),
  duplicates: k("duplicates"),
  each: k("each"),
  else: k("else"),
  empty: k("empty"),
  entity: k("entity"),
  exclude: k("exclude"),
  existing: k("existing"),
  expect: k("expect"),
  extend: k("extend"),
  fallback: k("fallback"),
  false: k("false"),
  first: k("first"),
  flag: k("flag"),
  for: k("for"),
  from: k("from"),
  given: k("given"),
  group: k("group"),
  halt: k("halt"),
  has: k("has"),
  help: k("help"),
  if: k("if"),
  ignore: k("ignore"),
  import: k("import"),
  in: k("in"),
  include: k("include"),
  is: k("is"),
  keep: k("keep"),
  key: k("key"),
  lacks: k("lacks"),
  last: k("last"),
  let: k("let"),
  lookup: k("lookup"),
  map: k("map"),
  merge: k("merge"),
  match: k("match"),
  migration: k("migration"),
  missing: k("missing"),
  modified: k("modified"),
  newest: k("newest"),
  not: k("not"),
  odoo: k("odoo"),
  optional: k("optional"),
  onto: k("onto"),
  overwrite: k("overwrite"),
  or: k("or"),
  order: k("order"),
  personal: k("personal"),
  present: k("present"),
  records: k("records"),
  ref: k("ref"),
  references: k("references"),
  reject: k("reject"),
  report: k("report"),
  required: k("required"),
  returns: k("returns"),
  rule: k("rule"),
  schema: k("schema"),
  setting: k("setting"),
  skip: k("skip"),
  source: k("source"),
  split: k("split"),
  step: k("step"),
  table: k("table"),
  target: k("target"),
  test: k("test"),
  then: k("then"),
  true: k("true"),
  unique: k("unique"),
  when: k("when"),
  with: k("with"),
  xmlid: k("xmlid"),
} as const;

/** What a name token stands for, used to phrase syntax errors ("the entity name `Company`"). */
export type NameRole =
  | "migration name"
  | "source name"
  | "entity name"
  | "column name"
  | "column type"
  | "key column"
  | "group name"
  | "lookup name"
  | "model name"
  | "match field"
  | "record name"
  | "table name"
  | "field name"
  | "custom field name"
  | "field type"
  | "entity"
  | "alias"
  | "column"
  | "step name"
  | "imported name"
  | "value name"
  | "rule name"
  | "severity"
  | "option name"
  | "order column"
  | "selection key"
  | "setting name"
  | "match rule";

/** Tokens of lookahead a choice may take; most take one, through gates. */
export const MAX_LOOKAHEAD = 3;

const RELATIONAL_TYPES = new Set(["many2one", "many2many", "one2many"]);

/** The places an operand stands in an expression: each reads it with its own occurrence numbers. */
const enum OperandSite {
  First = 1,
  AfterOr = 2,
  AfterAnd = 3,
  AfterCoalesce = 4,
  AfterComparison = 5,
  AfterArithmetic = 6,
}

/** A choice among statements, each behind the gate that says which one the next tokens start. */
function gated<Result>(choices: IOrAlt<Result>[]): OrMethodOpts<Result> {
  return { IGNORE_AMBIGUITIES: true, MAX_LOOKAHEAD: 1, DEF: choices };
}

export class FlitmapParser extends TreeParser<B.RuleResults> {
  /** The role of the name being consumed, so that a missing one is called by what it is. */
  private expectedRole: NameRole | undefined;
  /** The last name consumed and its role: error messages name the token before the error by its role. */
  private lastName: IToken | undefined;
  private lastNameRole: NameRole | undefined;
  /** The whole dotted name the last qualified name's last part ends, to name it in messages. */
  private lastDotted: { readonly token: IToken; readonly text: string } | undefined;
  /** Reserved words used where a declaration's name stands: parsed as the name, reported by parse(). */
  readonly reservedNames: { token: IToken; role: NameRole }[] = [];
  private declaring: NameRole = "entity name";

  /**
   * `validate` has Chevrotain check the grammar (the tests do; the shared parser skips those checks,
   * which cost a quarter of its set-up); `lookahead` computes lookahead its own way (the tests make
   * the table of lookahead-table.ts with one that reads none). Either has the grammar recorded;
   * otherwise its productions are restored from `grammar` (by default the table's: stored-grammar.ts).
   */
  constructor(options: { readonly validate?: boolean; readonly lookahead?: FlitmapLookahead; readonly grammar?: readonly StoredRule[] } = {}) {
    super(T.allTokenTypes, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      skipValidations: options.validate !== true,
      lookaheadStrategy: options.lookahead ?? new FlitmapLookahead(MAX_LOOKAHEAD, LOOKAHEAD_TABLE, T.allTokenTypes),
      errorMessageProvider: createErrorMessageProvider({
        roleOf: (token) => (token === this.lastName ? this.lastNameRole : undefined),
        displayText: (token) => (token === this.lastDotted?.token ? this.lastDotted.text : token.image),
        expectedRole: () => this.expectedRole,
      }),
    });
    // Checked or with lookahead of its own, the grammar is recorded from the rules as they are.
    const stored = options.validate === true || options.lookahead !== undefined ? undefined : (options.grammar ?? LOOKAHEAD_TABLE.rules);
    this.analyseGrammar(stored === undefined ? undefined : restoreRules(stored, [...T.allTokenTypes, EOF]));
  }

  /**
   * The declarations of `tokens`, with errors in `errors`, `reservedNames`, `strayRuns` and `tooDeep`.
   * `region` (language/reparse.ts) parses only the declarations from token `from` on, and stops
   * between declarations before a token starting at one of `stopOffsets`: where a top-level
   * declaration of the previous parse starts again after an edit. `stoppedAt` then says where.
   */
  parseDocument(tokens: IToken[], region?: { readonly from: number; readonly stopOffsets: ReadonlySet<number> }): Built<A.Declaration[]> {
    this.resetTree();
    this.expectedRole = undefined;
    this.lastName = undefined;
    this.lastNameRole = undefined;
    this.lastDotted = undefined;
    this.reservedNames.length = 0;
    this.input = tokens;
    this.stopOffsets = region?.stopOffsets;
    this.stoppedAt = undefined;
    // The token before the region stays the previous token, as error messages name it.
    if (region !== undefined) for (let index = 0; index < region.from; index++) this.SKIP_TOKEN();
    return this.document();
  }

  private stopOffsets: ReadonlySet<number> | undefined;
  /** The offset of the token a region parse stopped before (see parseDocument), if it stopped. */
  stoppedAt: number | undefined;

  private stopsHere(): boolean {
    if (this.stopOffsets === undefined || !this.stopOffsets.has(this.LA(1).startOffset)) return false;
    this.stoppedAt = this.LA(1).startOffset;
    return true;
  }

  /** Lets the last parse's tokens go: a shared parser would otherwise keep them until the next parse. */
  release(): void {
    this.input = [];
    this.lastName = undefined;
    this.lastDotted = undefined;
    this.reservedNames.length = 0;
    this.releaseTree();
  }

  private consumeName(index: number, role: NameRole): IToken | undefined {
    this.expectedRole = role;
    const token = this.token(index, T.Name);
    if (token !== undefined) {
      this.lastName = token;
      this.lastNameRole = role;
    }
    return token;
  }

  /**
   * The name of something being declared. A reserved word there is taken as the name and reported,
   * so that the rest of the declaration still parses.
   */
  private declaredName(index: 1 | 2, role: NameRole): IToken | undefined {
    this.declaring = role;
    return this.or(100 + index, this.declaredNameChoices[index - 1] ?? []);
  }

  private readonly declaredNameChoices: IOrAlt<IToken | undefined>[][] = [1, 2].map((index) => [
    { ALT: () => this.consumeName(100 + index, this.declaring) },
    {
      ALT: () => {
        const token = this.token(100 + index, T.ReservedWord);
        if (token !== undefined && !this.RECORDING_PHASE) {
          this.lastName = token;
          this.lastNameRole = this.declaring;
          this.reservedNames.push({ token, role: this.declaring });
        }
        return token;
      },
    },
  ]);

  /** Odoo has a field named `ref` (res.partner's reference), so that reserved word may name a field. */
  private readonly fieldNameChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.consumeName(90, "field name") }, { ALT: () => this.token(90, KW.ref) }];

  /**
   * Whether a repetition or option that can only start with `type` may start here. Most values
   * have no `not`, pipe or dotted part: skipping the repetition there does what Chevrotain would do
   * (none of these is followed by a token its recovery would look for), without its bookkeeping.
   * While the grammar is recorded, every part must be visited.
   */
  private mayStart(type: TokenType): boolean {
    return this.RECORDING_PHASE || this.is(1, type);
  }

  private isAssignmentOperator(offset: number): boolean {
    return this.is(offset, T.AssignmentOperator);
  }

  private readonly strayGate = (): boolean => this.isStray();

  /** A statement of a block: `undefined` for a skipped stray token. */
  private strayChoice<Result>(): IOrAlt<Result | undefined> {
    return { GATE: this.strayGate, ALT: () => this.stray(99) };
  }

  /** The statements of a block up to its `}`, each one the choice `choices` makes; tokens none takes are skipped. */
  private statements<Item>(items: Item[], choices: OrMethodOpts<Item | undefined>): void {
    // Every token may start a statement (a stray one, skipped); `}` ends the block: reading nothing
    // ends the repetition, which costs less than a gate Chevrotain would wrap at every block.
    this.many(50, () => {
      if (!this.RECORDING_PHASE && !this.isStray()) return;
      const item = this.or(50, choices);
      if (item !== undefined) items.push(item);
    });
  }

  // -------------------------------------------------------------------------------------------
  // file

  document = this.tree("document", B.DocumentFrame, (f) => {
    this.MANY({
      GATE: () => !this.is(1, EOF),
      DEF: () => {
        // A region's end reads nothing, which ends the repetition without Chevrotain's recovery
        // skipping the rest of the file in search of more declarations (a gate would start it).
        if (this.stopsHere()) return;
        const declaration = this.OR(this.declarationChoices);
        if (declaration !== undefined) f.declarations.push(declaration);
      },
    });
  });

  private readonly declarationChoices = gated<Built<A.Declaration> | undefined>([
    { GATE: () => this.is(1, KW.import), ALT: () => this.SUBRULE(this.importDeclaration) },
    { GATE: () => this.is(1, KW.migration), ALT: () => this.SUBRULE(this.migrationDeclaration) },
    { GATE: () => this.is(1, KW.source), ALT: () => this.SUBRULE(this.sourceDeclaration) },
    { GATE: () => this.is(1, KW.lookup), ALT: () => this.SUBRULE(this.lookupDeclaration) },
    { GATE: () => this.is(1, KW.records), ALT: () => this.SUBRULE(this.recordsDeclaration) },
    { GATE: () => this.is(1, KW.table), ALT: () => this.SUBRULE(this.tableDeclaration) },
    { GATE: () => this.is(1, KW.step), ALT: () => this.SUBRULE(this.stepDeclaration) },
    { GATE: () => this.is(1, KW.extend), ALT: () => this.SUBRULE(this.extendDeclaration) },
    { GATE: () => this.is(1, KW.map), ALT: () => this.SUBRULE(this.mapDeclaration) },
    { GATE: () => this.is(1, KW.split), ALT: () => this.SUBRULE(this.splitDeclaration) },
    { GATE: () => this.is(1, KW.test), ALT: () => this.SUBRULE(this.testDeclaration) },
    { ALT: () => this.stray(99) },
  ]);

  importDeclaration = this.tree("importDeclaration", B.ImportFrame, (f) => {
    this.token(1, KW.import);
    this.token(2, T.LCurly);
    this.MANY(() => {
      const imported = this.consumeName(3, "imported name");
      if (imported !== undefined) f.names.push(imported);
      this.OPTION(() => this.token(4, T.Comma));
    });
    this.token(5, T.RCurly);
    this.token(6, KW.from);
    f.from = this.token(7, T.StringLike);
  });

  // -------------------------------------------------------------------------------------------
  // migration

  migrationDeclaration = this.tree("migrationDeclaration", B.MigrationFrame, (f) => {
    this.token(1, KW.migration);
    f.name = this.declaredName(1, "migration name");
    this.token(2, T.LCurly);
    this.statements(f.items, this.migrationChoices);
    this.token(3, T.RCurly);
  });

  private readonly migrationChoices = gated<Built<A.MigrationItem> | undefined>([
    { GATE: () => this.is(1, KW.source), ALT: () => this.SUBRULE(this.sourceReference) },
    { GATE: () => this.is(1, KW.target), ALT: () => this.SUBRULE(this.targetSetting) },
    { GATE: () => this.is(1, KW.xmlid), ALT: () => this.SUBRULE(this.xmlidSetting) },
    { GATE: () => this.is(1, KW.rule), ALT: () => this.SUBRULE(this.ruleSetting) },
    { GATE: () => this.is(1, KW.setting), ALT: () => this.SUBRULE(this.settingDeclaration) },
    { GATE: () => this.is(1, KW.deleted), ALT: () => this.SUBRULE(this.deletedSetting) },
    this.strayChoice(),
  ]);

  sourceReference = this.tree("sourceReference", B.SourceReferenceFrame, (f) => {
    this.token(1, KW.source);
    f.source = this.consumeName(2, "source name");
  });

  targetSetting = this.tree("targetSetting", B.TargetSettingFrame, () => {
    this.token(1, KW.target);
    this.token(2, KW.odoo);
    this.OR(this.targetSettingChoices);
  });

  private readonly targetSettingChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(B.TargetSettingFrame).series = this.token(3, T.StringLike)) },
    {
      ALT: () => {
        const f = this.frameOf(B.TargetSettingFrame);
        f.schema = this.token(4, KW.schema);
        f.schemaFile = this.token(5, T.StringLike);
      },
    },
  ];

  xmlidSetting = this.tree("xmlidSetting", B.XmlidSettingFrame, (f) => {
    this.token(1, KW.xmlid);
    f.namespace = this.token(2, T.StringLike);
  });

  settingDeclaration = this.tree("settingDeclaration", B.SettingDeclarationFrame, (f) => {
    this.token(1, KW.setting);
    f.name = this.consumeName(2, "setting name");
    // `setting rate 395`: a number, read by expressions; `setting links "text"`: text.
    this.OR(this.settingValueChoices);
  });

  private readonly settingValueChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(B.SettingDeclarationFrame).value = this.token(3, T.StringLike)) },
    { ALT: () => void (this.frameOf(B.SettingDeclarationFrame).value = this.token(4, T.NumberLiteral)) },
  ];

  deletedSetting = this.tree("deletedSetting", B.DeletedSettingFrame, (f) => {
    this.token(1, KW.deleted);
    f.policy = this.OR(this.deletedChoices);
  });

  private readonly deletedChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.token(2, KW.report) }, { ALT: () => this.token(3, KW.archive) }];

  ruleSetting = this.tree("ruleSetting", B.RuleSettingFrame, (f) => {
    this.token(1, KW.rule);
    f.rule = this.consumeName(2, "rule name");
    f.severity = this.consumeName(3, "severity");
  });

  // -------------------------------------------------------------------------------------------
  // source

  sourceDeclaration = this.tree("sourceDeclaration", B.SourceFrame, (f) => {
    this.token(1, KW.source);
    f.name = this.declaredName(1, "source name");
    this.token(2, T.LCurly);
    this.statements(f.items, this.sourceChoices);
    this.token(3, T.RCurly);
  });

  private readonly sourceChoices = gated<Built<A.SourceItem> | undefined>([
    { GATE: () => this.is(1, KW.csv), ALT: () => this.SUBRULE(this.csvOptions) },
    { GATE: () => this.is(1, KW.entity), ALT: () => this.SUBRULE(this.entityDeclaration) },
    this.strayChoice(),
  ]);

  csvOptions = this.tree("csvOptions", B.CsvOptionsFrame, (f) => {
    this.token(1, KW.csv);
    this.token(2, T.LCurly);
    this.statements(f.options, this.csvChoices);
    this.token(3, T.RCurly);
  });

  private readonly csvChoices = gated<Built<A.OptionSetting> | undefined>([
    { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.optionSetting) },
    this.strayChoice(),
  ]);

  optionSetting = this.tree("optionSetting", B.OptionSettingFrame, (f) => {
    f.name = this.consumeName(1, "option name");
    f.value = this.SUBRULE(this.literal);
  });

  entityDeclaration = this.tree("entityDeclaration", B.EntityFrame, (f) => {
    this.token(1, KW.entity);
    f.name = this.declaredName(1, "entity name");
    f.pattern = this.token(2, T.StringLike);
    // A missing key is the compiler's to report: the entity's columns still parse.
    this.OPTION(() => {
      this.token(3, KW.key);
      this.OR(this.keyChoices);
      this.OPTION3(() => void (f.keyOptional = this.token(11, KW.optional)));
    });
    this.token(4, T.LCurly);
    this.statements(f.items, this.entityChoices);
    this.token(5, T.RCurly);
  });

  private readonly keyChoices: IOrAlt<void>[] = [
    { ALT: () => this.keyColumn(6) },
    {
      ALT: () => {
        this.token(7, T.LParen);
        this.MANY2(() => {
          this.keyColumn(8);
          this.OPTION2(() => this.token(9, T.Comma));
        });
        this.token(10, T.RParen);
      },
    },
  ];

  private keyColumn(index: number): void {
    const key = this.consumeName(index, "key column");
    if (key !== undefined) this.frameOf(B.EntityFrame).key.push(key);
  }

  private readonly entityChoices = gated<Built<A.EntityItem | undefined> | undefined>([
    { GATE: () => this.is(1, KW.csv) && this.is(2, T.LCurly), ALT: () => this.SUBRULE(this.csvOptions) },
    { GATE: () => this.is(1, KW.duplicates) && this.is(2, KW.keep), ALT: () => this.SUBRULE(this.duplicatesRule) },
    { GATE: () => this.is(1, KW.group) && this.is(2, T.Name) && this.is(3, T.LBracket), ALT: () => this.SUBRULE(this.columnGroup) },
    { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.columnDeclaration) },
    this.strayChoice(),
  ]);

  columnDeclaration = this.tree("columnDeclaration", B.ColumnDeclarationFrame, (f) => {
    f.name = this.consumeName(1, "column name");
    this.OPTION(() => (f.header = this.token(2, T.StringLike)));
    f.type = this.consumeName(3, "column type");
    this.OPTION2(() => (f.format = this.token(4, T.StringLike)));
    if (
      this.RECORDING_PHASE ||
      this.is(1, KW.required) ||
      this.is(1, KW.personal) ||
      this.is(1, KW.modified) ||
      this.is(1, KW.references) ||
      this.startsUnique() ||
      this.startsEmptyWhen()
    )
      this.MANY(this.columnModifier);
  });

  /** `unique`, unless it is the next column's name before its header (`unique "Único" text`). */
  private startsUnique(): boolean {
    return this.is(1, KW.unique) && !this.is(2, T.StringLike);
  }

  /** `empty when "TBC"`: `empty` alone is the name of the next column. */
  private startsEmptyWhen(): boolean {
    return this.is(1, KW.empty) && this.is(2, KW.when);
  }

  /** `references` is a modifier only before an entity name, `empty` only before `when`: reading nothing ends the modifiers. */
  private readonly columnModifier = (): void => {
    if (!this.RECORDING_PHASE && this.is(1, KW.references) && !this.is(2, T.Name)) return;
    if (!this.RECORDING_PHASE && this.is(1, KW.empty) && !this.is(2, KW.when)) return;
    if (!this.RECORDING_PHASE && this.is(1, KW.unique) && !this.startsUnique()) return;
    this.OR(this.columnModifierChoices);
  };

  private modifierKeyword(token: IToken | undefined): void {
    if (token !== undefined) this.frameOf(B.ColumnDeclarationFrame).modifiers.push(token);
  }

  // Modifiers are taken greedily: a column named `required` needs another name and its header in quotes.
  private readonly columnModifierChoices: IOrAlt<void>[] = [
    { ALT: () => this.modifierKeyword(this.token(5, KW.required)) },
    { ALT: () => this.modifierKeyword(this.token(6, KW.personal)) },
    { ALT: () => this.modifierKeyword(this.token(7, KW.modified)) },
    {
      ALT: () => {
        this.modifierKeyword(this.token(8, KW.references));
        const entity = this.consumeName(9, "entity name");
        const f = this.frameOf(B.ColumnDeclarationFrame);
        f.referenced ??= entity;
      },
    },
    {
      ALT: () => {
        const f = this.frameOf(B.ColumnDeclarationFrame);
        f.emptyWhen ??= { keyword: this.token(10, KW.empty), values: [] };
        this.token(11, KW.when);
        const first = this.token(12, T.StringLike);
        if (first !== undefined) f.emptyWhen.values.push(first);
        this.MANY2(() => {
          this.token(13, T.Comma);
          const next = this.token(14, T.StringLike);
          if (next !== undefined) f.emptyWhen?.values.push(next);
        });
      },
    },
    {
      ALT: () => {
        const f = this.frameOf(B.ColumnDeclarationFrame);
        f.unique ??= { keyword: this.token(15, KW.unique), match: undefined, ambiguous: undefined };
        // `match` after `unique` is how values compare, `ambiguous` its policy; a column so named needs another name.
        this.OPTION4(() => {
          this.token(20, KW.match);
          const rule = this.consumeName(21, "match rule");
          const unique = this.frameOf(B.ColumnDeclarationFrame).unique;
          if (rule !== undefined && unique !== undefined) unique.match = rule;
        });
        this.OPTION3(() => {
          this.token(16, KW.ambiguous);
          this.OR2(this.uniqueAmbiguityChoices);
        });
      },
    },
  ];

  private readonly uniqueAmbiguityChoices: IOrAlt<void>[] = [
    { ALT: () => this.uniqueAmbiguity(this.token(17, KW.reject)) },
    { ALT: () => this.uniqueAmbiguity(this.token(18, KW.first)) },
    { ALT: () => this.uniqueAmbiguity(this.token(19, KW.last)) },
  ];

  private uniqueAmbiguity(token: IToken | undefined): void {
    const unique = this.frameOf(B.ColumnDeclarationFrame).unique;
    if (token !== undefined && unique !== undefined) unique.ambiguous = token;
  }

  duplicatesRule = this.tree("duplicatesRule", B.DuplicatesRuleFrame, () => {
    this.token(1, KW.duplicates);
    this.token(2, KW.keep);
    this.OR(this.duplicatesChoices);
  });

  private readonly duplicatesChoices: IOrAlt<void>[] = [
    { ALT: () => this.keep(this.token(3, KW.first), "first") },
    { ALT: () => this.keep(this.token(4, KW.last), "last") },
    {
      ALT: () => {
        this.keep(this.token(5, KW.newest), "newest");
        this.OPTION(() => {
          this.token(6, KW.by);
          this.frameOf(B.DuplicatesRuleFrame).by = this.consumeName(7, "column");
        });
      },
    },
  ];

  private keep(token: IToken | undefined, keep: A.DuplicatesKeep): void {
    if (token !== undefined) this.frameOf(B.DuplicatesRuleFrame).keep = keep;
  }

  columnGroup = this.tree("columnGroup", B.ColumnGroupFrame, (f) => {
    this.token(1, KW.group);
    f.name = this.declaredName(1, "group name");
    this.token(2, T.LBracket);
    f.from = this.token(3, T.NumberLiteral);
    this.token(4, T.DotDot);
    f.to = this.token(5, T.NumberLiteral);
    this.token(6, T.RBracket);
    this.token(7, T.LCurly);
    this.statements(f.columns, this.groupChoices);
    this.token(8, T.RCurly);
  });

  private readonly groupChoices = gated<Built<A.ColumnDeclaration | undefined> | undefined>([
    { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.columnDeclaration) },
    this.strayChoice(),
  ]);

  // -------------------------------------------------------------------------------------------
  // lookup, records, table, extend

  lookupDeclaration = this.tree("lookupDeclaration", D.LookupFrame, (f) => {
    this.token(1, KW.lookup);
    f.name = this.declaredName(1, "lookup name");
    this.token(2, KW.in);
    f.model = this.SUBRULE(this.qualifiedName);
    this.token(3, KW.by);
    this.matchField(4);
    this.MANY(() => {
      this.OR(this.lookupJoinerChoices);
      this.matchField(6);
    });
    // `returns partner_id`: the lookup gives this field of the record it found, not the record.
    this.OPTION2(() => {
      this.token(10, KW.returns);
      const field = this.consumeName(11, "field name");
      if (field !== undefined) this.frameOf(D.LookupFrame).returns = field;
    });
    this.OPTION(() => {
      this.token(7, T.LCurly);
      this.statements(f.items, this.lookupChoices);
      this.token(8, T.RCurly);
    });
  });

  // `or` tries each field in turn; `and` matches a list of values, one per field, together.
  private readonly lookupJoinerChoices: IOrAlt<void>[] = [
    { ALT: () => this.joiner(this.token(5, KW.or), "or") },
    { ALT: () => this.joiner(this.token(9, KW.and), "and") },
  ];

  private joiner(token: IToken | undefined, word: "or" | "and"): void {
    if (token !== undefined) this.frameOf(D.LookupFrame).joiners.push(word);
  }

  private matchField(index: number): void {
    const field = this.consumeName(index, "match field");
    if (field !== undefined) this.frameOf(D.LookupFrame).match.push(field);
  }

  private readonly lookupChoices = gated<Built<A.LookupItem> | undefined>([
    { GATE: () => this.is(1, KW.missing), ALT: () => this.SUBRULE(this.missingPolicy) },
    { GATE: () => this.is(1, KW.archived), ALT: () => this.SUBRULE(this.archivedSetting) },
    { GATE: () => this.is(1, KW.match), ALT: () => this.SUBRULE(this.matchRule) },
    { GATE: () => this.is(1, KW.ambiguous), ALT: () => this.SUBRULE(this.ambiguousPolicy) },
    this.strayChoice(),
  ]);

  matchRule = this.tree("matchRule", D.MatchRuleFrame, (f) => {
    this.token(1, KW.match);
    f.rule = this.consumeName(2, "match rule");
  });

  ambiguousPolicy = this.tree("ambiguousPolicy", D.AmbiguousPolicyFrame, () => {
    this.token(1, KW.ambiguous);
    this.OR(this.ambiguousPolicyChoices);
  });

  private readonly ambiguousPolicyChoices: IOrAlt<void>[] = [
    { ALT: () => this.ambiguous(this.token(2, KW.reject), "reject") },
    { ALT: () => this.ambiguous(this.token(3, KW.first), "first") },
    {
      ALT: () => {
        this.ambiguous(this.token(4, KW.fallback), "fallback");
        this.frameOf(D.AmbiguousPolicyFrame).fallback = this.SUBRULE(this.literal);
      },
    },
  ];

  private ambiguous(token: IToken | undefined, policy: A.AmbiguousPolicyName): void {
    if (token !== undefined) this.frameOf(D.AmbiguousPolicyFrame).policy = policy;
  }

  missingPolicy = this.tree("missingPolicy", D.MissingPolicyFrame, () => {
    this.token(1, KW.missing);
    this.OR(this.missingPolicyChoices);
  });

  private readonly missingPolicyChoices: IOrAlt<void>[] = [
    { ALT: () => this.policy(this.token(2, KW.reject), "reject") },
    { ALT: () => this.policy(this.token(3, KW.flag), "flag") },
    { ALT: () => this.policy(this.token(4, KW.halt), "halt") },
    {
      ALT: () => {
        this.policy(this.token(5, KW.fallback), "fallback");
        this.frameOf(D.MissingPolicyFrame).fallback = this.SUBRULE(this.literal);
      },
    },
  ];

  private policy(token: IToken | undefined, policy: A.MissingPolicyName): void {
    if (token !== undefined) this.frameOf(D.MissingPolicyFrame).policy = policy;
  }

  archivedSetting = this.tree("archivedSetting", D.ArchivedSettingFrame, (f) => {
    this.token(1, KW.archived);
    f.include = this.OR(this.archivedChoices);
  });

  private readonly archivedChoices: IOrAlt<boolean>[] = [
    { ALT: () => this.token(2, KW.include) !== undefined },
    {
      ALT: () => {
        this.token(3, KW.exclude);
        return false;
      },
    },
  ];

  recordsDeclaration = this.tree("recordsDeclaration", D.RecordsFrame, (f) => {
    this.token(1, KW.records);
    f.model = this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.token(2, KW.match);
      f.match = this.consumeName(3, "match field");
    });
    this.token(4, T.LCurly);
    this.statements(f.entries, this.recordsChoices);
    this.token(5, T.RCurly);
  });

  private readonly recordsChoices = gated<Built<A.RecordEntry | undefined> | undefined>([
    { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.recordEntry) },
    this.strayChoice(),
  ]);

  recordEntry = this.tree("recordEntry", D.RecordEntryFrame, (f) => {
    f.name = this.consumeName(1, "record name");
    this.OR(this.recordEntryChoices);
  });

  private readonly recordEntryChoices: IOrAlt<void>[] = [
    {
      ALT: () => {
        const f = this.frameOf(D.RecordEntryFrame);
        f.existingKeyword = this.token(2, KW.existing);
        f.existing = this.token(3, T.StringLike);
      },
    },
    { ALT: () => void (this.frameOf(D.RecordEntryFrame).values = this.SUBRULE(this.fieldValueBlock)) },
  ];

  /** `{ name "Won"  sequence 70 }` */
  fieldValueBlock = this.tree("fieldValueBlock", D.FieldValueBlockFrame, (f) => {
    this.token(1, T.LCurly);
    this.statements(f.items, this.fieldValueChoices);
    this.token(2, T.RCurly);
  });

  private readonly fieldValueChoices = gated<Built<A.FieldValue | undefined> | undefined>([
    { GATE: () => this.is(1, T.Name) || this.is(1, T.StringLike) || this.is(1, KW.ref), ALT: () => this.SUBRULE(this.fieldValue) },
    this.strayChoice(),
  ]);

  fieldValue = this.tree("fieldValue", D.FieldValueFrame, (f) => {
    f.field = this.OR(this.fieldValueNameChoices);
    this.OR2(this.fieldValueChoicesOfValue);
  });

  /** `ref contact "C1"`: the record another map made from a key (what a test expects), a list of such, or a value. */
  private readonly fieldValueChoicesOfValue = gated<void>([
    {
      GATE: () => this.is(1, KW.ref),
      ALT: () => {
        const reference = this.frameOf(D.FieldValueFrame).reference;
        reference.ref = this.token(2, KW.ref);
        reference.alias = this.consumeName(3, "alias");
        reference.key = this.token(4, T.StringLike);
      },
    },
    { GATE: () => this.is(1, T.LBracket), ALT: () => void (this.frameOf(D.FieldValueFrame).list = this.SUBRULE(this.valueList)) },
    { ALT: () => void (this.frameOf(D.FieldValueFrame).value = this.SUBRULE(this.value)) },
  ]);

  /** `[ref tag "vip", ref tag "b2b"]`: the records a many-to-many holds. */
  valueList = this.tree("valueList", D.ValueListFrame, (f) => {
    this.token(1, T.LBracket);
    this.OPTION(() => {
      f.items.push(this.SUBRULE(this.valueListItem));
      this.MANY(() => {
        this.token(2, T.Comma);
        f.items.push(this.SUBRULE2(this.valueListItem));
      });
    });
    this.token(3, T.RBracket);
  });

  valueListItem = this.tree("valueListItem", D.ValueListItemFrame, () => {
    this.OR(this.valueListItemChoices);
  });

  private readonly valueListItemChoices = gated<void>([
    {
      GATE: () => this.is(1, KW.ref),
      ALT: () => {
        const reference = this.frameOf(D.ValueListItemFrame).reference;
        reference.ref = this.token(1, KW.ref);
        reference.alias = this.consumeName(1, "alias");
        reference.key = this.token(2, T.StringLike);
      },
    },
    { ALT: () => void (this.frameOf(D.ValueListItemFrame).value = this.SUBRULE(this.value)) },
  ]);

  private readonly fieldValueNameChoices: IOrAlt<IToken | undefined>[] = [
    { ALT: () => this.OR9(this.fieldNameChoices) },
    { ALT: () => this.token(1, T.StringLike) },
  ];

  value = this.tree("value", D.ValueFrame, () => {
    this.OR(this.valueChoices);
  });

  private readonly valueChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(D.ValueFrame).literal = this.SUBRULE(this.literal)) },
    { ALT: () => void (this.frameOf(D.ValueFrame).record = this.consumeName(1, "record name")) },
  ];

  literal = this.tree("literal", D.LiteralFrame, (f) => {
    f.token = this.OR(this.literalChoices);
  });

  private readonly literalChoices: IOrAlt<IToken | undefined>[] = [
    { ALT: () => this.token(1, T.StringLike) },
    { ALT: () => this.token(2, T.NumberLiteral) },
    { ALT: () => this.token(3, KW.true) },
    { ALT: () => this.token(4, KW.false) },
  ];

  tableDeclaration = this.tree("tableDeclaration", D.TableFrame, (f) => {
    this.token(1, KW.table);
    f.name = this.declaredName(1, "table name");
    this.token(2, T.Colon);
    f.input = this.SUBRULE(this.qualifiedName);
    this.token(3, T.Arrow);
    f.output = this.SUBRULE2(this.qualifiedName);
    this.token(4, T.LCurly);
    this.statements(f.entries, this.tableChoices);
    this.token(5, T.RCurly);
  });

  /** `step fold = trim | upper | replace("Ά", "Α")`: a pipeline's steps without its input, used as one step anywhere. */
  stepDeclaration = this.tree("stepDeclaration", D.StepFrame, (f) => {
    this.token(1, KW.step);
    f.name = this.declaredName(1, "step name");
    this.token(2, T.Equals);
    f.steps.push(this.SUBRULE(this.pipeStep));
    this.MANY(() => {
      this.token(3, T.Pipe);
      f.steps.push(this.SUBRULE2(this.pipeStep));
    });
    this.MANY2(() => f.fallbacks.push(this.SUBRULE(this.stepFallback)));
  });

  /** `?? lyhyt_muoto | ref asiakas by nimi`: steps tried on the step's input where those before give nothing. */
  stepFallback = this.tree("stepFallback", D.StepFallbackFrame, (f) => {
    this.token(1, T.Coalesce);
    f.steps.push(this.SUBRULE(this.pipeStep));
    this.MANY(() => {
      this.token(2, T.Pipe);
      f.steps.push(this.SUBRULE2(this.pipeStep));
    });
  });

  private readonly tableChoices = gated<Built<A.TableEntry | A.TableDefault> | undefined>([
    { GATE: () => this.is(1, T.Underscore), ALT: () => this.SUBRULE(this.tableDefault) },
    {
      GATE: () => this.is(1, T.StringLike) || this.is(1, T.NumberLiteral) || this.is(1, KW.true) || this.is(1, KW.false),
      ALT: () => this.SUBRULE(this.tableEntry),
    },
    this.strayChoice(),
  ]);

  tableEntry = this.tree("tableEntry", D.TableEntryFrame, (f) => {
    f.keys.push(this.SUBRULE(this.literal));
    if (this.mayStart(T.Comma)) this.MANY(this.moreTableKeys);
    this.token(2, T.Arrow);
    this.OR(this.tableEntryValueChoices);
  });

  /** `-> empty`: no value; any other name is a record's. */
  private readonly tableEntryValueChoices = gated<void>([
    { GATE: () => this.is(1, KW.empty), ALT: () => void (this.frameOf(D.TableEntryFrame).empty = this.token(3, KW.empty)) },
    { ALT: () => void (this.frameOf(D.TableEntryFrame).value = this.SUBRULE(this.value)) },
  ]);

  private readonly moreTableKeys = (): void => {
    this.token(1, T.Comma);
    this.frameOf(D.TableEntryFrame).keys.push(this.SUBRULE2(this.literal));
  };

  tableDefault = this.tree("tableDefault", D.TableDefaultFrame, () => {
    this.token(1, T.Underscore);
    this.token(2, T.Arrow);
    this.OR(this.tableDefaultChoices);
  });

  private readonly tableDefaultChoices: OrMethodOpts<void> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.tableAction(this.token(3, KW.reject)) },
      { ALT: () => this.tableAction(this.token(4, KW.flag)) },
      { ALT: () => this.tableAction(this.token(5, KW.keep)) },
      { ALT: () => this.tableAction(this.token(6, KW.empty)) },
      { ALT: () => void (this.frameOf(D.TableDefaultFrame).value = this.SUBRULE(this.value)) },
    ],
  };

  private tableAction(token: IToken | undefined): void {
    this.frameOf(D.TableDefaultFrame).action = token;
  }

  extendDeclaration = this.tree("extendDeclaration", Body.ExtendFrame, (f) => {
    this.token(1, KW.extend);
    f.model = this.SUBRULE(this.qualifiedName);
    f.items = this.SUBRULE(this.extendBlock);
  });

  extendBlock = this.tree(
    "extendBlock",
    Body.ExtendBlockFrame,
    (f) => {
      this.token(1, T.LCurly);
      this.statements(f.items, this.extendChoices);
      this.token(2, T.RCurly);
    },
    "block",
  );

  private readonly extendChoices = gated<Built<A.ExtendItem | undefined> | undefined>([
    { GATE: () => this.is(1, KW.if), ALT: () => this.SUBRULE(this.extendIf) },
    { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.customField) },
    this.strayChoice(),
  ]);

  extendIf = this.tree(
    "extendIf",
    Body.ExtendIfFrame,
    (f) => {
      this.token(1, KW.if);
      f.condition = this.SUBRULE(this.targetCondition);
      f.then = this.SUBRULE(this.extendBlock);
      this.OPTION(() => {
        this.token(2, KW.else);
        this.OR(this.extendElseChoices);
      });
    },
    "if",
  );

  private readonly extendElseChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(Body.ExtendIfFrame).elseIf = this.SUBRULE2(this.extendIf)) },
    { ALT: () => void (this.frameOf(Body.ExtendIfFrame).else = this.SUBRULE2(this.extendBlock)) },
  ];

  customField = this.tree("customField", Body.CustomFieldFrame, (f) => {
    f.name = this.consumeName(1, "custom field name");
    f.type = this.consumeName(2, "field type");
    this.OPTION({
      GATE: () => RELATIONAL_TYPES.has(this.frameOf(Body.CustomFieldFrame).type?.image ?? "") && this.is(1, T.Name),
      DEF: () => (f.relation = this.SUBRULE(this.qualifiedName)),
    });
    this.OPTION2(() => (f.label = this.token(3, T.StringLike)));
    this.MANY({ MAX_LOOKAHEAD: 1, GATE: this.customFieldPartGate, DEF: () => this.OR(this.customFieldParts) });
  });

  private readonly customFieldPartGate = (): boolean => (this.is(1, KW.help) && this.is(2, T.StringLike)) || this.is(1, KW.required) || this.is(1, T.LCurly);

  private readonly customFieldParts = gated<void>([
    {
      GATE: () => this.is(1, KW.help) && this.is(2, T.StringLike),
      ALT: () => {
        this.token(4, KW.help);
        this.frameOf(Body.CustomFieldFrame).help = this.token(5, T.StringLike);
      },
    },
    {
      GATE: () => this.is(1, KW.required),
      ALT: () => {
        if (this.token(6, KW.required) !== undefined) this.frameOf(Body.CustomFieldFrame).required = true;
      },
    },
    { GATE: () => this.is(1, T.LCurly), ALT: () => void (this.frameOf(Body.CustomFieldFrame).options = this.SUBRULE(this.selectionOptions)) },
  ]);

  selectionOptions = this.tree("selectionOptions", Body.SelectionOptionsFrame, (f) => {
    this.token(1, T.LCurly);
    this.statements(f.items, this.selectionChoices);
    this.token(2, T.RCurly);
  });

  private readonly selectionChoices = gated<Built<A.SelectionOption | undefined> | undefined>([
    { GATE: () => this.is(1, T.Name) || this.is(1, T.StringLike), ALT: () => this.SUBRULE(this.selectionOption) },
    this.strayChoice(),
  ]);

  selectionOption = this.tree("selectionOption", Body.SelectionOptionFrame, (f) => {
    f.key = this.OR(this.selectionKeyChoices);
    f.label = this.token(2, T.StringLike);
  });

  private readonly selectionKeyChoices: IOrAlt<IToken | undefined>[] = [
    { ALT: () => this.consumeName(1, "selection key") },
    { ALT: () => this.token(1, T.StringLike) },
  ];

  targetCondition = this.tree("targetCondition", Body.TargetConditionFrame, () => {
    this.OR(this.targetConditionChoices);
  });

  private readonly targetConditionChoices: IOrAlt<void>[] = [
    {
      ALT: () => {
        this.token(1, KW.odoo);
        this.OR2(this.odooConditionChoices);
      },
    },
    {
      ALT: () => {
        const f = this.frameOf(Body.TargetConditionFrame);
        f.setting = this.token(2, KW.setting);
        f.settingName = this.consumeName(3, "setting name");
        f.settingOperator = this.OR4(this.settingOperatorChoices);
        f.settingValue = this.token(4, T.StringLike);
      },
    },
  ];

  private readonly odooConditionChoices: IOrAlt<void>[] = [
    {
      ALT: () => {
        const f = this.frameOf(Body.TargetConditionFrame);
        f.operator = this.token(5, T.Comparator);
        f.version = this.token(6, T.StringLike);
      },
    },
    {
      ALT: () => {
        const f = this.frameOf(Body.TargetConditionFrame);
        f.test = this.OR3(this.hasChoices);
        f.name = this.SUBRULE(this.qualifiedName);
      },
    },
  ];

  private readonly hasChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.token(7, KW.has) }, { ALT: () => this.token(8, KW.lacks) }];
  private readonly settingOperatorChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.token(9, T.Equals) }, { ALT: () => this.token(10, T.NotEquals) }];

  // -------------------------------------------------------------------------------------------
  // map and split

  mapDeclaration = this.tree("mapDeclaration", Body.MapFrame, (f) => {
    this.token(1, KW.map);
    f.entity = this.declaredName(1, "entity name");
    this.token(2, T.Arrow);
    f.model = this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.token(3, KW.as);
      f.alias = this.declaredName(2, "alias");
    });
    this.OPTION4(() => (f.enabledIf = this.SUBRULE(this.enabledIf)));
    this.OPTION2(() => {
      this.token(4, KW.when);
      f.when = this.SUBRULE(this.expression);
    });
    this.OPTION5(() => (f.merge = this.SUBRULE(this.mergeClause)));
    f.body = this.SUBRULE(this.body);
    this.OPTION3(() => (f.fallback = this.SUBRULE(this.fallbackTarget)));
  });

  /** `merge onto EXPRESSION [overwrite field, field]` after a map's head: rows written onto another map's records. */
  mergeClause = this.tree("mergeClause", Body.MergeClauseFrame, (f) => {
    this.token(1, KW.merge);
    this.token(2, KW.onto);
    f.onto = this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.token(3, KW.overwrite);
      f.overwrite.push(this.consumeName(4, "field name"));
      this.MANY(() => {
        this.token(5, T.Comma);
        f.overwrite.push(this.consumeName(6, "field name"));
      });
    });
  });

  /** `if setting x = "v"` / `if odoo >= "18.0"` after a map or split head: whether it loads at all. */
  enabledIf = this.tree("enabledIf", Body.EnabledIfFrame, (f) => {
    this.token(1, KW.if);
    f.condition = this.SUBRULE(this.targetCondition);
  });

  fallbackTarget = this.tree("fallbackTarget", Body.FallbackTargetFrame, (f) => {
    this.token(1, KW.fallback);
    f.model = this.SUBRULE(this.qualifiedName);
    f.body = this.SUBRULE(this.body);
  });

  splitDeclaration = this.tree("splitDeclaration", Body.SplitFrame, (f) => {
    this.token(1, KW.split);
    f.entity = this.declaredName(1, "entity name");
    this.OPTION2(() => (f.enabledIf = this.SUBRULE(this.enabledIf)));
    this.OPTION(() => {
      this.token(2, KW.when);
      f.when = this.SUBRULE(this.expression);
    });
    this.token(3, T.LCurly);
    this.statements(f.targets, this.splitChoices);
    this.token(4, T.RCurly);
  });

  private readonly splitChoices = gated<Built<A.SplitTarget | undefined> | undefined>([
    // A reserved word before `:` is a target misnamed (`not:`, Turkish for a note): told as such, and the target still read.
    { GATE: () => this.is(1, T.Name) || (this.is(1, T.ReservedWord) && this.is(2, T.Colon)), ALT: () => this.SUBRULE(this.splitTarget) },
    this.strayChoice(),
  ]);

  splitTarget = this.tree("splitTarget", Body.SplitTargetFrame, (f) => {
    f.alias = this.declaredName(1, "alias");
    this.token(2, T.Colon);
    f.model = this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      f.forKeyword = this.token(3, KW.for);
      this.token(4, KW.each);
      f.forEach = this.consumeName(5, "group name");
    });
    this.OPTION4(() => (f.enabledIf = this.SUBRULE(this.enabledIf)));
    this.OPTION2(() => {
      this.token(6, KW.when);
      f.when = this.SUBRULE(this.expression);
    });
    f.body = this.SUBRULE(this.body);
    this.OPTION3(() => (f.fallback = this.SUBRULE(this.fallbackTarget)));
  });

  body = this.tree(
    "body",
    Body.BodyFrame,
    (f) => {
      this.token(1, T.LCurly);
      this.statements(f.items, this.bodyChoices);
      this.token(2, T.RCurly);
    },
    "block",
  );

  private readonly bodyChoices = gated<Built<A.BodyItem | undefined> | undefined>([
    { GATE: () => this.is(1, KW.ignore) && !this.isAssignmentOperator(2), ALT: () => this.SUBRULE(this.ignoreStatement) },
    { GATE: () => this.is(1, KW.with) && !this.isAssignmentOperator(2), ALT: () => this.SUBRULE(this.withBlock) },
    { GATE: () => this.is(1, KW.let) && this.is(2, T.Name), ALT: () => this.SUBRULE(this.letStatement) },
    { GATE: () => this.is(1, KW.if), ALT: () => this.SUBRULE(this.bodyIf) },
    { GATE: () => this.is(1, T.Name) || (this.is(1, KW.ref) && this.isAssignmentOperator(2)), ALT: () => this.SUBRULE(this.assignment) },
    this.strayChoice(),
  ]);

  assignment = this.tree("assignment", Body.AssignmentFrame, (f) => {
    f.field = this.OR9(this.fieldNameChoices);
    // One token category for both operators, so that a missing one is inserted by recovery and the
    // rest of the line still parses as the value.
    f.operator = this.token(1, T.AssignmentOperator);
    f.value = this.OR(this.assignedValueChoices);
  });

  private readonly assignedValueChoices: IOrAlt<Built<A.Expression | A.EachBlock>>[] = [
    { ALT: () => this.SUBRULE(this.eachBlock) },
    { ALT: () => this.SUBRULE(this.expression) },
  ];

  eachBlock = this.tree("eachBlock", Body.EachBlockFrame, (f) => {
    this.token(1, KW.each);
    f.entity = this.consumeName(2, "entity name");
    this.token(3, KW.by);
    f.by = this.consumeName(4, "column");
    this.OPTION(() => {
      this.token(5, KW.as);
      f.alias = this.consumeName(6, "alias");
    });
    f.body = this.SUBRULE(this.body);
  });

  letStatement = this.tree("letStatement", Body.LetStatementFrame, (f) => {
    this.token(1, KW.let);
    f.name = this.consumeName(2, "value name");
    f.arrow = this.token(3, T.LeftArrow);
    f.value = this.SUBRULE(this.expression);
  });

  ignoreStatement = this.tree("ignoreStatement", Body.IgnoreStatementFrame, (f) => {
    this.token(1, KW.ignore);
    f.columns.push(this.SUBRULE(this.columnPath));
    this.MANY(() => {
      this.token(2, T.Comma);
      f.columns.push(this.SUBRULE2(this.columnPath));
    });
  });

  withBlock = this.tree("withBlock", Body.WithBlockFrame, (f) => {
    this.token(1, KW.with);
    f.entity = this.consumeName(2, "entity name");
    this.token(3, KW.by);
    f.by = this.consumeName(4, "column");
    this.OPTION3(() => {
      this.token(5, KW.when);
      f.when = this.SUBRULE(this.expression);
    });
    this.OPTION(() => {
      f.orderKeyword = this.token(6, KW.order);
      this.token(7, KW.by);
      f.orderBy = this.consumeName(8, "order column");
      this.OPTION2(() => (f.direction = this.OR(this.directionChoices)));
    });
    f.body = this.SUBRULE(this.body);
  });

  private readonly directionChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.token(9, KW.asc) }, { ALT: () => this.token(10, KW.desc) }];

  bodyIf = this.tree(
    "bodyIf",
    Body.BodyIfFrame,
    (f) => {
      this.token(1, KW.if);
      f.condition = this.SUBRULE(this.targetCondition);
      f.then = this.SUBRULE(this.body);
      this.OPTION(() => {
        this.token(2, KW.else);
        this.OR(this.bodyElseChoices);
      });
    },
    "if",
  );

  private readonly bodyElseChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(Body.BodyIfFrame).elseIf = this.SUBRULE2(this.bodyIf)) },
    { ALT: () => void (this.frameOf(Body.BodyIfFrame).else = this.SUBRULE2(this.body)) },
  ];

  // -------------------------------------------------------------------------------------------
  // expressions: `if`, then every binary operator in one rule, then pipes and primaries

  /**
   * An `if`, or every binary operator (`or`, `and`, comparisons, `??`, `+ - * /`), the prefix `not` and the
   * postfix tests (`is present`, `in [...]`), read flat in source order; ExpressionFrame arranges
   * them by precedence.
   */
  expression = this.tree(
    "expression",
    E.ExpressionFrame,
    () => {
      this.OR(this.expressionChoices);
    },
    "expression",
  );

  private readonly expressionChoices: IOrAlt<void>[] = [
    { ALT: () => void (this.frameOf(E.ExpressionFrame).ifExpression = this.SUBRULE(this.ifExpression)) },
    {
      ALT: () => {
        if (this.mayStart(KW.not)) this.MANY(this.leadingNots);
        this.operand(OperandSite.First);
        if (this.RECORDING_PHASE || this.continuesBinary()) this.MANY2(this.binaryTail);
      },
    },
  ];

  /** An operator and what follows it; reading nothing (where the expression cannot go on) ends the repetition. */
  private readonly binaryTail = (): void => {
    if (this.RECORDING_PHASE || this.continuesBinary()) this.OR2(this.binaryLinks);
  };

  ifExpression = this.tree("ifExpression", E.IfExpressionFrame, (f) => {
    this.token(1, KW.if);
    f.condition = this.SUBRULE(this.expression);
    this.token(2, KW.then);
    f.then = this.SUBRULE2(this.expression);
    this.OPTION(() => {
      f.elseKeyword = this.token(3, KW.else);
      f.else = this.SUBRULE3(this.expression);
    });
  });

  private readonly leadingNots = (): void => this.not(1);
  private readonly notsAfterOr = (): void => this.not(13);
  private readonly notsAfterAnd = (): void => this.not(14);

  /** A `not` before an operand: one more level of nesting, skipped and reported past the bound. */
  private not(index: number): void {
    const token = this.token(index, KW.not);
    if (token === undefined || this.RECORDING_PHASE) return;
    const f = this.frameOf(E.ExpressionFrame);
    if (this.withinNesting(f.notCount + 1)) f.not(token);
    else this.nestedTooDeep(token);
  }

  /**
   * An operand and its pipeline (`name | trim | truncate(64)`), read in place: a pipeline is an
   * operand's postfix operators. Each place an operand stands in the expression reads it with its
   * own occurrence numbers (`site`), as Chevrotain requires.
   */
  private operand(site: OperandSite): void {
    const f = this.frameOf(E.ExpressionFrame);
    f.startOperand();
    f.input(this.subrule(site, this.primary), this.childFirst, this.childLast);
    if (this.mayStart(T.Pipe)) this.many(20 + site, this.pipeSteps[site]);
  }

  private pipeStepsAt(site: OperandSite): () => void {
    return () => {
      const f = this.frameOf(E.ExpressionFrame);
      f.pipe(this.token(20 + site, T.Pipe));
      f.step(this.subrule(site, this.pipeStep), this.childFirst, this.childLast);
    };
  }

  private readonly pipeSteps: Readonly<Record<OperandSite, () => void>> = {
    [OperandSite.First]: this.pipeStepsAt(OperandSite.First),
    [OperandSite.AfterOr]: this.pipeStepsAt(OperandSite.AfterOr),
    [OperandSite.AfterAnd]: this.pipeStepsAt(OperandSite.AfterAnd),
    [OperandSite.AfterCoalesce]: this.pipeStepsAt(OperandSite.AfterCoalesce),
    [OperandSite.AfterComparison]: this.pipeStepsAt(OperandSite.AfterComparison),
    [OperandSite.AfterArithmetic]: this.pipeStepsAt(OperandSite.AfterArithmetic),
  };

  /** Whether the next tokens continue the expression: a comparison does not chain, and `??` and arithmetic do not follow `is` or `in`. */
  private readonly continuesBinary = (): boolean => {
    const comparison = this.frameOf(E.ExpressionFrame).comparison;
    if (this.is(1, KW.or) || this.is(1, KW.and)) return true;
    if (this.is(1, T.Coalesce) || this.is(1, T.ArithmeticOperator)) return comparison !== "closed";
    if (this.is(1, T.Comparator) || this.is(1, KW.is) || this.is(1, KW.in)) return comparison === "open";
    return this.is(1, KW.not) && this.is(2, KW.in) && comparison === "open";
  };

  private readonly binaryLinks: IOrAlt<void>[] = [
    { ALT: () => this.logicalOperand(this.token(3, KW.or), 3, this.notsAfterOr, OperandSite.AfterOr) },
    { ALT: () => this.logicalOperand(this.token(4, KW.and), 4, this.notsAfterAnd, OperandSite.AfterAnd) },
    {
      ALT: () => {
        this.frameOf(E.ExpressionFrame).operator(this.token(5, T.Coalesce));
        this.operand(OperandSite.AfterCoalesce);
      },
    },
    {
      ALT: () => {
        this.frameOf(E.ExpressionFrame).operator(this.token(6, T.Comparator));
        this.operand(OperandSite.AfterComparison);
      },
    },
    {
      ALT: () => {
        this.frameOf(E.ExpressionFrame).operator(this.token(15, T.ArithmeticOperator));
        this.operand(OperandSite.AfterArithmetic);
      },
    },
    {
      ALT: () => {
        const keyword = this.token(7, KW.is);
        const negated = this.OPTION(() => this.token(8, KW.not));
        const f = this.frameOf(E.ExpressionFrame);
        if (keyword !== undefined) f.isTest(keyword, negated);
        f.test(this.OR3(this.isTestChoices));
      },
    },
    {
      ALT: () => {
        const negated = this.OPTION2(() => this.token(9, KW.not));
        const keyword = this.token(10, KW.in);
        const f = this.frameOf(E.ExpressionFrame);
        if (keyword !== undefined) f.inTest(negated, keyword);
        f.list(this.SUBRULE(this.listExpression), this.childLast);
      },
    },
  ];

  private logicalOperand(operator: IToken | undefined, notsIndex: 3 | 4, nots: () => void, site: OperandSite): void {
    this.frameOf(E.ExpressionFrame).operator(operator);
    if (this.mayStart(KW.not)) this.many(notsIndex, nots);
    this.operand(site);
  }

  private readonly isTestChoices: OrMethodOpts<IToken | undefined> = {
    DEF: [{ ALT: () => this.token(11, KW.present) }, { ALT: () => this.token(12, KW.empty) }],
    ERR_MSG: "a comparison, `is present`, `is empty` or `in [...]`",
  };

  pipeStep = this.tree("pipeStep", E.PipeStepFrame, () => {
    this.OR(this.pipeStepChoices);
  });

  private readonly pipeStepChoices: IOrAlt<void>[] = [
    {
      ALT: () => {
        const f = this.frameOf(E.PipeStepFrame);
        f.ref = this.token(1, KW.ref);
        f.alias = this.consumeName(2, "alias");
        // `by` and `optional` end the step unless they are the next statement's field (`by <- ...`).
        if (this.RECORDING_PHASE || (this.is(1, KW.by) && !this.isAssignmentOperator(2)))
          this.OPTION4(() => {
            f.byKeyword = this.token(8, KW.by);
            f.by = this.consumeName(9, "column");
            // `by name and company`: a pair of columns (a record joined to a condition by `and` would mean nothing).
            if (this.RECORDING_PHASE || (this.is(1, KW.and) && this.is(2, T.Name)))
              this.OPTION5(() => {
                f.andKeyword = this.token(10, KW.and);
                f.andBy = this.consumeName(11, "column");
              });
          });
        if (this.RECORDING_PHASE || (this.is(1, KW.optional) && !this.isAssignmentOperator(2))) this.OPTION3(() => (f.optional = this.token(7, KW.optional)));
      },
    },
    {
      ALT: () => {
        this.frameOf(E.PipeStepFrame).callee = this.consumeName(3, "step name");
        this.OPTION(this.callArguments);
      },
    },
  ];

  private readonly callArguments = (): void => {
    const f = this.frameOf(E.PipeStepFrame);
    f.openParen = this.token(4, T.LParen);
    this.MANY(() => {
      f.argument(this.SUBRULE(this.expression));
      // `get(Company.vat by name)`: the row is named by a unique column instead of its key.
      this.OPTION6(() => {
        f.byKeyword = this.token(12, KW.by);
        f.by = this.consumeName(13, "column");
      });
      this.OPTION2(() => this.token(5, T.Comma));
    });
    this.token(6, T.RParen);
  };

  primary = this.tree("primary", E.PrimaryFrame, () => {
    this.OR(this.primaryChoices);
  });

  private readonly primaryChoices: IOrAlt<void>[] = [
    { ALT: () => this.primaryLiteral(this.token(1, T.StringLike)) },
    { ALT: () => this.primaryLiteral(this.token(2, T.NumberLiteral)) },
    { ALT: () => this.primaryLiteral(this.token(3, KW.true)) },
    { ALT: () => this.primaryLiteral(this.token(4, KW.false)) },
    { ALT: () => void (this.frameOf(E.PrimaryFrame).template = this.SUBRULE(this.templateExpression)) },
    { ALT: () => void (this.frameOf(E.PrimaryFrame).list = this.SUBRULE(this.listExpression)) },
    { ALT: () => void (this.frameOf(E.PrimaryFrame).parenthesized = this.SUBRULE(this.parenthesized)) },
    {
      ALT: () => {
        const f = this.frameOf(E.PrimaryFrame);
        f.ref = this.token(5, KW.ref);
        f.alias = this.consumeName(6, "alias");
        if (this.RECORDING_PHASE || (this.is(1, KW.optional) && !this.isAssignmentOperator(2))) this.OPTION3(() => (f.optional = this.token(7, KW.optional)));
      },
    },
    {
      // `setting rate` is a setting's value; `setting` alone, or before a new statement, a column.
      GATE: () => this.is(1, KW.setting) && this.is(2, T.Name) && !this.isAssignmentOperator(3),
      IGNORE_AMBIGUITIES: true,
      ALT: () => {
        const f = this.frameOf(E.PrimaryFrame);
        f.setting = this.token(8, KW.setting);
        f.settingName = this.consumeName(9, "setting name");
      },
    },
    { ALT: () => this.columnPathParts() },
  ];

  private primaryLiteral(token: IToken | undefined): void {
    if (token !== undefined && !this.RECORDING_PHASE) this.frameOf(E.PrimaryFrame).literal = literalOf(token);
  }

  parenthesized = this.tree("parenthesized", E.ParenthesizedFrame, (f) => {
    this.token(1, T.LParen);
    f.expression = this.SUBRULE(this.expression);
    this.token(2, T.RParen);
  });

  columnPath = this.tree("columnPath", E.ColumnPathFrame, () => this.columnPathParts());

  /** `name`, `contact.name`, `contact[1].name`: in the rule that reads it, `primary` or `columnPath`. */
  private columnPathParts(): void {
    this.frameOf(E.ColumnPathParts).part(this.consumeName(20, "column"));
    if (this.mayStart(T.LBracket)) this.option(20, this.columnInstance);
    if (this.mayStart(T.Dot)) this.many(20, this.columnParts);
  }

  /** `contact[1].name`: one instance of a column group, read outside `for each` (taken only whole: three tokens of lookahead). */
  private readonly columnInstance = {
    MAX_LOOKAHEAD: 3,
    DEF: (): void => {
      this.token(21, T.LBracket);
      this.frameOf(E.ColumnPathParts).instance = this.token(22, T.NumberLiteral);
      this.token(23, T.RBracket);
    },
  };

  private readonly columnParts = (): void => {
    this.token(24, T.Dot);
    this.frameOf(E.ColumnPathParts).part(this.consumeName(25, "column"));
  };

  listExpression = this.tree("listExpression", E.ListExpressionFrame, () => {
    this.token(1, T.LBracket);
    this.MANY(this.listItems);
    this.token(3, T.RBracket);
  });

  private readonly listItems = (): void => {
    this.frameOf(E.ListExpressionFrame).items.push(this.SUBRULE(this.expression));
    this.OPTION(this.listComma);
  };

  private readonly listComma = (): void => void this.token(2, T.Comma);

  templateExpression = this.tree("templateExpression", E.TemplateExpressionFrame, () => {
    this.token(1, T.TemplateStart);
    this.MANY(this.templatePart);
    this.token(5, T.TemplateEnd);
  });

  private readonly templatePart = (): void => this.OR(this.templateParts);

  private readonly templateParts: IOrAlt<void>[] = [
    { ALT: () => this.frameOf(E.TemplateExpressionFrame).text(this.token(2, T.TemplateText)) },
    {
      ALT: () => {
        this.token(3, T.HoleStart);
        this.frameOf(E.TemplateExpressionFrame).parts.push(this.SUBRULE(this.expression));
        this.token(4, T.HoleEnd);
      },
    },
  ];

  qualifiedName = this.tree("qualifiedName", D.QualifiedNameFrame, (f) => {
    const first = this.consumeName(1, "model name");
    if (first !== undefined) f.parts.push(first);
    this.MANY(() => {
      this.token(2, T.Dot);
      const part = this.consumeName(3, "model name");
      if (part !== undefined) f.parts.push(part);
    });
    const last = f.parts[f.parts.length - 1];
    if (last !== undefined && f.parts.length > 1 && !this.RECORDING_PHASE) this.lastDotted = { token: last, text: f.parts.map((part) => part.image).join(".") };
  });

  // -------------------------------------------------------------------------------------------
  // tests

  testDeclaration = this.tree("testDeclaration", D.TestFrame, (f) => {
    this.token(1, KW.test);
    f.name = this.token(2, T.StringLike);
    this.token(3, T.LCurly);
    this.statements(f.items, this.testChoices);
    this.token(4, T.RCurly);
  });

  private readonly testChoices = gated<Built<A.TestItem> | undefined>([
    // `given odoo { ... }` is a row of an entity called odoo.
    { GATE: () => this.is(1, KW.given) && this.is(2, KW.odoo) && !this.is(3, T.LCurly), ALT: () => this.SUBRULE(this.givenOdooRecord) },
    { GATE: () => this.is(1, KW.given), ALT: () => this.SUBRULE(this.givenRow) },
    { GATE: () => this.is(1, KW.expect), ALT: () => this.SUBRULE(this.expectation) },
    this.strayChoice(),
  ]);

  givenRow = this.tree("givenRow", D.GivenRowFrame, (f) => {
    this.token(1, KW.given);
    f.entity = this.consumeName(2, "entity name");
    f.cells = this.SUBRULE(this.fieldValueBlock);
  });

  givenOdooRecord = this.tree("givenOdooRecord", D.GivenOdooRecordFrame, (f) => {
    this.token(1, KW.given);
    this.token(2, KW.odoo);
    f.model = this.SUBRULE(this.qualifiedName);
    f.values = this.SUBRULE(this.fieldValueBlock);
  });

  expectation = this.tree("expectation", D.ExpectationFrame, () => {
    this.token(1, KW.expect);
    this.OR(this.expectationChoices);
  });

  private readonly expectationChoices = gated<void>([
    {
      GATE: () => (this.is(1, KW.reject) || this.is(1, KW.skip)) && !this.is(2, T.LCurly) && !this.is(2, T.Dot),
      ALT: () => {
        const f = this.frameOf(D.ExpectationFrame);
        f.outcome = this.OR2(this.outcomeChoices);
        f.entity = this.consumeName(4, "entity name");
        this.OPTION(() => (f.message = this.token(5, T.StringLike)));
      },
    },
    {
      ALT: () => {
        // `expect 3 res.partner { ... }`: exactly that many records with these values.
        const f = this.frameOf(D.ExpectationFrame);
        this.OPTION2(() => (f.count = this.token(6, T.NumberLiteral)));
        f.model = this.SUBRULE(this.qualifiedName);
        f.values = this.SUBRULE(this.fieldValueBlock);
      },
    },
  ]);

  private readonly outcomeChoices: IOrAlt<IToken | undefined>[] = [{ ALT: () => this.token(2, KW.reject) }, { ALT: () => this.token(3, KW.skip) }];
}

let sharedParser: FlitmapParser | undefined;

/** Chevrotain parsers are costly to build and reusable: one instance serves every parse. */
export function getParser(): FlitmapParser {
  sharedParser ??= new FlitmapParser();
  return sharedParser;
}
