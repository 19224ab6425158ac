import { SOURCE_OPTION_NAMES } from "../value-formats.js";
import { didYouMean, replaceFix, type Finding, type Rule } from "./rule.js";

export const sourceOption: Rule = {
  code: "FM208",
  name: "source_option",
  defaultSeverity: "error",
  summary: `A \`csv { ... }\` option that does not exist or has a value the reader cannot use (options: ${SOURCE_OPTION_NAMES.join(", ")}).`,
  example: {
    wrong: 'source pv {\n  csv { delimitter ";"  encoding "cp1252" }\n}',
    reported: 'there is no csv option delimitter; did you mean `delimiter`?\nencoding "cp1252" is written "windows-1252" here',
    right: 'source pv {\n  csv { delimiter ";"  encoding "windows-1252" }\n}',
    selfContained: true,
  },
  check({ bound }) {
    const findings: Finding[] = bound.shapeProblems
      .filter((problem) => problem.kind === "source-option")
      .map((problem) => ({
        file: problem.file,
        range: problem.range,
        message: problem.message,
        ...(problem.replacement === undefined ? {} : { fixes: [replaceFix(problem.replacement.title, problem.file, problem.replacement.range, problem.replacement.text)] }),
      }));
    for (const entry of bound.unresolved) {
      if (entry.kind !== "option") continue;
      const best = entry.candidates[0];
      findings.push({
        file: entry.file,
        range: entry.range,
        message: `there is no csv option ${entry.name}${didYouMean(entry.candidates)}`,
        ...(best === undefined ? {} : { fixes: [replaceFix(`Change to ${best}`, entry.file, entry.range, best)] }),
      });
    }
    return findings;
  },
};
