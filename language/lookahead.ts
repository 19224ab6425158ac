/**
 * How the parser chooses among alternatives: Chevrotain's LL(k) lookahead, except for choices
 * whose alternatives have gates (the statements of a block). Chevrotain's function for those
 * copies every gate into a new array at every choice, that is at every statement; this one reads
 * them in place.
 */
import { getLookaheadPaths, LLkLookaheadStrategy, tokenMatcher, type IOrAlt, type IToken, type LookaheadSequence, type Rule } from "chevrotain";

/** What a lookahead function reads of the parser it runs on. */
interface TokenSource {
  LA(howMuch: number): IToken;
}

function matchesPath(source: TokenSource, path: LookaheadSequence[number]): boolean {
  for (let index = 0; index < path.length; index++) {
    const type = path[index];
    if (type === undefined || !tokenMatcher(source.LA(index + 1), type)) return false;
  }
  return true;
}

export class FlitmapLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (alternatives?: IOrAlt<unknown>[]) => number | undefined {
    if (!options.hasPredicates) return super.buildLookaheadForAlternation(options);
    const paths = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: "Alternation", maxLookahead: options.maxLookahead });
    return function chooseGated(this: TokenSource, alternatives?: IOrAlt<unknown>[]): number | undefined {
      for (let alternative = 0; alternative < paths.length; alternative++) {
        const gate = alternatives?.[alternative]?.GATE;
        if (gate !== undefined && !gate.call(this)) continue;
        const alternativePaths = paths[alternative] ?? [];
        for (const path of alternativePaths) if (matchesPath(this, path)) return alternative;
      }
      return undefined;
    };
  }
}
