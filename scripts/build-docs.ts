/**
 * Writes the generated parts of the documentation from the code, so they cannot drift:
 * docs/rules.md (every diagnostic code), the built-ins section of docs/language.md and the plan's
 * JSON Schema (docs/plan.schema.json).
 * `npx tsx scripts/build-docs.ts`; test/docs.test.ts fails when they are stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderBuiltinsSection, renderPlanJsonSchema, renderRulesPage, replaceGeneratedSection } from "./docs-render.js";

const root = join(import.meta.dirname, "..");
writeFileSync(join(root, "docs/rules.md"), renderRulesPage());
writeFileSync(join(root, "docs/plan.schema.json"), renderPlanJsonSchema());
const languagePath = join(root, "docs/language.md");
writeFileSync(languagePath, replaceGeneratedSection(readFileSync(languagePath, "utf8"), "builtins", renderBuiltinsSection()));
process.stdout.write("docs/rules.md, docs/plan.schema.json and the built-ins of docs/language.md are up to date\n");
