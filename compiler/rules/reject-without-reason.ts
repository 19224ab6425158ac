import type { Finding, Rule } from "./rule.js";

export const rejectWithoutReason: Rule = {
  code: "FM505",
  name: "reject_without_reason",
  defaultSeverity: "warning",
  summary:
    "A test's `expect reject ENTITY` without the reason: it passes whatever rejects the row (a typo in a given cell, a missing column), not only what the test is about.",
  example: {
    wrong: 'test "a company without a name is rejected" {\n  given Company { id "1067"  name "" }\n  expect reject Company\n}',
    reported: 'expect reject Company passes whatever rejects the row: add the part of the reason the test is about, e.g. `expect reject Company "is required"`',
    right: 'test "a company without a name is rejected" {\n  given Company { id "1067"  name "" }\n  expect reject Company "is required"\n}',
  },
  check({ bound }) {
    const findings: Finding[] = [];
    for (const file of bound.files) {
      if (!file.path.startsWith(bound.directory)) continue;
      for (const declaration of file.document.declarations) {
        if (declaration.kind !== "TestDeclaration") continue;
        for (const item of declaration.items) {
          if (item.kind !== "ExpectOutcome" || item.outcome !== "reject" || item.entity === undefined || item.message !== undefined) continue;
          findings.push({
            file: file.path,
            range: item.range,
            message: `expect reject ${item.entity.value} passes whatever rejects the row: add the part of the reason the test is about, e.g. \`expect reject ${item.entity.value} "is required"\``,
          });
        }
      }
    }
    return findings;
  },
};
