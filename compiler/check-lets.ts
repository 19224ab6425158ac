/**
 * Named values, `let clean_name <- name | trim`: declared by a body for its statements and the
 * `if` blocks in it, each checked once (in order, a let read by another checked first), and
 * inlined into the plan wherever its name is read, so the runtime sees plain expressions. What
 * is wrong with them (a name given twice, a column or an outer let hidden, a let computed from
 * itself, a let nothing reads) is reported under FM308 `named_value`.
 */
import type * as A from "../language/ast.js";
import type { ExpressionChecker } from "./check-expressions.js";
import type { CheckedExpression, Scope } from "./checked-package.js";

export interface LetBinding {
  readonly statement: A.LetStatement;
  /** The scope it is computed in: its body's, its own and its siblings' names included. */
  readonly scope: Scope;
  state: "unchecked" | "checking" | "checked";
  checked: CheckedExpression | undefined;
  used: boolean;
}

/** The lets of one body, and those of the bodies around it. */
export class LetScope {
  readonly bindings = new Map<string, LetBinding>();

  constructor(readonly outer: LetScope | undefined) {}

  find(name: string): LetBinding | undefined {
    return this.bindings.get(name) ?? this.outer?.find(name);
  }
}

/**
 * The let a name reads where `scope` is: inside a let's own value, its name is what it hides (the
 * column, or a let of the block around), so `let email <- email | lower` reads the column.
 */
export function letNamed(scope: Scope, name: string): LetBinding | undefined {
  const binding = scope.lets?.find(name);
  if (binding === undefined || binding.state !== "checking") return binding;
  const outer = binding.scope.lets?.outer?.find(name);
  if (outer !== undefined) return outer;
  return scope.entity?.columns.has(name) === true || scope.linked?.entity.columns.has(name) === true ? undefined : binding;
}

function isLet(item: A.BodyItem): item is A.LetStatement {
  return item.kind === "LetStatement";
}

/** The scope of a body's statements: its lets declared (and checked) on top of the scope around it. */
export function declareLets(checker: ExpressionChecker, items: readonly A.BodyItem[], outer: Scope): Scope {
  const statements = items.filter(isLet);
  if (statements.length === 0) return outer;
  const lets = new LetScope(outer.lets);
  const scope: Scope = { ...outer, lets };
  for (const statement of statements) {
    const name = statement.name.value;
    if (lets.bindings.has(name)) {
      checker.issue("let", outer.file, statement.name.range, `${name} is already named by a \`let\` of this block: give this value another name`);
      continue;
    }
    const hidden =
      outer.lets?.find(name) !== undefined
        ? "a `let` of the block around it"
        : outer.entity?.columns.has(name) === true
          ? `the column ${name} of ${outer.entity.name} (only its own value reads the column)`
          : undefined;
    if (hidden !== undefined) checker.issue("let", outer.file, statement.name.range, `let ${name} hides ${hidden}: give it another name`, undefined, "warning");
    lets.bindings.set(name, { statement, scope, state: "unchecked", checked: undefined, used: false });
  }
  for (const binding of lets.bindings.values()) letValue(checker, binding);
  return scope;
}

function letValue(checker: ExpressionChecker, binding: LetBinding): CheckedExpression {
  if (binding.state === "checked" && binding.checked !== undefined) return binding.checked;
  binding.state = "checking";
  const checked = checker.expression(binding.statement.value, { ...binding.scope, field: undefined, depth: 0 });
  binding.checked = checked;
  binding.state = "checked";
  return checked;
}

/** A name that is a let: its value, inlined; a let read while it is being computed is a cycle. */
export function checkLetName(checker: ExpressionChecker, node: A.ColumnPath, binding: LetBinding, scope: Scope): CheckedExpression {
  const name = binding.statement.name.value;
  if (binding.state === "checking") {
    checker.issue("let", scope.file, node.range, `let ${name} is computed from itself (here, directly or through another let): compute it from columns`);
    return checker.failed(node);
  }
  binding.used = true;
  const value = letValue(checker, binding);
  return { ...value, node };
}

/** After a body: its lets that nothing read, each with the fix that removes it. */
export function reportUnusedLets(checker: ExpressionChecker, scope: Scope, outer: Scope): void {
  if (scope.lets === undefined || scope.lets === outer.lets) return;
  for (const binding of scope.lets.bindings.values()) {
    if (binding.used) continue;
    const statement = binding.statement;
    checker.issue(
      "let",
      scope.file,
      statement.name.range,
      `let ${statement.name.value} is read by no statement: use it, or remove it`,
      [{ title: `Remove let ${statement.name.value}`, edits: [{ file: scope.file, range: statement.range, newText: "" }] }],
      "warning",
    );
  }
}
