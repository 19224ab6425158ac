/**
 * What the binder and the rules look up across a whole file, found in one walk of its tree and
 * kept per tree: the syntax tree is immutable, and the language server re-checks a package at
 * every keystroke with the trees of the files not edited unchanged (compiler/analyze.ts's
 * ParseCache), so their walks are not repeated. One walk instead of one per rule also halves a
 * `flitmap check`'s time in these walks, which run on code V8 has not yet optimised.
 */
import type * as A from "../language/ast.js";
import { forEachNode } from "../language/visit.js";

export interface DocumentFacts {
  /** Every `if setting ...` condition, taken or not, in written order. */
  readonly settingConditions: readonly A.SettingCondition[];
  /** Every `setting name` read as a value in an expression, in written order. */
  readonly settingReads: readonly A.SettingExpression[];
  /** Every `if odoo has ...` condition, taken or not, in written order. */
  readonly hasConditions: readonly A.HasCondition[];
  /**
   * Names written under an `if` on the target or a setting, in a map or split (target) such an `if`
   * switches off, or in either body of a map with a fallback: unused_declaration does not call
   * what they name unused, since other Odoo versions or settings use it.
   */
  readonly namesUnderConditions: ReadonlySet<string>;
}

/** Whether everything under `node` depends on the Odoo version or the settings chosen. */
function isConditional(node: A.Node): boolean {
  if (node.kind === "TargetIf") return true;
  if ((node.kind === "MapDeclaration" || node.kind === "SplitDeclaration" || node.kind === "SplitTarget") && node.enabledIf !== undefined) return true;
  return (node.kind === "MapDeclaration" || node.kind === "SplitTarget") && node.fallback !== undefined;
}

const known = new WeakMap<A.Document, DocumentFacts>();

export function documentFacts(document: A.Document): DocumentFacts {
  const cached = known.get(document);
  if (cached !== undefined) return cached;
  const settingConditions: A.SettingCondition[] = [];
  const settingReads: A.SettingExpression[] = [];
  const hasConditions: A.HasCondition[] = [];
  const namesUnderConditions = new Set<string>();
  // Parents come before their children in the walk: a node is under a condition when its parent is.
  const conditional = new Set<A.Node>();
  forEachNode(document.declarations, (node, parent) => {
    if (node.kind === "SettingCondition") settingConditions.push(node);
    else if (node.kind === "HasCondition") hasConditions.push(node);
    else if (node.kind === "SettingExpression") settingReads.push(node);
    if ((parent !== undefined && conditional.has(parent)) || isConditional(node)) {
      conditional.add(node);
      if (node.kind === "Name") namesUnderConditions.add(node.value);
    }
  });
  const facts = { settingConditions, settingReads, hasConditions, namesUnderConditions };
  known.set(document, facts);
  return facts;
}
