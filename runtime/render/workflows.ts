/** The workflows' rebuild reference (`flitmap workflows`) as Markdown: a summary table, then one section per workflow. */
import type { Plan } from "../../compiler/plan/schema.js";
import type { WorkflowGuide } from "../lifecycle/workflows.js";

function featureName(guide: WorkflowGuide, series: string): string {
  if (guide.feature === "scheduled") return "Scheduled action";
  return Number.parseFloat(series.replace(/^saas~/, "")) >= 17 ? "Automation rule" : "Automated action";
}

/** The rebuild reference as Markdown: a summary table, then one section per workflow. */
export function workflowsMarkdown(plan: Plan, guides: readonly WorkflowGuide[], files: readonly string[]): string {
  const series = plan.target.series;
  const lines: string[] = [`# Workflows to rebuild in Odoo: ${plan.migration.name}`, ""];
  if (guides.length === 0) {
    lines.push(`No workflow export found (${files.length === 0 ? "no file with a known workflow header" : files.join(", ")}).`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    `${guides.length} workflow${guides.length === 1 ? "" : "s"} from ${files.join(", ")} (${[...new Set(guides.map((guide) => guide.system))].join(", ")}). Workflows are not data: Flitmap does not migrate them. Each section below says what started the workflow, what it checked and did, and what rebuilds it in Odoo ${series}${Number.parseFloat(series) >= 17 ? " (automation rules: Settings › Technical › Automation › Automation Rules, developer mode)" : ""}.`,
    "",
  );
  if (Number.parseFloat(series) >= 17 && !plan.target.modules.includes("base_automation") && guides.some((guide) => guide.feature === "automation"))
    lines.push(`Install the Automation Rules module (base_automation) first: the Odoo ${series} the package is compiled against does not have it.`, "");
  lines.push("| # | workflow | runs on | trigger | Odoo feature | active |", "| ---: | --- | --- | --- | --- | --- |");
  const cell = (text: string): string => text.replace(/\|/g, "\\|");
  guides.forEach((guide, index) =>
    lines.push(
      `| ${index + 1} | ${cell(guide.workflow.name)} | ${cell(guide.workflow.object)} → ${guide.models.join(", ") || "?"} | ${cell(guide.workflow.trigger)} | ${featureName(guide, series)}: ${guide.trigger} | ${guide.workflow.active ? "yes" : "no"} |`,
    ),
  );
  guides.forEach((guide, index) => {
    const { workflow } = guide;
    lines.push("", `## ${index + 1}. ${workflow.name}`, "");
    lines.push(`From ${workflow.file}, line ${workflow.line}${workflow.active ? "" : " (switched off)"}.`, "");
    lines.push(
      `- **Runs on:** ${workflow.object}${guide.entity === undefined ? "" : ` (entity ${guide.entity})`} → ${guide.models.map((model) => `\`${model}\``).join(", ") || "no model the package loads"}`,
    );
    lines.push(`- **Trigger:** ${workflow.trigger}`);
    if (guide.conditions.length === 0) lines.push("- **Conditions:** none");
    else {
      lines.push("- **Conditions:**");
      for (const condition of guide.conditions)
        lines.push(
          `  - \`${condition.text}\`${condition.fields.length === 0 ? "" : ` (lands in ${condition.fields.map((field) => `\`${field}\``).join(", ")})`}${condition.term === undefined ? `: by hand, ${condition.byHand ?? ""}` : condition.inTrigger === true ? ": in the trigger" : ""}`,
        );
    }
    lines.push("- **Actions:**");
    workflow.actions.forEach((action, number) => lines.push(`  ${number + 1}. ${action}`));
    lines.push(`- **Rebuild with:** ${featureName(guide, series).toLowerCase()} on \`${guide.models[0] ?? "?"}\``);
    lines.push(`  - Trigger: **${guide.trigger}**: ${guide.triggerDetail}`);
    if (guide.domain !== undefined) lines.push(`  - ${guide.feature === "scheduled" ? "Records (domain)" : "Apply on"}: \`${guide.domain}\``);
    guide.actions.forEach((action, number) => lines.push(`  - Action ${number + 1}: **${action.odoo}**: ${action.how}`));
    for (const note of guide.notes) lines.push(`  - Note: ${note}`);
  });
  return `${lines.join("\n")}\n`;
}
