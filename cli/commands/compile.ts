import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { serializePlan } from "../../compiler/plan/emit.js";
import { defineCommand, packageOptions, SUCCEEDED, type Outcome } from "../command.js";
import type { CommandContext } from "../context.js";
import { compilePackage, type PackageOptions } from "../package.js";

export async function compileCommand(packagePath: string, options: PackageOptions & { output?: string }, context: CommandContext): Promise<Outcome> {
  const { plan } = compilePackage(packagePath, options, context, "no plan written");
  const text = serializePlan(plan);
  if (options.output === undefined || options.output === "-") {
    context.stdout(text);
  } else {
    await writeFile(resolve(context.cwd, options.output), text, "utf8");
    context.stderr(`plan written to ${relative(context.cwd, resolve(context.cwd, options.output)) || options.output}\n`);
  }
  return SUCCEEDED;
}

export const registerCompile = defineCommand(
  (program) =>
    packageOptions(
      program
        .command("compile")
        .description("check a package and write its transform plan (JSON) for `flitmap run`")
        .argument("<package>", "the package folder")
        .option("-o, --output <file>", "where to write the plan (default: standard output)"),
    ),
  (context) => (packagePath: string, options: PackageOptions & { output?: string }) => compileCommand(packagePath, options, context),
);
