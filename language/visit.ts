/**
 * The one walk over a syntax tree, driven by a table of each node kind's children, as graphql-js's
 * QueryDocumentKeys drive its `visit`: a node's children are the nodes and lists of nodes under the
 * keys its kind lists, in the order they are written. The walk keeps its own stack, so no tree,
 * however deep, exhausts the call stack. The compiler's rules and the editor's features use it.
 */
import type * as A from "./ast.js";

type NodeOfKind<Kind extends A.Node["kind"]> = Extract<A.Node, { readonly kind: Kind }>;

/** The keys of `T` whose values are nodes or lists of nodes. */
type ChildKey<T> = { [Key in keyof T]-?: NonNullable<T[Key]> extends A.Node | readonly A.Node[] ? Key : never }[keyof T];

/** Each node kind's child keys, in source order; test/language/visit.test.ts checks that no child is left out. */
export const CHILD_KEYS: { readonly [Kind in A.Node["kind"]]: readonly ChildKey<NodeOfKind<Kind>>[] } = {
  Document: ["declarations", "comments"],
  LineComment: [],
  BlockComment: [],
  Name: [],
  QualifiedName: ["parts"],
  Missing: [],
  ImportDeclaration: ["names", "from"],
  MigrationDeclaration: ["name", "items"],
  SourceReference: ["source"],
  TargetSetting: ["series", "schemaFile"],
  XmlidSetting: ["namespace"],
  RuleSetting: ["rule", "severity"],
  SettingDeclaration: ["name", "value"],
  DeletedSetting: ["policy"],
  SourceDeclaration: ["name", "items"],
  CsvOptions: ["options"],
  OptionSetting: ["name", "value"],
  EntityDeclaration: ["name", "pattern", "key", "items"],
  ColumnDeclaration: ["name", "header", "type", "format", "modifiers"],
  ColumnModifier: [],
  ColumnReference: ["entity"],
  EmptyWhenModifier: ["values"],
  UniqueModifier: ["match"],
  DuplicatesRule: ["by"],
  ColumnGroup: ["name", "from", "to", "columns"],
  LookupDeclaration: ["name", "model", "matchFields", "returns", "items"],
  MissingPolicy: ["fallback"],
  ArchivedSetting: [],
  MatchRule: ["rule"],
  AmbiguousPolicy: ["fallback"],
  RecordsDeclaration: ["model", "match", "entries"],
  RecordEntry: ["name", "existing", "values"],
  FieldValue: ["field", "value"],
  NameReference: ["name"],
  KeyReference: ["alias", "key"],
  ValueList: ["items"],
  EmptyValue: [],
  TableDeclaration: ["name", "input", "output", "entries"],
  TableEntry: ["keys", "value"],
  TableDefault: ["value"],
  StepDeclaration: ["name", "steps", "fallbacks"],
  StepFallback: ["steps"],
  ExtendDeclaration: ["model", "items"],
  CustomFieldDeclaration: ["name", "type", "relation", "label", "help", "options"],
  SelectionOption: ["value", "label"],
  MapDeclaration: ["entity", "model", "alias", "enabledIf", "when", "merge", "body", "fallback"],
  MergeClause: ["onto", "overwrite"],
  FallbackTarget: ["model", "body"],
  SplitDeclaration: ["entity", "enabledIf", "when", "targets"],
  SplitTarget: ["alias", "model", "forEach", "enabledIf", "when", "body", "fallback"],
  Assignment: ["field", "value"],
  LetStatement: ["name", "value"],
  EachBlock: ["entity", "by", "alias", "body"],
  IgnoreStatement: ["columns"],
  WithBlock: ["entity", "by", "when", "orderBy", "body"],
  TargetIf: ["condition", "then", "else"],
  SettingCondition: ["name", "value"],
  VersionCondition: ["version"],
  HasCondition: ["name"],
  ColumnPath: ["parts", "instance"],
  StringLiteral: [],
  NumberLiteral: [],
  BooleanLiteral: [],
  TemplateExpression: ["parts"],
  TemplateText: [],
  ListExpression: ["items"],
  RefExpression: ["alias"],
  SettingExpression: ["name"],
  PipeExpression: ["input", "steps"],
  CallStep: ["callee", "args", "by"],
  RefStep: ["alias", "by", "andBy"],
  CoalesceExpression: ["operands"],
  IfExpression: ["condition", "then", "else"],
  LogicalExpression: ["operands"],
  NotExpression: ["operand"],
  ComparisonExpression: ["left", "right"],
  ArithmeticExpression: ["left", "right"],
  IsExpression: ["operand"],
  InExpression: ["operand", "list"],
  ParenthesizedExpression: ["expression"],
  TestDeclaration: ["name", "items"],
  GivenRow: ["entity", "cells"],
  GivenOdooRecord: ["model", "values"],
  ExpectRecord: ["count", "model", "values"],
  ExpectOutcome: ["entity", "message"],
};

export function isNode(value: unknown): value is A.Node {
  return typeof value === "object" && value !== null && "kind" in value && typeof value.kind === "string";
}

/** What a visit returns: `"skip"` leaves the node's children out of the walk. */
export type VisitResult = void | "skip";

/**
 * Calls `visit` on every node of `root` (a node or a list of nodes), parents before children and
 * children in source order, with the node's parent and the key it sits under (none for the roots).
 */
export function forEachNode(root: A.Node | readonly A.Node[], visit: (node: A.Node, parent: A.Node | undefined, key: string | undefined) => VisitResult): void {
  const nodes: A.Node[] = [];
  const parents: (A.Node | undefined)[] = [];
  const keys: (string | undefined)[] = [];
  const roots = isNode(root) ? [root] : root;
  for (let index = roots.length - 1; index >= 0; index--) {
    const node = roots[index];
    if (node === undefined) continue;
    nodes.push(node);
    parents.push(undefined);
    keys.push(undefined);
  }
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const parent = parents.pop();
    const key = keys.pop();
    if (visit(node, parent, key) === "skip") continue;
    const childKeys: readonly PropertyKey[] = CHILD_KEYS[node.kind];
    // Children go on the stack last first, so that they come off it in source order.
    for (let keyIndex = childKeys.length - 1; keyIndex >= 0; keyIndex--) {
      const childKey = childKeys[keyIndex];
      if (typeof childKey !== "string") continue;
      const value: unknown = Reflect.get(node, childKey);
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) {
          const item: unknown = value[index];
          if (!isNode(item)) continue;
          nodes.push(item);
          parents.push(node);
          keys.push(childKey);
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
        keys.push(childKey);
      }
    }
  }
}
