/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of a bundled benchmark and says where the time went:
 * self time per function and per source file. The bundle's `// path/to/module.ts` markers (esbuild
 * writes one before each module) turn bundle lines back into the project's files.
 */
import { fixed, padTable } from "./report.js";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function isCpuProfile(value: unknown): value is CpuProfile {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return Array.isArray(candidate["nodes"]) && Array.isArray(candidate["samples"]) && Array.isArray(candidate["timeDeltas"]);
}

/** Bundle line (0-based) where each module starts, with the module's path. */
function moduleMarkers(bundle: string): { line: number; path: string }[] {
  const markers: { line: number; path: string }[] = [];
  bundle.split("\n").forEach((text, line) => {
    const match = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|js|mjs|cjs|json))$/.exec(text);
    if (match?.[1] !== undefined) markers.push({ line, path: match[1] });
  });
  return markers;
}

function moduleAt(markers: readonly { line: number; path: string }[], line: number): string {
  let low = 0;
  let high = markers.length - 1;
  let found = "(bundle)";
  while (low <= high) {
    const middle = (low + high) >> 1;
    const marker = markers[middle];
    if (marker === undefined) break;
    if (marker.line <= line) {
      found = marker.path;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The `top` functions and files by self time, as tables. */
export function summariseProfile(profileText: string, bundle: string, top: number): string {
  const parsed: unknown = JSON.parse(profileText);
  if (!isCpuProfile(parsed)) throw new Error("not a V8 CPU profile");
  const markers = moduleMarkers(bundle);
  const nodes = new Map(parsed.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  parsed.samples.forEach((id, index) => {
    const micros = parsed.timeDeltas[index] ?? 0;
    const node = nodes.get(id);
    if (node === undefined) return;
    total += micros;
    const frame = node.callFrame;
    const inBundle = frame.url.endsWith(".mjs") && frame.url.includes("flitmap-bench-");
    const file = inBundle ? moduleAt(markers, frame.lineNumber) : frame.url === "" ? "(V8)" : frame.url.replace(/^node:/, "node:");
    const name = `${frame.functionName === "" ? "(anonymous)" : frame.functionName}  ${file}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byFile.set(file, (byFile.get(file) ?? 0) + micros);
  });
  const table = (entries: Map<string, number>, heading: string): string =>
    padTable([
      [heading, "self ms", "share"],
      ...[...entries]
        .sort((left, right) => right[1] - left[1])
        .slice(0, top)
        .map(([name, micros]) => [name, fixed(micros / 1000, 0), `${fixed((100 * micros) / total, 1)}%`]),
    ]);
  return `${table(byFunction, "function  module")}\n\n${table(byFile, "module (self time of its functions)")}`;
}
