/**
 * Fault injection for reliability tests: throttling, server errors, dropped connections, slow
 * answers, and failures after the change was committed (so the client cannot know it happened).
 * Rules fire every Nth matching call or for a fraction of them (seeded, so runs repeat).
 */

export interface FaultRule {
  /** Fire on every Nth matching call (1 = every call). */
  readonly every?: number;
  /** Fire on this fraction of matching calls (0..1), from a seeded generator. */
  readonly fraction?: number;
  /** Stop after firing this many times. */
  readonly times?: number;
  /** Only calls of these methods (e.g. ["create", "load"]). */
  readonly methods?: readonly string[];
  /** Only calls on these models. */
  readonly models?: readonly string[];
}

export interface FaultSettings {
  /** Seed of the generator behind `fraction` (default 1). */
  readonly seed?: number;
  /** HTTP 429 with Retry-After, before the call is processed. */
  readonly throttle?: FaultRule & { readonly retryAfterSeconds?: number };
  /** An HTTP error status before the call is processed (default 503). */
  readonly serverError?: FaultRule & { readonly status?: 500 | 502 | 503 | 504 };
  /** The connection is destroyed before the call is processed. */
  readonly dropConnection?: FaultRule;
  /**
   * The call is processed and committed, then the answer is lost: the connection is dropped
   * ("drop", default) or a gateway error is answered ("502", "504").
   */
  readonly commitThenFail?: FaultRule & { readonly mode?: "drop" | "502" | "504" };
  /**
   * A gateway gives up on the call (answers 504 at once) while Odoo goes on working on it and
   * commits `afterMs` later: the client's lost answer is a call not yet committed, which a search
   * made right after the 504 does not see. What a reverse proxy's read timeout does to a long
   * call (Odoo's threaded server has no time limit; a prefork worker's is limit_time_real).
   */
  readonly commitLate?: FaultRule & { readonly afterMs: number };
  /** Delay before answering, in ms (a number, or a range). */
  readonly delayMs?: number | { readonly min: number; readonly max: number };
  /** Extra delay per row sent to create/load, in ms (big batches get slow, as on a real server). */
  readonly delayPerRowMs?: number;
  /** Apply the rules to common.version/authenticate and GET /web/version too (default false). */
  readonly includeAuthentication?: boolean;
}

export type FaultKind = "throttle" | "server-error" | "drop" | "commit-then-fail" | "commit-late";

export interface CallIdentity {
  readonly model: string | undefined;
  readonly method: string;
  readonly authentication: boolean;
}

interface RuleState {
  matched: number;
  fired: number;
}

/** mulberry32: a tiny deterministic generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  #settings: FaultSettings;
  #random: () => number;
  #states = new Map<string, RuleState>();

  constructor(settings: FaultSettings = {}) {
    this.#settings = settings;
    this.#random = generator(settings.seed ?? 1);
  }

  get settings(): FaultSettings {
    return this.#settings;
  }

  /** Replaces the rules and restarts their counters. */
  set(settings: FaultSettings): void {
    this.#settings = settings;
    this.#random = generator(settings.seed ?? 1);
    this.#states.clear();
  }

  private eligible(call: CallIdentity): boolean {
    return !call.authentication || this.#settings.includeAuthentication === true;
  }

  private fires(name: string, rule: FaultRule | undefined, call: CallIdentity): boolean {
    if (!rule || !this.eligible(call)) return false;
    if (rule.methods !== undefined && !rule.methods.includes(call.method)) return false;
    if (rule.models !== undefined && (call.model === undefined || !rule.models.includes(call.model))) return false;
    const state = this.#states.get(name) ?? { matched: 0, fired: 0 };
    this.#states.set(name, state);
    state.matched += 1;
    if (rule.times !== undefined && state.fired >= rule.times) return false;
    const byCount = rule.every !== undefined && rule.every > 0 && state.matched % rule.every === 0;
    const byChance = rule.fraction !== undefined && this.#random() < rule.fraction;
    if (byCount || byChance) {
      state.fired += 1;
      return true;
    }
    return false;
  }

  /** What happens before processing: at most one of throttle, server error, drop. */
  before(call: CallIdentity): { kind: "throttle"; retryAfterSeconds: number } | { kind: "server-error"; status: number } | { kind: "drop" } | undefined {
    const settings = this.#settings;
    if (this.fires("throttle", settings.throttle, call)) return { kind: "throttle", retryAfterSeconds: settings.throttle?.retryAfterSeconds ?? 1 };
    if (this.fires("serverError", settings.serverError, call)) return { kind: "server-error", status: settings.serverError?.status ?? 503 };
    if (this.fires("drop", settings.dropConnection, call)) return { kind: "drop" };
    return undefined;
  }

  /** Whether a gateway gives up on this call before Odoo commits it: how long Odoo still works on it. */
  late(call: CallIdentity): number | undefined {
    if (this.fires("commitLate", this.#settings.commitLate, call)) return this.#settings.commitLate?.afterMs ?? 0;
    return undefined;
  }

  /** Whether the answer of a processed (committed) call is lost, and how. */
  after(call: CallIdentity): "drop" | "502" | "504" | undefined {
    if (this.fires("commitThenFail", this.#settings.commitThenFail, call)) return this.#settings.commitThenFail?.mode ?? "drop";
    return undefined;
  }

  delayMs(call: CallIdentity, rows = 0): number {
    if (!this.eligible(call)) return 0;
    const perRow = (this.#settings.delayPerRowMs ?? 0) * rows;
    const delay = this.#settings.delayMs;
    if (delay === undefined) return perRow;
    if (typeof delay === "number") return delay + perRow;
    return delay.min + Math.round(this.#random() * Math.max(0, delay.max - delay.min)) + perRow;
  }
}
