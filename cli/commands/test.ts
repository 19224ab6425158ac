import { join } from "node:path";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import type { CommandContext } from "../context.js";
import type { RegisterCommand } from "../program.js";
import { analyzePackageFolder, collect, reportProblems, type PackageOptions } from "./compile.js";

export async function testCommand(packagePath: string, options: PackageOptions & { source?: string }, context: CommandContext): Promise<number> {
  const analysis = analyzePackageFolder(packagePath, options);
  if (
    reportProblems(
      analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
      context,
    )
  ) {
    context.stderr("flitmap: the package has errors: its tests cannot run\n");
    return 1;
  }
  const plan = emitPlan(analysis);
  if (plan.tests.length === 0) {
    context.stdout("the package has no test blocks\n");
    return 0;
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
  context.stdout(`${results.length} test${results.length === 1 ? "" : "s"}, ${results.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

export const registerTest: RegisterCommand = ({ program, context, exit }) => {
  program
    .command("test")
    .description("run a package's test blocks in memory against its compiled plan")
    .argument("<package>", "the package folder")
    .option("--source <dir>", "where files named by test rows live (attachments); default: the package folder")
    .option("--target <series>", "compile against this shipped Odoo catalog instead of the package's target")
    .option("--set <name=value>", "override a setting of the package (repeatable)", collect, [])
    .action(async (packagePath: string, options: PackageOptions & { source?: string }) => {
      exit(await testCommand(packagePath, options, context));
    });
};
