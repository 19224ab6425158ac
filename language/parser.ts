/**
 * The .flitmap grammar, as a Chevrotain CST parser with error recovery. The concrete syntax tree it
 * builds is turned into the typed syntax tree (ast.ts) by build-ast.ts.
 *
 * Statement choices look at one or two tokens through explicit gates instead of letting Chevrotain
 * pick a lookahead depth: a half-typed statement such as `name trim` must still be taken as an
 * assignment, so that the error says "expected `<-` or `=` after the field name `name`".
 */
import { CstParser, EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { createErrorMessageProvider } from "./syntax-messages.js";
import * as T from "./tokens.js";

const k = T.keywordToken;

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
  | "rule name"
  | "severity"
  | "option name"
  | "order column"
  | "selection key"
  | "setting name";

export class FlitmapParser extends CstParser {
  /** Roles of name tokens seen in the current parse, keyed by start offset. */
  readonly nameRoles = new Map<number, NameRole>();
  /** The role of the name being consumed, so that a missing one is called by what it is. */
  expectedRole: NameRole | undefined;
  /** Reserved words used where a declaration's name stands: parsed as the name, reported by parse(). */
  readonly reservedNames: { token: IToken; role: NameRole }[] = [];
  /** The whole dotted name a qualified name's last part ends, to name it in messages. */
  readonly dottedNames = new Map<number, string>();

  resetNameTracking(): void {
    this.nameRoles.clear();
    this.reservedNames.length = 0;
    this.dottedNames.clear();
  }

  constructor() {
    super(T.allTokenTypes, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      maxLookahead: 3,
      errorMessageProvider: createErrorMessageProvider({
        roleOf: (token) => this.nameRoles.get(token.startOffset),
        displayText: (token) => this.dottedNames.get(token.startOffset) ?? token.image,
        expectedRole: () => this.expectedRole,
      }),
    });
    this.performSelfAnalysis();
  }

  private readonly alternativesCache = new Map<number, unknown>();

  /**
   * The alternatives of an OR, built once: rebuilding closures at every call made the parser spend
   * most of its time collecting garbage.
   */
  private alternatives<T>(site: number, build: () => T): T {
    const cached = this.alternativesCache.get(site);
    if (cached !== undefined) return cached as T;
    const built = build();
    this.alternativesCache.set(site, built);
    return built;
  }

  private is(offset: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(offset), type);
  }

  private isKeyword(offset: number, word: T.SoftKeyword | T.ReservedWord): boolean {
    return tokenMatcher(this.LA(offset), k(word));
  }

  private isAssignmentOperator(offset: number): boolean {
    return this.is(offset, T.Equals) || this.is(offset, T.LeftArrow);
  }

  /** A token a block cannot place, but that does not end the block either. */
  private isStray(): boolean {
    return !this.is(1, T.RCurly) && !this.is(1, EOF);
  }

  /**
   * The name of something being declared. A reserved word there is taken as the name and reported,
   * so that the rest of the declaration still parses.
   */
  private consumeDeclaredName(index: number, role: NameRole, label = "Name"): void {
    this.or(index, [
      { ALT: () => this.consumeName(index, role, label) },
      {
        ALT: () => {
          const token = this.consume(index, T.ReservedWord, { LABEL: label });
          this.ACTION(() => {
            this.nameRoles.set(token.startOffset, role);
            this.reservedNames.push({ token, role });
          });
        },
      },
    ]);
  }

  private consumeName(index: number, role: NameRole, label?: string): IToken {
    this.expectedRole = role;
    const token = this.consume(index, T.Name, label === undefined ? undefined : { LABEL: label });
    this.ACTION(() => this.nameRoles.set(token.startOffset, role));
    return token;
  }

  /** Odoo has a field named `ref` (res.partner's reference), so that reserved word may name a field. */
  private consumeFieldName(): void {
    this.OR9([{ ALT: () => this.consumeName(9, "field name", "field") }, { ALT: () => this.CONSUME9(k("ref"), { LABEL: "field" }) }]);
  }

  // -------------------------------------------------------------------------------------------
  // file

  document = this.RULE("document", () => {
    this.MANY({
      GATE: () => !this.is(1, EOF),
      DEF: () => {
        this.OR(
          this.alternatives(3, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "import"), ALT: () => this.SUBRULE(this.importDeclaration) },
              { GATE: () => this.isKeyword(1, "migration"), ALT: () => this.SUBRULE(this.migrationDeclaration) },
              { GATE: () => this.isKeyword(1, "source"), ALT: () => this.SUBRULE(this.sourceDeclaration) },
              { GATE: () => this.isKeyword(1, "lookup"), ALT: () => this.SUBRULE(this.lookupDeclaration) },
              { GATE: () => this.isKeyword(1, "records"), ALT: () => this.SUBRULE(this.recordsDeclaration) },
              { GATE: () => this.isKeyword(1, "table"), ALT: () => this.SUBRULE(this.tableDeclaration) },
              { GATE: () => this.isKeyword(1, "extend"), ALT: () => this.SUBRULE(this.extendDeclaration) },
              { GATE: () => this.isKeyword(1, "map"), ALT: () => this.SUBRULE(this.mapDeclaration) },
              { GATE: () => this.isKeyword(1, "split"), ALT: () => this.SUBRULE(this.splitDeclaration) },
              { GATE: () => this.isKeyword(1, "test"), ALT: () => this.SUBRULE(this.testDeclaration) },
              { ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
  });

  /** One token skipped where nothing fits; build-ast.ts reports runs of them as one error. */
  strayToken = this.RULE("strayToken", () => {
    this.CONSUME(T.AnyToken);
  });

  importDeclaration = this.RULE("importDeclaration", () => {
    this.CONSUME(k("import"));
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.consumeName(1, "imported name");
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
    this.CONSUME(k("from"));
    this.CONSUME(T.StringLike);
  });

  // -------------------------------------------------------------------------------------------
  // migration

  migrationDeclaration = this.RULE("migrationDeclaration", () => {
    this.CONSUME(k("migration"));
    this.consumeDeclaredName(1, "migration name");
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(4, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "source"), ALT: () => this.SUBRULE(this.sourceReference) },
              { GATE: () => this.isKeyword(1, "target"), ALT: () => this.SUBRULE(this.targetSetting) },
              { GATE: () => this.isKeyword(1, "xmlid"), ALT: () => this.SUBRULE(this.xmlidSetting) },
              { GATE: () => this.isKeyword(1, "rule"), ALT: () => this.SUBRULE(this.ruleSetting) },
              { GATE: () => this.isKeyword(1, "setting"), ALT: () => this.SUBRULE(this.settingDeclaration) },
              { GATE: () => this.isKeyword(1, "deleted"), ALT: () => this.SUBRULE(this.deletedSetting) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  sourceReference = this.RULE("sourceReference", () => {
    this.CONSUME(k("source"));
    this.consumeName(1, "source name");
  });

  targetSetting = this.RULE("targetSetting", () => {
    this.CONSUME(k("target"));
    this.CONSUME(k("odoo"));
    this.OR(
      this.alternatives(5, () => [
        { ALT: () => this.CONSUME(T.StringLike, { LABEL: "series" }) },
        {
          ALT: () => {
            this.CONSUME(k("schema"));
            this.CONSUME2(T.StringLike, { LABEL: "schemaFile" });
          },
        },
      ]),
    );
  });

  xmlidSetting = this.RULE("xmlidSetting", () => {
    this.CONSUME(k("xmlid"));
    this.CONSUME(T.StringLike);
  });

  settingDeclaration = this.RULE("settingDeclaration", () => {
    this.CONSUME(k("setting"));
    this.consumeName(1, "setting name", "name");
    this.CONSUME(T.StringLike, { LABEL: "value" });
  });

  deletedSetting = this.RULE("deletedSetting", () => {
    this.CONSUME(k("deleted"));
    this.OR(
      this.alternatives(44, () => [
        { ALT: () => this.CONSUME(k("report"), { LABEL: "policy" }) },
        { ALT: () => this.CONSUME(k("archive"), { LABEL: "policy" }) },
      ]),
    );
  });

  ruleSetting = this.RULE("ruleSetting", () => {
    this.CONSUME(k("rule"));
    this.consumeName(1, "rule name", "rule");
    this.consumeName(2, "severity", "severity");
  });

  // -------------------------------------------------------------------------------------------
  // source

  sourceDeclaration = this.RULE("sourceDeclaration", () => {
    this.CONSUME(k("source"));
    this.consumeDeclaredName(1, "source name");
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(6, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "csv"), ALT: () => this.SUBRULE(this.csvOptions) },
              { GATE: () => this.isKeyword(1, "entity"), ALT: () => this.SUBRULE(this.entityDeclaration) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  csvOptions = this.RULE("csvOptions", () => {
    this.CONSUME(k("csv"));
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(7, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.optionSetting) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  optionSetting = this.RULE("optionSetting", () => {
    this.consumeName(1, "option name");
    this.SUBRULE(this.literal);
  });

  entityDeclaration = this.RULE("entityDeclaration", () => {
    this.CONSUME(k("entity"));
    this.consumeDeclaredName(1, "entity name");
    this.CONSUME(T.StringLike, { LABEL: "pattern" });
    // A missing key is the compiler's to report: the entity's columns still parse.
    this.OPTION5(() => {
      this.CONSUME(k("key"));
      this.OR(
        this.alternatives(8, () => [
          { ALT: () => this.consumeName(2, "key column", "key") },
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.MANY(() => {
                this.consumeName(3, "key column", "key");
                this.OPTION(() => this.CONSUME(T.Comma));
              });
              this.CONSUME(T.RParen);
            },
          },
        ]),
      );
    });
    this.CONSUME(T.LCurly);
    this.MANY2({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR2(
          this.alternatives(9, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "csv") && this.is(2, T.LCurly), ALT: () => this.SUBRULE(this.csvOptions) },
              { GATE: () => this.isKeyword(1, "duplicates") && this.isKeyword(2, "keep"), ALT: () => this.SUBRULE(this.duplicatesRule) },
              { GATE: () => this.isKeyword(1, "group") && this.is(2, T.Name) && this.is(3, T.LBracket), ALT: () => this.SUBRULE(this.columnGroup) },
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.columnDeclaration) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  columnDeclaration = this.RULE("columnDeclaration", () => {
    this.consumeName(1, "column name", "name");
    this.OPTION(() => this.CONSUME(T.StringLike, { LABEL: "header" }));
    this.consumeName(2, "column type", "type");
    this.OPTION2(() => this.CONSUME2(T.StringLike, { LABEL: "format" }));
    this.MANY({
      MAX_LOOKAHEAD: 1,
      GATE: () =>
        this.isKeyword(1, "required") ||
        this.isKeyword(1, "personal") ||
        this.isKeyword(1, "modified") ||
        (this.isKeyword(1, "references") && this.is(2, T.Name)),
      DEF: () => {
        this.OR(
          this.alternatives(10, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              // Modifiers are taken greedily: a column named `required` needs another name and its header in quotes.
              { GATE: () => this.isKeyword(1, "required"), ALT: () => this.CONSUME(k("required")) },
              { GATE: () => this.isKeyword(1, "personal"), ALT: () => this.CONSUME(k("personal")) },
              { GATE: () => this.isKeyword(1, "modified"), ALT: () => this.CONSUME(k("modified")) },
              {
                GATE: () => this.isKeyword(1, "references") && this.is(2, T.Name),
                ALT: () => {
                  this.CONSUME(k("references"));
                  this.consumeName(3, "entity name", "references");
                },
              },
            ],
          })),
        );
      },
    });
  });

  duplicatesRule = this.RULE("duplicatesRule", () => {
    this.CONSUME(k("duplicates"));
    this.CONSUME(k("keep"));
    this.OR(
      this.alternatives(11, () => [
        { ALT: () => this.CONSUME(k("first")) },
        { ALT: () => this.CONSUME(k("last")) },
        {
          ALT: () => {
            this.CONSUME(k("newest"));
            this.OPTION(() => {
              this.CONSUME(k("by"));
              this.consumeName(1, "column", "by");
            });
          },
        },
      ]),
    );
  });

  columnGroup = this.RULE("columnGroup", () => {
    this.CONSUME(k("group"));
    this.consumeDeclaredName(1, "group name");
    this.CONSUME(T.LBracket);
    this.CONSUME(T.NumberLiteral, { LABEL: "from" });
    this.CONSUME(T.DotDot);
    this.CONSUME2(T.NumberLiteral, { LABEL: "to" });
    this.CONSUME(T.RBracket);
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(12, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.columnDeclaration) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  // -------------------------------------------------------------------------------------------
  // lookup, records, table, extend

  lookupDeclaration = this.RULE("lookupDeclaration", () => {
    this.CONSUME(k("lookup"));
    this.consumeDeclaredName(1, "lookup name", "name");
    this.CONSUME(k("in"));
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.CONSUME(k("by"));
    this.consumeName(2, "match field", "match");
    this.MANY(() => {
      this.CONSUME(k("or"));
      this.consumeName(3, "match field", "match");
    });
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.MANY2({
        GATE: () => this.isStray(),
        DEF: () => {
          this.OR(
            this.alternatives(13, () => ({
              IGNORE_AMBIGUITIES: true,
              MAX_LOOKAHEAD: 1,
              DEF: [
                { GATE: () => this.isKeyword(1, "missing"), ALT: () => this.SUBRULE(this.missingPolicy) },
                { GATE: () => this.isKeyword(1, "archived"), ALT: () => this.SUBRULE(this.archivedSetting) },
                { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
              ],
            })),
          );
        },
      });
      this.CONSUME(T.RCurly);
    });
  });

  missingPolicy = this.RULE("missingPolicy", () => {
    this.CONSUME(k("missing"));
    this.OR(
      this.alternatives(14, () => [
        { ALT: () => this.CONSUME(k("reject")) },
        { ALT: () => this.CONSUME(k("flag")) },
        { ALT: () => this.CONSUME(k("halt")) },
        {
          ALT: () => {
            this.CONSUME(k("fallback"));
            this.SUBRULE(this.literal);
          },
        },
      ]),
    );
  });

  archivedSetting = this.RULE("archivedSetting", () => {
    this.CONSUME(k("archived"));
    this.OR(this.alternatives(15, () => [{ ALT: () => this.CONSUME(k("include")) }, { ALT: () => this.CONSUME(k("exclude")) }]));
  });

  recordsDeclaration = this.RULE("recordsDeclaration", () => {
    this.CONSUME(k("records"));
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.OPTION(() => {
      this.CONSUME(k("match"));
      this.consumeName(1, "match field", "match");
    });
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(16, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.recordEntry) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  recordEntry = this.RULE("recordEntry", () => {
    this.consumeName(1, "record name", "name");
    this.OR(
      this.alternatives(17, () => [
        {
          ALT: () => {
            this.CONSUME(k("existing"));
            this.CONSUME(T.StringLike, { LABEL: "existing" });
          },
        },
        { ALT: () => this.SUBRULE(this.fieldValueBlock) },
      ]),
    );
  });

  /** `{ name "Won"  sequence 70 }` */
  fieldValueBlock = this.RULE("fieldValueBlock", () => {
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(18, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name) || this.is(1, T.StringLike) || this.isKeyword(1, "ref"), ALT: () => this.SUBRULE(this.fieldValue) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  fieldValue = this.RULE("fieldValue", () => {
    this.OR(this.alternatives(19, () => [{ ALT: () => this.consumeFieldName() }, { ALT: () => this.CONSUME(T.StringLike, { LABEL: "field" }) }]));
    this.SUBRULE(this.value);
  });

  value = this.RULE("value", () => {
    this.OR(this.alternatives(20, () => [{ ALT: () => this.SUBRULE(this.literal) }, { ALT: () => this.consumeName(1, "record name", "record") }]));
  });

  literal = this.RULE("literal", () => {
    this.OR(
      this.alternatives(21, () => [
        { ALT: () => this.CONSUME(T.StringLike) },
        { ALT: () => this.CONSUME(T.NumberLiteral) },
        { ALT: () => this.CONSUME(k("true")) },
        { ALT: () => this.CONSUME(k("false")) },
      ]),
    );
  });

  tableDeclaration = this.RULE("tableDeclaration", () => {
    this.CONSUME(k("table"));
    this.consumeDeclaredName(1, "table name", "name");
    this.CONSUME(T.Colon);
    this.SUBRULE(this.qualifiedName, { LABEL: "input" });
    this.CONSUME(T.Arrow);
    this.SUBRULE2(this.qualifiedName, { LABEL: "output" });
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(22, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Underscore), ALT: () => this.SUBRULE(this.tableDefault) },
              {
                GATE: () => this.is(1, T.StringLike) || this.is(1, T.NumberLiteral) || this.isKeyword(1, "true") || this.isKeyword(1, "false"),
                ALT: () => this.SUBRULE(this.tableEntry),
              },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  tableEntry = this.RULE("tableEntry", () => {
    this.SUBRULE(this.literal, { LABEL: "keys" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.literal, { LABEL: "keys" });
    });
    this.CONSUME(T.Arrow);
    this.SUBRULE(this.value);
  });

  tableDefault = this.RULE("tableDefault", () => {
    this.CONSUME(T.Underscore);
    this.CONSUME(T.Arrow);
    this.OR(
      this.alternatives(23, () => ({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.CONSUME(k("reject"), { LABEL: "action" }) },
          { ALT: () => this.CONSUME(k("flag"), { LABEL: "action" }) },
          { ALT: () => this.CONSUME(k("keep"), { LABEL: "action" }) },
          { ALT: () => this.CONSUME(k("empty"), { LABEL: "action" }) },
          { ALT: () => this.SUBRULE(this.value) },
        ],
      })),
    );
  });

  extendDeclaration = this.RULE("extendDeclaration", () => {
    this.CONSUME(k("extend"));
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.SUBRULE(this.extendBlock);
  });

  extendBlock = this.RULE("extendBlock", () => {
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(24, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "if"), ALT: () => this.SUBRULE(this.extendIf) },
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.customField) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  extendIf = this.RULE("extendIf", () => {
    this.CONSUME(k("if"));
    this.SUBRULE(this.targetCondition);
    this.SUBRULE(this.extendBlock, { LABEL: "then" });
    this.OPTION(() => {
      this.CONSUME(k("else"));
      this.OR(
        this.alternatives(25, () => [
          { ALT: () => this.SUBRULE2(this.extendIf, { LABEL: "elseIf" }) },
          { ALT: () => this.SUBRULE2(this.extendBlock, { LABEL: "else" }) },
        ]),
      );
    });
  });

  private lastCustomFieldType = "";

  customField = this.RULE("customField", () => {
    this.consumeName(1, "custom field name", "name");
    const type = this.consumeName(2, "field type", "type");
    this.ACTION(() => {
      this.lastCustomFieldType = type.image;
    });
    this.OPTION({
      GATE: () => RELATIONAL_TYPES.has(this.lastCustomFieldType) && this.is(1, T.Name),
      DEF: () => this.SUBRULE(this.qualifiedName, { LABEL: "relation" }),
    });
    this.OPTION2(() => this.CONSUME(T.StringLike, { LABEL: "label" }));
    this.MANY({
      MAX_LOOKAHEAD: 1,
      GATE: () => (this.isKeyword(1, "help") && this.is(2, T.StringLike)) || this.isKeyword(1, "required") || this.is(1, T.LCurly),
      DEF: () => {
        this.OR(
          this.alternatives(26, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              {
                GATE: () => this.isKeyword(1, "help") && this.is(2, T.StringLike),
                ALT: () => {
                  this.CONSUME(k("help"));
                  this.CONSUME2(T.StringLike, { LABEL: "help" });
                },
              },
              { GATE: () => this.isKeyword(1, "required"), ALT: () => this.CONSUME(k("required")) },
              { GATE: () => this.is(1, T.LCurly), ALT: () => this.SUBRULE(this.selectionOptions) },
            ],
          })),
        );
      },
    });
  });

  selectionOptions = this.RULE("selectionOptions", () => {
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(27, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name) || this.is(1, T.StringLike), ALT: () => this.SUBRULE(this.selectionOption) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  selectionOption = this.RULE("selectionOption", () => {
    this.OR(
      this.alternatives(28, () => [{ ALT: () => this.consumeName(1, "selection key", "key") }, { ALT: () => this.CONSUME(T.StringLike, { LABEL: "key" }) }]),
    );
    this.CONSUME2(T.StringLike, { LABEL: "label" });
  });

  targetCondition = this.RULE("targetCondition", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k("odoo"));
          this.OR2([
            {
              ALT: () => {
                this.SUBRULE(this.comparisonOperator);
                this.CONSUME(T.StringLike, { LABEL: "version" });
              },
            },
            {
              ALT: () => {
                this.OR3([{ ALT: () => this.CONSUME(k("has"), { LABEL: "test" }) }, { ALT: () => this.CONSUME(k("lacks"), { LABEL: "test" }) }]);
                this.SUBRULE(this.qualifiedName, { LABEL: "name" });
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k("setting"));
          this.consumeName(1, "setting name", "setting");
          this.OR4([{ ALT: () => this.CONSUME(T.Equals, { LABEL: "settingOperator" }) }, { ALT: () => this.CONSUME(T.NotEquals, { LABEL: "settingOperator" }) }]);
          this.CONSUME2(T.StringLike, { LABEL: "settingValue" });
        },
      },
    ]);
  });

  comparisonOperator = this.RULE("comparisonOperator", () => {
    this.OR(
      this.alternatives(30, () => [
        { ALT: () => this.CONSUME(T.Equals) },
        { ALT: () => this.CONSUME(T.NotEquals) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.LessEquals) },
        { ALT: () => this.CONSUME(T.Greater) },
        { ALT: () => this.CONSUME(T.GreaterEquals) },
      ]),
    );
  });

  // -------------------------------------------------------------------------------------------
  // map and split

  mapDeclaration = this.RULE("mapDeclaration", () => {
    this.CONSUME(k("map"));
    this.consumeDeclaredName(1, "entity name", "entity");
    this.CONSUME(T.Arrow);
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.OPTION(() => {
      this.CONSUME(k("as"));
      this.consumeDeclaredName(2, "alias", "alias");
    });
    this.OPTION4(() => this.SUBRULE(this.enabledIf));
    this.OPTION2(() => {
      this.CONSUME(k("when"));
      this.SUBRULE(this.expression, { LABEL: "when" });
    });
    this.SUBRULE(this.body);
    this.OPTION3(() => this.SUBRULE(this.fallbackTarget));
  });

  /** `if setting x = "v"` / `if odoo >= "18.0"` after a map or split head: whether it loads at all. */
  enabledIf = this.RULE("enabledIf", () => {
    this.CONSUME(k("if"));
    this.SUBRULE(this.targetCondition);
  });

  fallbackTarget = this.RULE("fallbackTarget", () => {
    this.CONSUME(k("fallback"));
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.SUBRULE(this.body);
  });

  splitDeclaration = this.RULE("splitDeclaration", () => {
    this.CONSUME(k("split"));
    this.consumeDeclaredName(1, "entity name", "entity");
    this.OPTION2(() => this.SUBRULE(this.enabledIf));
    this.OPTION(() => {
      this.CONSUME(k("when"));
      this.SUBRULE(this.expression, { LABEL: "when" });
    });
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(31, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.is(1, T.Name), ALT: () => this.SUBRULE(this.splitTarget) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  splitTarget = this.RULE("splitTarget", () => {
    this.consumeName(1, "alias", "alias");
    this.CONSUME(T.Colon);
    this.SUBRULE(this.qualifiedName, { LABEL: "model" });
    this.OPTION(() => {
      this.CONSUME(k("for"));
      this.CONSUME(k("each"));
      this.consumeName(2, "group name", "forEach");
    });
    this.OPTION4(() => this.SUBRULE(this.enabledIf));
    this.OPTION2(() => {
      this.CONSUME(k("when"));
      this.SUBRULE(this.expression, { LABEL: "when" });
    });
    this.SUBRULE(this.body);
    this.OPTION3(() => this.SUBRULE(this.fallbackTarget));
  });

  body = this.RULE("body", () => {
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(32, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "ignore") && !this.isAssignmentOperator(2), ALT: () => this.SUBRULE(this.ignoreStatement) },
              { GATE: () => this.isKeyword(1, "with") && !this.isAssignmentOperator(2), ALT: () => this.SUBRULE(this.withBlock) },
              { GATE: () => this.isKeyword(1, "if"), ALT: () => this.SUBRULE(this.bodyIf) },
              { GATE: () => this.is(1, T.Name) || (this.isKeyword(1, "ref") && this.isAssignmentOperator(2)), ALT: () => this.SUBRULE(this.assignment) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  assignment = this.RULE("assignment", () => {
    this.consumeFieldName();
    // One token category for both operators, so that a missing one is inserted by recovery and the
    // rest of the line still parses as the value.
    this.CONSUME(T.AssignmentOperator, { LABEL: "operator" });
    this.OR(this.alternatives(33, () => [{ ALT: () => this.SUBRULE(this.eachBlock) }, { ALT: () => this.SUBRULE(this.expression, { LABEL: "value" }) }]));
  });

  eachBlock = this.RULE("eachBlock", () => {
    this.CONSUME(k("each"));
    this.consumeName(1, "entity name", "entity");
    this.CONSUME(k("by"));
    this.consumeName(2, "column", "by");
    this.OPTION(() => {
      this.CONSUME(k("as"));
      this.consumeName(3, "alias", "alias");
    });
    this.SUBRULE(this.body);
  });

  ignoreStatement = this.RULE("ignoreStatement", () => {
    this.CONSUME(k("ignore"));
    this.SUBRULE(this.columnPath);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.columnPath);
    });
  });

  withBlock = this.RULE("withBlock", () => {
    this.CONSUME(k("with"));
    this.consumeName(1, "entity name", "entity");
    this.CONSUME(k("by"));
    this.consumeName(2, "column", "by");
    this.OPTION3(() => {
      this.CONSUME(k("when"));
      this.SUBRULE(this.expression, { LABEL: "when" });
    });
    this.OPTION(() => {
      this.CONSUME(k("order"));
      this.CONSUME2(k("by"));
      this.consumeName(3, "order column", "orderBy");
      this.OPTION2(() => {
        this.OR(
          this.alternatives(34, () => [
            { ALT: () => this.CONSUME(k("asc"), { LABEL: "direction" }) },
            { ALT: () => this.CONSUME(k("desc"), { LABEL: "direction" }) },
          ]),
        );
      });
    });
    this.SUBRULE(this.body);
  });

  bodyIf = this.RULE("bodyIf", () => {
    this.CONSUME(k("if"));
    this.SUBRULE(this.targetCondition);
    this.SUBRULE(this.body, { LABEL: "then" });
    this.OPTION(() => {
      this.CONSUME(k("else"));
      this.OR(
        this.alternatives(35, () => [
          { ALT: () => this.SUBRULE2(this.bodyIf, { LABEL: "elseIf" }) },
          { ALT: () => this.SUBRULE2(this.body, { LABEL: "else" }) },
        ]),
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  // expressions, lowest precedence first

  expression = this.RULE("expression", () => {
    this.OR(this.alternatives(36, () => [{ ALT: () => this.SUBRULE(this.ifExpression) }, { ALT: () => this.SUBRULE(this.orExpression) }]));
  });

  ifExpression = this.RULE("ifExpression", () => {
    this.CONSUME(k("if"));
    this.SUBRULE(this.expression, { LABEL: "condition" });
    this.CONSUME(k("then"));
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.OPTION(() => {
      this.CONSUME(k("else"));
      this.SUBRULE3(this.expression, { LABEL: "else" });
    });
  });

  orExpression = this.RULE("orExpression", () => {
    this.SUBRULE(this.andExpression, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(k("or"));
      this.SUBRULE2(this.andExpression, { LABEL: "operands" });
    });
  });

  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.notExpression, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(k("and"));
      this.SUBRULE2(this.notExpression, { LABEL: "operands" });
    });
  });

  notExpression = this.RULE("notExpression", () => {
    this.OR(
      this.alternatives(37, () => [
        {
          ALT: () => {
            this.CONSUME(k("not"));
            this.SUBRULE(this.notExpression);
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]),
    );
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.coalesceExpression, { LABEL: "left" });
    this.OPTION(() => {
      this.OR(
        this.alternatives(38, () => [
          {
            ALT: () => {
              this.SUBRULE(this.comparisonOperator);
              this.SUBRULE2(this.coalesceExpression, { LABEL: "right" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(k("is"));
              this.OPTION2(() => this.CONSUME(k("not"), { LABEL: "negated" }));
              this.OR2([{ ALT: () => this.CONSUME(k("present"), { LABEL: "test" }) }, { ALT: () => this.CONSUME(k("empty"), { LABEL: "test" }) }]);
            },
          },
          {
            ALT: () => {
              this.OPTION3(() => this.CONSUME2(k("not"), { LABEL: "negated" }));
              this.CONSUME(k("in"));
              this.SUBRULE(this.listExpression, { LABEL: "list" });
            },
          },
        ]),
      );
    });
  });

  coalesceExpression = this.RULE("coalesceExpression", () => {
    this.SUBRULE(this.pipeExpression, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.Coalesce);
      this.SUBRULE2(this.pipeExpression, { LABEL: "operands" });
    });
  });

  pipeExpression = this.RULE("pipeExpression", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE(this.pipeStep);
    });
  });

  pipeStep = this.RULE("pipeStep", () => {
    this.OR(
      this.alternatives(39, () => [
        {
          ALT: () => {
            this.CONSUME(k("ref"));
            this.consumeName(1, "alias", "alias");
          },
        },
        {
          ALT: () => {
            this.consumeName(2, "step name", "callee");
            this.OPTION(() => {
              this.CONSUME(T.LParen);
              this.MANY(() => {
                this.SUBRULE(this.expression, { LABEL: "args" });
                this.OPTION2(() => this.CONSUME(T.Comma));
              });
              this.CONSUME(T.RParen);
            });
          },
        },
      ]),
    );
  });

  primary = this.RULE("primary", () => {
    this.OR(
      this.alternatives(40, () => [
        { ALT: () => this.CONSUME(T.StringLike) },
        { ALT: () => this.CONSUME(T.NumberLiteral) },
        { ALT: () => this.CONSUME(k("true")) },
        { ALT: () => this.CONSUME(k("false")) },
        { ALT: () => this.SUBRULE(this.templateExpression) },
        { ALT: () => this.SUBRULE(this.listExpression) },
        { ALT: () => this.SUBRULE(this.parenthesized) },
        {
          ALT: () => {
            this.CONSUME(k("ref"));
            this.consumeName(1, "alias", "alias");
          },
        },
        { ALT: () => this.SUBRULE(this.columnPath) },
      ]),
    );
  });

  parenthesized = this.RULE("parenthesized", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  columnPath = this.RULE("columnPath", () => {
    this.consumeName(1, "column", "parts");
    // `contact[1].name`: one instance of a column group, read outside `for each`.
    this.OPTION({
      GATE: () => this.is(1, T.LBracket) && this.is(2, T.NumberLiteral) && this.is(3, T.RBracket),
      DEF: () => {
        this.CONSUME(T.LBracket);
        this.CONSUME(T.NumberLiteral, { LABEL: "instance" });
        this.CONSUME(T.RBracket);
      },
    });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.consumeName(2, "column", "parts");
    });
  });

  listExpression = this.RULE("listExpression", () => {
    this.CONSUME(T.LBracket);
    this.MANY(() => {
      this.SUBRULE(this.expression, { LABEL: "items" });
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });

  templateExpression = this.RULE("templateExpression", () => {
    this.CONSUME(T.TemplateStart);
    this.MANY(() => {
      this.OR(
        this.alternatives(41, () => [
          { ALT: () => this.CONSUME(T.TemplateText) },
          {
            ALT: () => {
              this.CONSUME(T.HoleStart);
              this.SUBRULE(this.expression, { LABEL: "holes" });
              this.CONSUME(T.HoleEnd);
            },
          },
        ]),
      );
    });
    this.CONSUME(T.TemplateEnd);
  });

  qualifiedName = this.RULE("qualifiedName", () => {
    const first = this.consumeName(1, "model name", "parts");
    const parts = [first];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.consumeName(2, "model name", "parts"));
    });
    this.ACTION(() => {
      const last = parts[parts.length - 1];
      if (last !== undefined && parts.length > 1) this.dottedNames.set(last.startOffset, parts.map((part) => part.image).join("."));
    });
  });

  // -------------------------------------------------------------------------------------------
  // tests

  testDeclaration = this.RULE("testDeclaration", () => {
    this.CONSUME(k("test"));
    this.CONSUME(T.StringLike, { LABEL: "name" });
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => this.isStray(),
      DEF: () => {
        this.OR(
          this.alternatives(42, () => ({
            IGNORE_AMBIGUITIES: true,
            MAX_LOOKAHEAD: 1,
            DEF: [
              { GATE: () => this.isKeyword(1, "given"), ALT: () => this.SUBRULE(this.givenRow) },
              { GATE: () => this.isKeyword(1, "expect"), ALT: () => this.SUBRULE(this.expectation) },
              { GATE: () => this.isStray(), ALT: () => this.SUBRULE(this.strayToken) },
            ],
          })),
        );
      },
    });
    this.CONSUME(T.RCurly);
  });

  givenRow = this.RULE("givenRow", () => {
    this.CONSUME(k("given"));
    this.consumeName(1, "entity name", "entity");
    this.SUBRULE(this.fieldValueBlock);
  });

  expectation = this.RULE("expectation", () => {
    this.CONSUME(k("expect"));
    this.OR(
      this.alternatives(43, () => ({
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          {
            GATE: () => (this.isKeyword(1, "reject") || this.isKeyword(1, "skip")) && !this.is(2, T.LCurly) && !this.is(2, T.Dot),
            ALT: () => {
              this.OR2([{ ALT: () => this.CONSUME(k("reject"), { LABEL: "outcome" }) }, { ALT: () => this.CONSUME(k("skip"), { LABEL: "outcome" }) }]);
              this.consumeName(1, "entity name", "entity");
              this.OPTION(() => this.CONSUME(T.StringLike, { LABEL: "message" }));
            },
          },
          {
            ALT: () => {
              // `expect 3 res.partner { ... }`: exactly that many records with these values.
              this.OPTION2(() => this.CONSUME(T.NumberLiteral, { LABEL: "count" }));
              this.SUBRULE(this.qualifiedName, { LABEL: "model" });
              this.SUBRULE(this.fieldValueBlock);
            },
          },
        ],
      })),
    );
  });
}

const RELATIONAL_TYPES = new Set(["many2one", "many2many", "one2many"]);

/** Type words of source columns, used to tell a modifier from a column named like one. */
export const COLUMN_TYPE_WORDS = new Set(["text", "integer", "decimal", "money", "date", "datetime", "boolean", "email", "phone", "url", "file"]);

let sharedParser: FlitmapParser | undefined;

/** Chevrotain parsers are costly to build and reusable: one instance serves every parse. */
export function getParser(): FlitmapParser {
  sharedParser ??= new FlitmapParser();
  return sharedParser;
}
