/**
 * Frames of the rules of lookups, records, value tables, the values they hold, and tests (see
 * tree-parser.ts and build-ast.ts): what each rule has read, and the node it builds from that.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { ItemsFrame, presentItems, qualifiedAt, valueAt, type RulePartial } from "./build-ast.js";
import { isStringToken, literalOf, missing, name, nameOrMissing, numberLiteral, qualifiedNameOf, stringLiteral, stringOrMissing } from "./build-leaves.js";
import type { Range } from "./location.js";
import { placed, realItems, tokenRange, type Built, type Frame } from "./tree-parser.js";

export class LookupFrame implements Frame<A.LookupDeclaration, RulePartial> {
  name: IToken | undefined;
  model: Built<A.QualifiedName | A.Missing> | undefined;
  readonly match: IToken[] = [];
  readonly joiners: A.LookupJoiner[] = [];
  returns: IToken | undefined;
  readonly items: Built<A.LookupItem>[] = [];

  build(range: Range): A.LookupDeclaration {
    return {
      kind: "LookupDeclaration",
      name: nameOrMissing(this.name, "a lookup name", range.end),
      model: qualifiedAt(this.model, range.end),
      matchFields: this.match.map(name),
      joiners: this.joiners,
      ...(this.returns === undefined ? {} : { returns: name(this.returns) }),
      items: realItems(this.items),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "missingPolicy" || partial.rule === "archivedSetting" || partial.rule === "matchRule" || partial.rule === "ambiguousPolicy")
      this.items.push(partial.value);
  }
}

/** The value a `fallback` policy (of `missing` or `ambiguous`) names; nothing for another policy. */
function fallbackOf(policy: string | undefined, fallback: Built<A.Literal | A.Missing> | undefined, range: Range): { fallback?: A.Literal | A.Missing } {
  if (policy !== "fallback") return {};
  return { fallback: fallback === undefined ? missing("a value", range.end) : placed(fallback, range.end) };
}

export class MissingPolicyFrame implements Frame<A.MissingPolicy, RulePartial> {
  policy: A.MissingPolicyName | undefined;
  fallback: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.MissingPolicy {
    return { kind: "MissingPolicy", policy: this.policy, ...fallbackOf(this.policy, this.fallback, range), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.fallback = partial.value;
  }
}

export class MatchRuleFrame implements Frame<A.MatchRule, RulePartial> {
  rule: IToken | undefined;

  build(range: Range): A.MatchRule {
    return { kind: "MatchRule", rule: nameOrMissing(this.rule, "a match rule (exact, loose, initials or surname_initial)", range.end), range };
  }
}

export class AmbiguousPolicyFrame implements Frame<A.AmbiguousPolicy, RulePartial> {
  policy: A.AmbiguousPolicyName | undefined;
  fallback: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.AmbiguousPolicy {
    return { kind: "AmbiguousPolicy", policy: this.policy, ...fallbackOf(this.policy, this.fallback, range), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.fallback = partial.value;
  }
}

export class ArchivedSettingFrame implements Frame<A.ArchivedSetting, RulePartial> {
  include = false;

  build(range: Range): A.ArchivedSetting {
    return { kind: "ArchivedSetting", include: this.include, range };
  }
}

export class RecordsFrame implements Frame<A.RecordsDeclaration, RulePartial> {
  model: Built<A.QualifiedName | A.Missing> | undefined;
  match: IToken | undefined;
  readonly entries: Built<A.RecordEntry | undefined>[] = [];

  build(range: Range): A.RecordsDeclaration {
    return {
      kind: "RecordsDeclaration",
      model: qualifiedAt(this.model, range.end),
      ...(this.match === undefined ? {} : { match: name(this.match) }),
      entries: presentItems(this.entries, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "recordEntry") this.entries.push(partial.value);
  }
}

export class RecordEntryFrame implements Frame<A.RecordEntry | undefined, RulePartial> {
  name: IToken | undefined;
  existingKeyword: IToken | undefined;
  existing: IToken | undefined;
  values: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.RecordEntry | undefined {
    if (this.name === undefined) return undefined;
    return {
      kind: "RecordEntry",
      name: name(this.name),
      ...(this.existingKeyword === undefined ? {} : { existing: stringOrMissing(this.existing, "an external ID in quotes", range.end) }),
      values: this.values === undefined ? [] : placed(this.values, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValueBlock") this.values = partial.value;
  }
}

/** `{ name "Won"  sequence 70 }` */
export class FieldValueBlockFrame extends ItemsFrame<A.FieldValue> {
  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValue") this.items.push(partial.value);
  }
}

/** `ref contact "C1"`: its tokens, read where a field's value or a list's item stands. */
class KeyReferenceTokens {
  ref: IToken | undefined;
  alias: IToken | undefined;
  key: IToken | undefined;

  /** The reference, once `ref` was read, ending where the value does. */
  build(range: Range): A.KeyReference | undefined {
    if (this.ref === undefined) return undefined;
    return {
      kind: "KeyReference",
      alias: nameOrMissing(this.alias, "an alias", range.end),
      key: stringOrMissing(this.key, "a key in quotes", range.end),
      range: { start: tokenRange(this.ref).start, end: range.end },
    };
  }

  reset(): void {
    this.ref = undefined;
    this.alias = undefined;
    this.key = undefined;
  }
}

export class FieldValueFrame implements Frame<A.FieldValue | undefined, RulePartial> {
  field: IToken | undefined;
  value: Built<A.Value | A.Missing> | undefined;
  list: Built<A.ValueList> | undefined;
  /** `ref contact "C1"` */
  readonly reference = new KeyReferenceTokens();

  build(range: Range): A.FieldValue | undefined {
    if (this.field === undefined) return undefined;
    const field = isStringToken(this.field) ? stringLiteral(this.field) : name(this.field);
    const value = this.list === undefined ? (this.reference.build(range) ?? valueAt(this.value, range.end)) : placed(this.list, range.end);
    return { kind: "FieldValue", field, value, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "value") this.value = partial.value;
    else if (partial.rule === "valueList") this.list = partial.value;
  }

  reset(): void {
    this.field = undefined;
    this.value = undefined;
    this.list = undefined;
    this.reference.reset();
  }
}

/** `[ref tag "vip", ref tag "b2b"]` */
export class ValueListFrame implements Frame<A.ValueList, RulePartial> {
  readonly items: Built<A.Value | A.KeyReference | A.Missing>[] = [];

  build(range: Range): A.ValueList {
    return { kind: "ValueList", items: presentItems(this.items, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "valueListItem") this.items.push(partial.value);
  }
}

export class ValueListItemFrame implements Frame<A.Value | A.KeyReference | A.Missing, RulePartial> {
  value: Built<A.Value | A.Missing> | undefined;
  readonly reference = new KeyReferenceTokens();

  build(range: Range): A.Value | A.KeyReference | A.Missing {
    return this.reference.build(range) ?? valueAt(this.value, range.end);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "value") this.value = partial.value;
  }

  reset(): void {
    this.value = undefined;
    this.reference.reset();
  }
}

/** A literal, or the name of a record. */
export class ValueFrame implements Frame<A.Value | A.Missing, RulePartial> {
  record: IToken | undefined;
  literal: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.Value | A.Missing {
    if (this.record !== undefined) return { kind: "NameReference", name: name(this.record), range: tokenRange(this.record) };
    return this.literal === undefined ? missing("a value", range.start) : placed(this.literal, range.start);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.literal = partial.value;
  }

  reset(): void {
    this.record = undefined;
    this.literal = undefined;
  }
}

export class LiteralFrame implements Frame<A.Literal | A.Missing, RulePartial> {
  token: IToken | undefined;

  build(range: Range): A.Literal | A.Missing {
    return this.token === undefined ? missing("a value", range.start) : literalOf(this.token);
  }

  reset(): void {
    this.token = undefined;
  }
}

export class TableFrame implements Frame<A.TableDeclaration, RulePartial> {
  name: IToken | undefined;
  input: Built<A.QualifiedName | A.Missing> | undefined;
  output: Built<A.QualifiedName | A.Missing> | undefined;
  readonly entries: Built<A.TableEntry | A.TableDefault>[] = [];

  build(range: Range): A.TableDeclaration {
    return {
      kind: "TableDeclaration",
      name: nameOrMissing(this.name, "a table name", range.end),
      input: qualifiedAt(this.input, range.end),
      output: qualifiedAt(this.output, range.end),
      entries: realItems(this.entries),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") {
      if (this.input === undefined) this.input = partial.value;
      else this.output = partial.value;
    } else if (partial.rule === "tableEntry" || partial.rule === "tableDefault") this.entries.push(partial.value);
  }
}

/** `step fold = trim | upper`: the steps, as a pipeline holds them, and the fallbacks after `??`. */
export class StepFrame implements Frame<A.StepDeclaration, RulePartial> {
  name: IToken | undefined;
  readonly steps: Built<A.PipeStep | undefined>[] = [];
  readonly fallbacks: Built<A.StepFallback>[] = [];

  build(range: Range): A.StepDeclaration {
    return {
      kind: "StepDeclaration",
      name: nameOrMissing(this.name, "a step name", range.end),
      steps: presentItems(this.steps, range.end),
      fallbacks: realItems(this.fallbacks),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "pipeStep") this.steps.push(partial.value);
    else if (partial.rule === "stepFallback") this.fallbacks.push(partial.value);
  }
}

/** `?? lyhyt_muoto | ref asiakas by nimi`: a step declaration's fallback. */
export class StepFallbackFrame implements Frame<A.StepFallback, RulePartial> {
  readonly steps: Built<A.PipeStep | undefined>[] = [];

  build(range: Range): A.StepFallback {
    return { kind: "StepFallback", steps: presentItems(this.steps, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "pipeStep") this.steps.push(partial.value);
  }
}

export class TableEntryFrame implements Frame<A.TableEntry, RulePartial> {
  readonly keys: Built<A.Literal | A.Missing>[] = [];
  value: Built<A.Value | A.Missing> | undefined;
  /** `-> empty` */
  empty: IToken | undefined;

  build(range: Range): A.TableEntry {
    const keys: A.Literal[] = [];
    for (const key of this.keys) {
      const literal = placed(key, range.start);
      if (literal.kind !== "Missing") keys.push(literal);
    }
    const value: A.Value | A.EmptyValue | A.Missing =
      this.empty === undefined ? valueAt(this.value, range.end) : { kind: "EmptyValue", range: tokenRange(this.empty) };
    return { kind: "TableEntry", keys, value, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.keys.push(partial.value);
    else if (partial.rule === "value") this.value = partial.value;
  }
}

export class TableDefaultFrame implements Frame<A.TableDefault, RulePartial> {
  action: IToken | undefined;
  value: Built<A.Value | A.Missing> | undefined;

  build(range: Range): A.TableDefault {
    const action = this.action?.image;
    if (action === "reject" || action === "flag" || action === "keep" || action === "empty") return { kind: "TableDefault", action, range };
    return { kind: "TableDefault", action: "value", value: valueAt(this.value, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "value") this.value = partial.value;
  }
}

export class QualifiedNameFrame implements Frame<A.QualifiedName | A.Missing, RulePartial> {
  readonly parts: IToken[] = [];

  build(range: Range): A.QualifiedName | A.Missing {
    return qualifiedNameOf(this.parts, range.start);
  }
}

// ---------------------------------------------------------------------------------------------
// tests

export class TestFrame implements Frame<A.TestDeclaration, RulePartial> {
  name: IToken | undefined;
  readonly items: Built<A.TestItem>[] = [];

  build(range: Range): A.TestDeclaration {
    return { kind: "TestDeclaration", name: stringOrMissing(this.name, "a test name in quotes", range.end), items: realItems(this.items), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "givenRow" || partial.rule === "givenOdooRecord" || partial.rule === "expectation") this.items.push(partial.value);
  }
}

export class GivenOdooRecordFrame implements Frame<A.GivenOdooRecord, RulePartial> {
  model: Built<A.QualifiedName | A.Missing> | undefined;
  values: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.GivenOdooRecord {
    return {
      kind: "GivenOdooRecord",
      model: qualifiedAt(this.model, range.end),
      values: this.values === undefined ? [] : placed(this.values, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "fieldValueBlock") this.values = partial.value;
  }
}

export class GivenRowFrame implements Frame<A.GivenRow, RulePartial> {
  entity: IToken | undefined;
  cells: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.GivenRow {
    return {
      kind: "GivenRow",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      cells: this.cells === undefined ? [] : placed(this.cells, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValueBlock") this.cells = partial.value;
  }
}

export class ExpectationFrame implements Frame<A.ExpectRecord | A.ExpectOutcome, RulePartial> {
  outcome: IToken | undefined;
  entity: IToken | undefined;
  message: IToken | undefined;
  count: IToken | undefined;
  model: Built<A.QualifiedName | A.Missing> | undefined;
  values: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.ExpectRecord | A.ExpectOutcome {
    if (this.outcome !== undefined) {
      return {
        kind: "ExpectOutcome",
        outcome: this.outcome.image === "skip" ? "skip" : "reject",
        ...(this.entity === undefined ? {} : { entity: name(this.entity) }),
        ...(this.message === undefined ? {} : { message: stringLiteral(this.message) }),
        range,
      };
    }
    return {
      kind: "ExpectRecord",
      ...(this.count === undefined ? {} : { count: numberLiteral(this.count) }),
      model: qualifiedAt(this.model, range.end),
      values: this.values === undefined ? [] : placed(this.values, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "fieldValueBlock") this.values = partial.value;
  }
}
