import { join } from "node:path";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { defineCommand, packageOptions, problemsFound, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { compilePackage, type PackageOptions } from "../package.js";

export async function testCommand(packagePath: string, options: PackageOptions & { source?: string }, context: CommandContext): Promise<Outcome> {
  const { analysis, plan } = compilePackage(packagePath, options, context, "its tests cannot run");
  if (plan.tests.length === 0) {
    context.stdout("the package has no test blocks\n");
    return SUCCEEDED;
  }
  const results = await runPlanTests(plan, options.source === undefined ? analysis.directory : join(context.cwd, options.source));
  const byFile = new Map<string, typeof results>();
  for (const result of results) byFile.set(result.file, [...(byFile.get(result.file) ?? []), result]);
  let failed = 0;
  for (const [file, fileResults] of byFile) {
    context.stdout(`${join(packagePath, file)}\n`);
    for (const result of fileResults) {
      if (result.failures.length === 0) {
        context.stdout(`  ${result.line}:1  ✓ ${result.name}\n`);
        continue;
      }
      failed += 1;
      context.stdout(`  ${result.line}:1  ✗ ${result.name}\n`);
      for (const failure of result.failures) context.stdout(`    ${failure.line}:1  ${failure.message}\n`);
    }
    context.stdout("\n");
  }
  const summary = `${results.length} test${results.length === 1 ? "" : "s"}, ${results.length - failed} passed, ${failed} failed`;
  if (failed > 0) return problemsFound(summary);
  context.stdout(`${summary}\n`);
  return SUCCEEDED;
}

export const registerTest = defineCommand(
  (program) =>
    packageOptions(
      program
        .command("test")
        .description("run a package's test blocks in memory against its compiled plan")
        .argument("<package>", "the package folder")
        .option("--source <dir>", "where files named by test rows live (attachments); default: the package folder"),
    ),
  (context) => (packagePath: string, options: PackageOptions & { source?: string }) => testCommand(packagePath, options, context),
);
