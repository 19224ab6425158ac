/**
 * Regenerates the committed samples:  npx tsx mappings/generators/make-samples.ts
 */
import { generate } from "./cli.js";
import { sampleCommand, sampleOptions, SAMPLES } from "./samples.js";

for (const sample of SAMPLES) {
  const summary = generate(sampleOptions(sample));
  const rows = summary.files.reduce((sum, file) => sum + file.rows, 0);
  process.stdout.write(`${sampleCommand(sample)}\n  ${summary.files.length} files, ${rows} data rows, ${Object.keys(summary.defectCounts).length} defect kinds\n`);
}
