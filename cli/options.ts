/**
 * Reading the options several commands share. Kept apart from package.ts, which compiles plans:
 * `flitmap check` reads these options and must not load the plan's emitter and its schemas.
 */
import { UsageError } from "./errors.js";

/** Collects a repeatable option's values (commander calls it once per occurrence). */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

export function settingOverrides(values: readonly string[] | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const value of values ?? []) {
    const equals = value.indexOf("=");
    if (equals <= 0) throw new UsageError(`--set takes name=value, not "${value}"`);
    settings[value.slice(0, equals).trim()] = value.slice(equals + 1);
  }
  return settings;
}
