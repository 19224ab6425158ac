/**
 * fast-check generators of syntax trees that the printer must print and the parser read back
 * unchanged. Trees respect precedence the way a parser builds them: an operand that binds more
 * loosely than its place allows is wrapped in a ParenthesizedExpression.
 */
import fc from "fast-check";
import type * as A from "../../language/ast.js";
import { RESERVED_WORDS } from "../../language/tokens.js";

const POSITION = { offset: 0, line: 1, column: 1 };
const RANGE = { start: POSITION, end: POSITION };

/** Names, including soft keywords: they must survive as names wherever a name is expected. */
const NAME_POOL = [
  "name",
  "company",
  "email",
  "x1",
  "amount_total",
  "type",
  "model",
  "key",
  "source",
  "order",
  "from",
  "by",
  "first",
  "present",
  "empty",
  "match",
  "table",
  "_tmp",
];
/** Column names cannot be modifier words: `required` after a column is its modifier. */
const COLUMN_NAME_POOL = NAME_POOL.filter((word) => word !== "by");
const RECORD_NAME_POOL = ["won", "lost", "new_stage", "sales", "hot"];
const MODEL_POOL = ["res.partner", "crm.lead", "sale.order.line", "crm.stage", "x"];
const TYPE_POOL = ["text", "integer", "decimal", "money", "date", "datetime", "boolean", "email"];

for (const word of NAME_POOL) if ((RESERVED_WORDS as readonly string[]).includes(word)) throw new Error(`reserved word in pool: ${word}`);

const name = (pool: readonly string[] = NAME_POOL): fc.Arbitrary<A.Name> => fc.constantFrom(...pool).map((value) => ({ kind: "Name", value, range: RANGE }));

const qualifiedName = (pool: readonly string[] = MODEL_POOL): fc.Arbitrary<A.QualifiedName> =>
  fc
    .constantFrom(...pool)
    .map((value) => ({
      kind: "QualifiedName",
      parts: value.split(".").map((part) => ({ kind: "Name" as const, value: part, range: RANGE })),
      value,
      range: RANGE,
    }));

const stringLiteral: fc.Arbitrary<A.StringLiteral> = fc
  .string({ unit: fc.constantFrom("a", "B", " ", "é", "£", "€", '"', "\\", "\n", "\t", "{", "}", "`", "1", "-", "/"), maxLength: 8 })
  .map((value) => ({ kind: "StringLiteral", value, range: RANGE }));

const numberLiteral: fc.Arbitrary<A.NumberLiteral> = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 99999 }), fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined }))
  .map(([negative, whole, fraction]) => {
    const raw = `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`;
    return { kind: "NumberLiteral", value: Number(raw), raw, range: RANGE };
  });

const booleanLiteral: fc.Arbitrary<A.BooleanLiteral> = fc.boolean().map((value) => ({ kind: "BooleanLiteral", value, range: RANGE }));

const literal: fc.Arbitrary<A.Literal> = fc.oneof(stringLiteral, numberLiteral, booleanLiteral);

const value: fc.Arbitrary<A.Value> = fc.oneof(
  literal,
  name(RECORD_NAME_POOL).map((recordName): A.NameReference => ({ kind: "NameReference", name: recordName, range: RANGE })),
);

const columnPath: fc.Arbitrary<A.ColumnPath> = fc
  .array(name(COLUMN_NAME_POOL), { minLength: 1, maxLength: 2 })
  .map((parts) => ({ kind: "ColumnPath", parts, range: RANGE }));

function precedence(expression: A.Expression): number {
  switch (expression.kind) {
    case "IfExpression":
      return 0;
    case "LogicalExpression":
      return expression.operator === "or" ? 1 : 2;
    case "NotExpression":
      return 3;
    case "ComparisonExpression":
    case "IsExpression":
    case "InExpression":
      return 4;
    case "CoalesceExpression":
      return 5;
    case "ArithmeticExpression":
      return expression.operator === "+" || expression.operator === "-" ? 6 : 7;
    case "PipeExpression":
      return 8;
    default:
      return 9;
  }
}

function atLeast(minimum: number, expression: A.Expression): A.Expression {
  return precedence(expression) >= minimum ? expression : { kind: "ParenthesizedExpression", expression, range: RANGE };
}

const templateText = fc
  .string({ unit: fc.constantFrom("a", " ", "é", "-", ":", "{", "}", "`", "\\"), minLength: 1, maxLength: 5 })
  .map((text): A.TemplateText => ({ kind: "TemplateText", value: text, raw: text.replace(/[\\`{}]/g, (character) => `\\${character}`), range: RANGE }));

export const expression: fc.Arbitrary<A.Expression> = fc.letrec<{ expression: A.Expression }>((tie) => {
  const any = tie("expression");
  const at = (minimum: number): fc.Arbitrary<A.Expression> => any.map((inner) => atLeast(minimum, inner));
  const list = fc.array(at(0), { maxLength: 3 }).map((items): A.ListExpression => ({ kind: "ListExpression", items, range: RANGE }));
  const templateParts = fc
    .array(fc.oneof(templateText, at(0)), { maxLength: 4 })
    // Adjacent texts would be read back as one.
    .map((parts) => parts.filter((part, index) => !(part.kind === "TemplateText" && parts[index - 1]?.kind === "TemplateText")));
  const step: fc.Arbitrary<A.PipeStep> = fc.oneof(
    fc
      .tuple(name(), fc.option(fc.array(at(0), { maxLength: 2 }), { nil: undefined }))
      .map(([callee, args]): A.CallStep =>
        args === undefined ? { kind: "CallStep", callee, range: RANGE } : { kind: "CallStep", callee, args, range: RANGE },
      ),
    name(RECORD_NAME_POOL).map((alias): A.RefStep => ({ kind: "RefStep", alias, range: RANGE })),
  );
  return {
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      columnPath,
      literal,
      name(RECORD_NAME_POOL).map((alias): A.RefExpression => ({ kind: "RefExpression", alias, range: RANGE })),
      templateParts.map((parts): A.TemplateExpression => ({ kind: "TemplateExpression", parts, range: RANGE })),
      list,
      at(0).map((inner): A.ParenthesizedExpression => ({ kind: "ParenthesizedExpression", expression: inner, range: RANGE })),
      fc
        .tuple(at(9), fc.array(step, { minLength: 1, maxLength: 3 }))
        .map(([input, steps]): A.PipeExpression => ({ kind: "PipeExpression", input, steps, range: RANGE })),
      fc.array(at(6), { minLength: 2, maxLength: 3 }).map((operands): A.CoalesceExpression => ({ kind: "CoalesceExpression", operands, range: RANGE })),
      fc
        .tuple(at(1), at(1), at(0))
        .map(([condition, then, otherwise]): A.IfExpression => ({ kind: "IfExpression", condition, then, else: otherwise, range: RANGE })),
      fc
        .tuple(at(1), at(0))
        .map(([condition, then]): A.IfExpression => ({
          kind: "IfExpression",
          condition,
          then: atLeast(then.kind === "IfExpression" && then.else === undefined ? 1 : 0, then),
          range: RANGE,
        })),
      fc
        .array(at(2), { minLength: 2, maxLength: 3 })
        .map((operands): A.LogicalExpression => ({ kind: "LogicalExpression", operator: "or", operands, range: RANGE })),
      fc
        .array(at(3), { minLength: 2, maxLength: 3 })
        .map((operands): A.LogicalExpression => ({ kind: "LogicalExpression", operator: "and", operands, range: RANGE })),
      at(3).map((operand): A.NotExpression => ({ kind: "NotExpression", operand, range: RANGE })),
      fc
        .tuple(fc.constantFrom<"+" | "-">("+", "-"), at(6), at(7))
        .map(([operator, left, right]): A.ArithmeticExpression => ({ kind: "ArithmeticExpression", operator, left, right, range: RANGE })),
      fc
        .tuple(fc.constantFrom<"*" | "/">("*", "/"), at(7), at(8))
        .map(([operator, left, right]): A.ArithmeticExpression => ({ kind: "ArithmeticExpression", operator, left, right, range: RANGE })),
      fc
        .tuple(fc.constantFrom<A.ComparisonOperator>("=", "!=", "<", "<=", ">", ">="), at(5), at(5))
        .map(([operator, left, right]): A.ComparisonExpression => ({ kind: "ComparisonExpression", operator, left, right, range: RANGE })),
      fc
        .tuple(at(5), fc.boolean(), fc.constantFrom<"present" | "empty">("present", "empty"))
        .map(([operand, negated, test]): A.IsExpression => ({ kind: "IsExpression", operand, negated, test, range: RANGE })),
      fc
        .tuple(at(5), fc.boolean(), list)
        .map(([operand, negated, items]): A.InExpression => ({ kind: "InExpression", operand, negated, list: items, range: RANGE })),
    ),
  };
}).expression;

const fieldValue: fc.Arbitrary<A.FieldValue> = fc
  .tuple(fc.oneof(name(), stringLiteral), value)
  .map(([field, entryValue]) => ({ kind: "FieldValue", field, value: entryValue, range: RANGE }));

const targetCondition: fc.Arbitrary<A.TargetCondition> = fc.oneof(
  fc
    .tuple(name(), fc.constantFrom<"=" | "!=">("=", "!="), stringLiteral)
    .map(([settingName, operator, value]): A.SettingCondition => ({ kind: "SettingCondition", name: settingName, operator, value, range: RANGE })),
  fc.tuple(fc.constantFrom<A.ComparisonOperator>("=", "<", ">="), fc.constantFrom("17.0", "19.0")).map(([operator, version]): A.VersionCondition => ({
    kind: "VersionCondition",
    operator,
    version: { kind: "StringLiteral", value: version, range: RANGE },
    range: RANGE,
  })),
  fc.tuple(fc.boolean(), qualifiedName()).map(([negated, modelName]): A.HasCondition => ({ kind: "HasCondition", negated, name: modelName, range: RANGE })),
);

const bodyItem: fc.Arbitrary<A.BodyItem> = fc.letrec<{ item: A.BodyItem }>((tie) => {
  const items = fc.array(tie("item"), { maxLength: 3 });
  const assignment = fc.oneof(
    fc.tuple(name(), expression).map(([field, assigned]): A.Assignment => ({ kind: "Assignment", field, operator: "<-", value: assigned, range: RANGE })),
    fc.tuple(name(), literal).map(([field, constant]): A.Assignment => ({ kind: "Assignment", field, operator: "=", value: constant, range: RANGE })),
    fc
      .tuple(name(), name(), name(COLUMN_NAME_POOL), fc.option(name(RECORD_NAME_POOL), { nil: undefined }), items)
      .map(([field, entity, by, alias, body]): A.Assignment => ({
        kind: "Assignment",
        field,
        operator: "<-",
        value: { kind: "EachBlock", entity, by, ...(alias === undefined ? {} : { alias }), body, range: RANGE },
        range: RANGE,
      })),
  );
  return {
    item: fc.oneof(
      { depthSize: "small" },
      assignment,
      fc.array(columnPath, { minLength: 1, maxLength: 3 }).map((columns): A.IgnoreStatement => ({ kind: "IgnoreStatement", columns, range: RANGE })),
      fc
        .tuple(
          name(),
          name(COLUMN_NAME_POOL),
          fc.option(name(COLUMN_NAME_POOL), { nil: undefined }),
          fc.boolean(),
          items,
          fc.option(expression, { nil: undefined }),
        )
        .map(([entity, by, orderBy, descending, body, when]): A.WithBlock => ({
          kind: "WithBlock",
          entity,
          by,
          ...(when === undefined ? {} : { when }),
          ...(orderBy === undefined ? {} : { orderBy }),
          descending: orderBy !== undefined && descending,
          body,
          range: RANGE,
        })),
      fc.tuple(targetCondition, items, fc.option(items, { nil: undefined })).map(([condition, then, otherwise]): A.TargetIf<A.BodyItem> => ({
        kind: "TargetIf",
        condition,
        then,
        ...(otherwise === undefined ? {} : { else: otherwise }),
        range: RANGE,
      })),
    ),
  };
}).item;

const body = fc.array(bodyItem, { maxLength: 4 });

const column: fc.Arbitrary<A.ColumnDeclaration> = fc
  .tuple(
    name(COLUMN_NAME_POOL),
    fc.option(stringLiteral, { nil: undefined }),
    name(TYPE_POOL),
    fc.option(stringLiteral, { nil: undefined }),
    fc.subarray(["required", "personal", "modified"] as const),
    fc.option(name(["Contact", "Company"]), { nil: undefined }),
  )
  .map(([columnName, header, type, format, keywords, references]) => ({
    kind: "ColumnDeclaration",
    name: columnName,
    ...(header === undefined ? {} : { header }),
    type,
    ...(format === undefined ? {} : { format }),
    modifiers: [
      ...keywords.map((keyword): A.ColumnModifier => ({ kind: "ColumnModifier", keyword, range: RANGE })),
      ...(references === undefined ? [] : [{ kind: "ColumnReference" as const, entity: references, range: RANGE }]),
    ],
    range: RANGE,
  }));

const csvOptions: fc.Arbitrary<A.CsvOptions> = fc
  .array(fc.tuple(name(["delimiter", "encoding", "date", "decimal"]), literal), { maxLength: 3 })
  .map((options) => ({
    kind: "CsvOptions",
    options: options.map(([optionName, optionValue]): A.OptionSetting => ({ kind: "OptionSetting", name: optionName, value: optionValue, range: RANGE })),
    range: RANGE,
  }));

const entity: fc.Arbitrary<A.EntityDeclaration> = fc
  .tuple(
    name(["Company", "Contact", "Deal"]),
    stringLiteral,
    fc.array(name(COLUMN_NAME_POOL), { minLength: 1, maxLength: 2 }),
    fc.array(
      fc.oneof(
        column,
        csvOptions,
        fc
          .tuple(fc.constantFrom<A.DuplicatesKeep>("first", "last", "newest"), fc.option(name(COLUMN_NAME_POOL), { nil: undefined }))
          .map(([keep, by]): A.DuplicatesRule => ({
            kind: "DuplicatesRule",
            keep,
            ...(keep === "newest" && by !== undefined ? { by } : {}),
            range: RANGE,
          })),
        fc.tuple(name(["contact", "person"]), fc.array(column, { maxLength: 2 })).map(([groupName, columns]): A.ColumnGroup => ({
          kind: "ColumnGroup",
          name: groupName,
          from: { kind: "NumberLiteral", value: 1, raw: "1", range: RANGE },
          to: { kind: "NumberLiteral", value: 3, raw: "3", range: RANGE },
          columns,
          range: RANGE,
        })),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([entityName, pattern, key, items]) => ({ kind: "EntityDeclaration", name: entityName, pattern, key, items, range: RANGE }));

const customField: fc.Arbitrary<A.CustomFieldDeclaration> = fc
  .tuple(
    name(["x_score", "x_rating", "x_ref"]),
    fc.constantFrom("integer", "char", "selection", "many2one"),
    qualifiedName(),
    fc.option(stringLiteral, { nil: undefined }),
    fc.option(stringLiteral, { nil: undefined }),
    fc.boolean(),
    fc.array(fc.tuple(fc.oneof(name(), stringLiteral), stringLiteral), { maxLength: 2 }),
  )
  .map(([fieldName, type, relation, label, help, required, options]) => ({
    kind: "CustomFieldDeclaration",
    name: fieldName,
    type: { kind: "Name", value: type, range: RANGE },
    ...(type === "many2one" ? { relation } : {}),
    ...(label === undefined ? {} : { label }),
    ...(help === undefined ? {} : { help }),
    required,
    options: options.map(([optionValue, optionLabel]): A.SelectionOption => ({
      kind: "SelectionOption",
      value: optionValue,
      label: optionLabel,
      range: RANGE,
    })),
    range: RANGE,
  }));

export const declaration: fc.Arbitrary<A.Declaration> = fc.oneof(
  fc
    .tuple(fc.array(name(), { minLength: 1, maxLength: 3 }), stringLiteral)
    .map(([names, from]): A.ImportDeclaration => ({ kind: "ImportDeclaration", names, from, range: RANGE })),
  fc
    .tuple(
      name(),
      fc.array(
        fc.oneof(
          name().map((source): A.MigrationItem => ({ kind: "SourceReference", source, range: RANGE })),
          stringLiteral.map((series): A.MigrationItem => ({ kind: "TargetSetting", series, range: RANGE })),
          stringLiteral.map((schemaFile): A.MigrationItem => ({ kind: "TargetSetting", schemaFile, range: RANGE })),
          stringLiteral.map((namespace): A.MigrationItem => ({ kind: "XmlidSetting", namespace, range: RANGE })),
          fc.tuple(name(), name(["off", "warn", "error"])).map(([rule, severity]): A.MigrationItem => ({ kind: "RuleSetting", rule, severity, range: RANGE })),
          fc
            .tuple(name(), stringLiteral)
            .map(([settingName, value]): A.MigrationItem => ({ kind: "SettingDeclaration", name: settingName, value, range: RANGE })),
          name(["report", "archive"]).map((policy): A.MigrationItem => ({ kind: "DeletedSetting", policy, range: RANGE })),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([migrationName, items]): A.MigrationDeclaration => ({ kind: "MigrationDeclaration", name: migrationName, items, range: RANGE })),
  fc
    .tuple(name(), fc.array(fc.oneof(csvOptions, entity), { maxLength: 3 }))
    .map(([sourceName, items]): A.SourceDeclaration => ({ kind: "SourceDeclaration", name: sourceName, items, range: RANGE })),
  fc
    .tuple(
      name(),
      qualifiedName(),
      fc.array(name(), { minLength: 1, maxLength: 2 }),
      fc.constantFrom<"or" | "and">("or", "and"),
      fc.array(
        fc.oneof(
          fc.constantFrom<A.MissingPolicyName>("reject", "flag", "halt").map((policy): A.LookupItem => ({ kind: "MissingPolicy", policy, range: RANGE })),
          literal.map((fallback): A.LookupItem => ({ kind: "MissingPolicy", policy: "fallback", fallback, range: RANGE })),
          fc.boolean().map((include): A.LookupItem => ({ kind: "ArchivedSetting", include, range: RANGE })),
        ),
        { maxLength: 2 },
      ),
      fc.option(name(), { nil: undefined }),
    )
    .map(([lookupName, model, matchFields, word, items, returns]): A.LookupDeclaration => ({
      kind: "LookupDeclaration",
      name: lookupName,
      model,
      matchFields,
      joiners: matchFields.slice(1).map(() => word),
      ...(returns === undefined ? {} : { returns }),
      items,
      range: RANGE,
    })),
  fc
    .tuple(
      qualifiedName(),
      fc.option(name(), { nil: undefined }),
      fc.array(
        fc.oneof(
          fc
            .tuple(name(RECORD_NAME_POOL), fc.array(fieldValue, { maxLength: 3 }))
            .map(([entryName, values]): A.RecordEntry => ({ kind: "RecordEntry", name: entryName, values, range: RANGE })),
          fc
            .tuple(name(RECORD_NAME_POOL), stringLiteral)
            .map(([entryName, existing]): A.RecordEntry => ({ kind: "RecordEntry", name: entryName, existing, values: [], range: RANGE })),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([model, match, entries]): A.RecordsDeclaration => ({
      kind: "RecordsDeclaration",
      model,
      ...(match === undefined ? {} : { match }),
      entries,
      range: RANGE,
    })),
  fc
    .tuple(
      name(),
      qualifiedName(["text", "integer"]),
      qualifiedName(),
      fc.array(fc.tuple(fc.array(literal, { minLength: 1, maxLength: 2 }), value), { maxLength: 3 }),
      fc.option(fc.oneof(fc.constantFrom<A.TableDefaultAction>("reject", "flag", "keep", "empty"), value), { nil: undefined }),
    )
    .map(([tableName, input, output, entries, fallback]): A.TableDeclaration => ({
      kind: "TableDeclaration",
      name: tableName,
      input,
      output,
      entries: [
        ...entries.map(([keys, entryValue]): A.TableEntry => ({ kind: "TableEntry", keys, value: entryValue, range: RANGE })),
        ...(fallback === undefined
          ? []
          : [
              typeof fallback === "string"
                ? { kind: "TableDefault" as const, action: fallback, range: RANGE }
                : { kind: "TableDefault" as const, action: "value" as const, value: fallback, range: RANGE },
            ]),
      ],
      range: RANGE,
    })),
  fc
    .tuple(qualifiedName(), fc.array(customField, { maxLength: 3 }))
    .map(([model, items]): A.ExtendDeclaration => ({ kind: "ExtendDeclaration", model, items, range: RANGE })),
  fc
    .tuple(
      name(),
      qualifiedName(),
      fc.option(name(RECORD_NAME_POOL), { nil: undefined }),
      fc.option(targetCondition, { nil: undefined }),
      fc.option(expression, { nil: undefined }),
      body,
      fc.option(fc.tuple(qualifiedName(), body), { nil: undefined }),
    )
    .map(([entityName, model, alias, enabledIf, when, mapBody, fallback]): A.MapDeclaration => ({
      kind: "MapDeclaration",
      entity: entityName,
      model,
      ...(alias === undefined ? {} : { alias }),
      ...(enabledIf === undefined ? {} : { enabledIf }),
      ...(when === undefined ? {} : { when }),
      body: mapBody,
      ...(fallback === undefined ? {} : { fallback: { kind: "FallbackTarget", model: fallback[0], body: fallback[1], range: RANGE } }),
      range: RANGE,
    })),
  fc
    .tuple(
      name(),
      fc.option(expression, { nil: undefined }),
      fc.array(
        fc
          .tuple(
            name(RECORD_NAME_POOL),
            qualifiedName(),
            fc.option(name(["contact"]), { nil: undefined }),
            fc.option(targetCondition, { nil: undefined }),
            fc.option(expression, { nil: undefined }),
            body,
          )
          .map(([alias, model, forEach, enabledIf, when, targetBody]): A.SplitTarget => ({
            kind: "SplitTarget",
            alias,
            model,
            ...(forEach === undefined ? {} : { forEach }),
            ...(enabledIf === undefined ? {} : { enabledIf }),
            ...(when === undefined ? {} : { when }),
            body: targetBody,
            range: RANGE,
          })),
        { maxLength: 3 },
      ),
      fc.option(targetCondition, { nil: undefined }),
    )
    .map(([entityName, when, targets, enabledIf]): A.SplitDeclaration => ({
      kind: "SplitDeclaration",
      entity: entityName,
      ...(enabledIf === undefined ? {} : { enabledIf }),
      ...(when === undefined ? {} : { when }),
      targets,
      range: RANGE,
    })),
  fc
    .tuple(
      stringLiteral,
      fc.array(
        fc.oneof(
          fc
            .tuple(name(), fc.array(fieldValue, { maxLength: 3 }))
            .map(([entityName, cells]): A.TestItem => ({ kind: "GivenRow", entity: entityName, cells, range: RANGE })),
          fc
            .tuple(qualifiedName(), fc.array(fieldValue, { maxLength: 3 }))
            .map(([model, values]): A.TestItem => ({ kind: "ExpectRecord", model, values, range: RANGE })),
          fc
            .tuple(fc.constantFrom<"reject" | "skip">("reject", "skip"), name(), fc.option(stringLiteral, { nil: undefined }))
            .map(([outcome, entityName, message]): A.TestItem => ({
              kind: "ExpectOutcome",
              outcome,
              entity: entityName,
              ...(message === undefined ? {} : { message }),
              range: RANGE,
            })),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([testName, items]): A.TestDeclaration => ({ kind: "TestDeclaration", name: testName, items, range: RANGE })),
);

export const document: fc.Arbitrary<A.Document> = fc
  .array(declaration, { maxLength: 4 })
  .map((declarations) => ({ kind: "Document", file: "generated.flitmap", declarations, comments: [], range: RANGE }));

/** Fragments of real syntax, for random inputs that look like mappings. */
export const SYNTAX_FRAGMENTS = [
  "map ",
  "split ",
  "source ",
  "entity ",
  "table ",
  "records ",
  "lookup ",
  "extend ",
  "test ",
  "migration ",
  "import ",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  "->",
  "<-",
  "=",
  "|",
  "??",
  ":",
  ",",
  ".",
  "..",
  "_",
  "`",
  "{x}",
  '"',
  '"text"',
  "42",
  "-1.5",
  "Company",
  "res.partner",
  "name",
  "when",
  "if",
  "then",
  "else",
  "and",
  "or",
  "not",
  "is",
  "present",
  "in",
  "ref",
  "each",
  "with",
  "key",
  "by",
  "missing",
  "reject",
  "fallback",
  "true",
  "false",
  "// c\n",
  "/* b */",
  "/*",
  "\n",
  " ",
  "#",
  ";",
  "é",
  "\\",
];
