/**
 * How the parser chooses among alternatives and whether it enters an option or a repetition:
 * Chevrotain's LL(k) lookahead, with two differences.
 *
 * - Its paths come from a table computed in advance (lookahead-table.ts) when the table was made
 *   from this very grammar: computing them is a third of the parser's set-up, paid at every start
 *   of the CLI. A grammar that differs from the table's (its fingerprint says) computes them, as
 *   Chevrotain would; test/language/lookahead.test.ts keeps the table up to date.
 * - A choice whose alternatives have gates (the statements of a block) reads the gates in place,
 *   where Chevrotain copies them into a new array at every choice.
 */
import {
  EOF,
  getLookaheadPaths,
  LLkLookaheadStrategy,
  serializeGrammar,
  tokenMatcher,
  type IOrAlt,
  type IToken,
  type LookaheadProductionType,
  type LookaheadSequence,
  type OptionalProductionType,
  type Rule,
  type TokenType,
} from "chevrotain";
import { storeRules, type StoredRule } from "./stored-grammar.js";

/** Lookahead paths by production (`rule.type.occurrence`), as token type names, for one grammar. */
export interface LookaheadTable {
  /** The fingerprint of the grammar the paths were computed for. */
  readonly grammar: string;
  readonly paths: Readonly<Record<string, readonly (readonly (readonly string[])[])[]>>;
  /** The grammar's productions, which the shared parser restores instead of recording them (stored-grammar.ts). */
  readonly rules: readonly StoredRule[];
}

/** What a lookahead function reads of the parser it runs on. */
interface TokenSource {
  LA(howMuch: number): IToken;
}

/** A short fingerprint of a grammar: FNV-1a over its serialized productions. */
export function grammarFingerprint(rules: Rule[]): string {
  const text = JSON.stringify(serializeGrammar(rules));
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}-${text.length}`;
}

function matchesPath(source: TokenSource, path: readonly TokenType[]): boolean {
  for (let index = 0; index < path.length; index++) {
    const type = path[index];
    if (type === undefined || !tokenMatcher(source.LA(index + 1), type)) return false;
  }
  return true;
}

export class FlitmapLookahead extends LLkLookaheadStrategy {
  /** Paths computed here rather than read from the table, by production: what a new table holds. */
  readonly computed = new Map<string, LookaheadSequence[]>();
  private stored: Readonly<Record<string, readonly (readonly (readonly string[])[])[]>> | undefined;
  private readonly typesByName: ReadonlyMap<string, TokenType>;
  /** For each token type, the indices of the token types a token of it matches (itself and its categories). */
  private readonly matched = new Map<TokenType, readonly number[]>();

  constructor(
    private readonly maximum: number,
    private readonly table: LookaheadTable | undefined,
    private readonly vocabulary: readonly TokenType[],
  ) {
    super({ maxLookahead: maximum });
    this.typesByName = new Map([...vocabulary, EOF].map((type) => [type.name, type]));
  }

  override initialize(options: { rules: Rule[] }): void {
    this.stored = this.table !== undefined && this.table.grammar === grammarFingerprint(options.rules) ? this.table.paths : undefined;
  }

  private pathsOf(rule: Rule, type: LookaheadProductionType, occurrence: number, maxLookahead: number): LookaheadSequence[] {
    const key = `${rule.name}.${type}.${occurrence}`;
    const stored = this.stored?.[key];
    const decoded = stored?.map((alternative) => alternative.map((path) => path.map((name) => this.typesByName.get(name))));
    if (decoded !== undefined && decoded.every((alternative) => alternative.every((path) => path.every((tokenType) => tokenType !== undefined)))) {
      return decoded.map((alternative) => alternative.map((path) => path.flatMap((tokenType) => (tokenType === undefined ? [] : [tokenType]))));
    }
    const paths = getLookaheadPaths({ occurrence, rule, prodType: type, maxLookahead: maxLookahead > 0 ? maxLookahead : this.maximum });
    this.computed.set(key, paths);
    return paths;
  }

  /**
   * The indices of the token types whose tokens `type` matches: itself and, for a category, its
   * members, as Chevrotain's tokenMatcher reads them (trying a token of every type against each
   * type cost a fifth of the parser's set-up).
   */
  private matchedBy(type: TokenType): readonly number[] {
    let indices = this.matched.get(type);
    if (indices === undefined) {
      const members = new Set(type.isParent === true ? (type.categoryMatches ?? []) : []);
      indices = this.vocabularyIndices.filter((index) => index === type.tokenTypeIdx || members.has(index));
      this.matched.set(type, indices);
    }
    return indices;
  }

  private get vocabularyIndices(): readonly number[] {
    this.indices ??= [...this.vocabulary, EOF].map((candidate) => candidate.tokenTypeIdx ?? -1);
    return this.indices;
  }

  private indices: readonly number[] | undefined;

  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (alternatives?: IOrAlt<unknown>[]) => number | undefined {
    const paths = this.pathsOf(options.rule, "Alternation", options.prodOccurrence, options.maxLookahead);
    if (options.hasPredicates) {
      return function chooseGated(this: TokenSource, alternatives?: IOrAlt<unknown>[]): number | undefined {
        for (let alternative = 0; alternative < paths.length; alternative++) {
          const gate = alternatives?.[alternative]?.GATE;
          if (gate !== undefined && !gate.call(this)) continue;
          for (const path of paths[alternative] ?? []) if (matchesPath(this, path)) return alternative;
        }
        return undefined;
      };
    }
    if (paths.every((alternative) => alternative.every((path) => path.length === 1))) {
      // One token decides: the first alternative a token type starts wins, as in Chevrotain.
      const choices: (number | undefined)[] = [];
      paths.forEach((alternative, index) => {
        for (const path of alternative) for (const type of path) for (const matched of this.matchedBy(type)) choices[matched] ??= index;
      });
      return function chooseByToken(this: TokenSource): number | undefined {
        return choices[this.LA(1).tokenTypeIdx ?? -1];
      };
    }
    return function choose(this: TokenSource): number | undefined {
      for (let alternative = 0; alternative < paths.length; alternative++) for (const path of paths[alternative] ?? []) if (matchesPath(this, path)) return alternative;
      return undefined;
    };
  }

  override buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const inside = this.pathsOf(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead)[0] ?? [];
    if (inside.every((path) => path.length === 1)) {
      const starts: boolean[] = [];
      for (const path of inside) for (const type of path) for (const matched of this.matchedBy(type)) starts[matched] = true;
      return function entersByToken(this: TokenSource): boolean {
        return starts[this.LA(1).tokenTypeIdx ?? -1] === true;
      };
    }
    return function enters(this: TokenSource): boolean {
      for (const path of inside) if (matchesPath(this, path)) return true;
      return false;
    };
  }
}

/** The table of a strategy's computed paths, for the grammar of `rules`: what lookahead-table.ts holds. */
export function lookaheadTableOf(strategy: FlitmapLookahead, rules: Rule[]): LookaheadTable {
  const paths: Record<string, string[][][]> = {};
  for (const key of [...strategy.computed.keys()].sort()) {
    paths[key] = (strategy.computed.get(key) ?? []).map((alternative) => alternative.map((path) => path.map((type) => type.name)));
  }
  return { grammar: grammarFingerprint(rules), paths, rules: storeRules(rules) };
}
