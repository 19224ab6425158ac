/**
 * How far a run lets V8's heap grow past what is live before it collects the old generation.
 *
 * A run keeps little (its indexes and outcomes are typed arrays outside the heap, some 50 MB of
 * heap live at a million rows) and makes a lot of short-lived garbage, some of which outlives the
 * young generation's collections (a batch waiting for its load() call). V8 sets the next full
 * collection at up to four times what is live after one, the more so the cheaper collecting is, and
 * collecting a heap of garbage is cheap: a million-row run to `--out` grew its heap to 270 MB over
 * about 50 MB live. At twice what is live it collects sooner (3 to 6% more CPU in a run) and peaks
 * about 100 MB lower. This is a factor, not a limit: a run whose live data is larger (a bigger
 * export, more lookups) still gets all the heap it needs, up to Node's own limit as before.
 */
import { setFlagsFromString } from "node:v8";

/** The heap grows to (1 + percent / 100) times what is live before the next full collection. */
export const HEAP_GROWING_PERCENT = 100;

const FLAG = "--heap-growing-percent";

/** Sets the run's heap growth, unless whoever started Node chose one (`node --heap-growing-percent=N`, or in NODE_OPTIONS). */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env["NODE_OPTIONS"] ?? ""): boolean {
  const chosen = (text: string): boolean => text.includes(FLAG) || text.includes(FLAG.replaceAll("-", "_").replace(/^__/, "--"));
  if (execArgv.some(chosen) || chosen(nodeOptions)) return false;
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  return true;
}
