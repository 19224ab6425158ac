import type { Rule } from "./rule.js";

export const targetProblem: Rule = {
  code: "FM902",
  name: "target_problem",
  defaultSeverity: "error",
  guardsPlan: true,
  summary: "The migration's target cannot be used: no target, an Odoo version with no shipped catalog, or a schema file that is missing or invalid.",
  example: {
    wrong: 'migration pb { source perfectbooks  target odoo "16.0" }',
    reported:
      'Flitmap ships catalogs for Odoo 17.0, 18.0, 19.0, not "16.0": pick one, or pull your server\'s schema with `flitmap schema pull` and use `target odoo schema "odoo-schema.json"`',
    right: 'migration pb { source perfectbooks  target odoo "17.0" }',
    selfContained: true,
  },
  check({ target }) {
    return target.problems.map((problem) => ({ file: problem.file, range: problem.range, message: problem.message }));
  },
};
