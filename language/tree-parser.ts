/**
 * The machinery under the grammar (parser.ts). The syntax tree is built while parsing, with
 * Chevrotain's embedded actions as Langium does, instead of a concrete syntax tree that a second
 * pass would convert: each rule reads into a frame (build-ast.ts) and its frame builds the rule's
 * node. Nothing here knows the language; it knows rules, tokens and frames.
 *
 * What the concrete tree used to give for free, kept here:
 * - Ranges: a node runs from the first to the last token its rule consumed (tokens error recovery
 *   inserted or skipped do not count), as Chevrotain's node locations did.
 * - Partial nodes: a rule cut short by a syntax error still builds its node from what it read, and
 *   holds the part the failing sub-rule read (`adopt`), before Chevrotain re-synchronises.
 * - A rule that consumed nothing is built later, where its parent places it (`Deferred`).
 * - Runs of tokens a block skipped (its stray tokens) are collected to be reported once per run.
 *
 * And a bound: expressions and blocks nest at most MAX_NESTING levels. Past it a construct is
 * skipped, balanced on its brackets, and reported ("nested too deep"), so that no input can exhaust
 * the stack of the parser or of any tree walk after it.
 */
import { EmbeddedActionsParser, EOF, isRecognitionException, Rule, tokenMatcher, type IParserConfig, type IToken, type ParserMethod, type TokenType } from "chevrotain";
import type { LineIndex } from "./line-index.js";
import { emptyRangeAt, type Position, type Range } from "./location.js";
import { MAX_NESTING } from "./syntax-codes.js";
import * as T from "./tokens.js";


/** The result of a rule that consumed no token: built once the rule holding it knows where it stands. */
export class Deferred<Result> {
  constructor(readonly place: (at: Position) => Result) {}
}

/** What a rule returns: its node, or its node still to be placed. */
export type Built<Result> = Result | Deferred<Result>;

export function placed<Result>(built: Built<Result>, at: Position): Result {
  return built instanceof Deferred ? built.place(at) : built;
}

/** The built ones of `items`: items that consumed nothing are dropped, as the concrete tree's ordering dropped them. */
export function realItems<Item>(items: readonly Built<Item>[]): Item[] {
  const real: Item[] = [];
  for (const item of items) if (!(item instanceof Deferred)) real.push(item);
  return real;
}

/** What a rule has read so far, and how it becomes the rule's node. */
export interface Frame<Result, Partial> {
  build(range: Range): Result;
  /**
   * Takes in the partial result of a sub-rule a syntax error cut short, where that sub-rule's result
   * would have gone; `first` and `last` are the tokens the sub-rule consumed.
   */
  adopt?(partial: Partial, first: IToken | undefined, last: IToken | undefined): void;
  /**
   * Forgets what was read, so that the frame serves the rule's next use: frames of the rules used
   * most (values, expressions) are kept and reused rather than collected as garbage.
   */
  reset?(): void;
}

/** The partial result of a rule, tagged with the rule, so that the rule holding it can tell which part it is. */
export type PartialOf<Results, Rule extends keyof Results = keyof Results> = { [Name in Rule]: { readonly rule: Name; readonly value: Built<Results[Name]> } }[Rule];

/** A run of tokens one block skipped: reported once, naming what the block expected. */
export interface StrayRun {
  /** The rule of the block. */
  readonly block: string;
  readonly tokens: IToken[];
}

/** Which kind of construct a nesting rule is, for skipping it past the bound. */
export type Nesting = "expression" | "block" | "if";

/** What a rule returns while Chevrotain records the grammar: never used. */
const RECORDING = new Deferred<never>(() => {
  throw new Error("internal error: a result of the grammar recording was used");
});

/*
 * Positions and ranges are shared: nodes starting or ending at the same token share its position,
 * and rules nested in one another that span the same tokens (an expression, its pipe, its primary,
 * its column) share one range. Nodes are immutable, so sharing is safe, and it halves what a parse
 * allocates and keeps. A small cache of recent tokens serves it; parsing is synchronous.
 */
const POSITION_CACHE = 64;
const startTokens: (IToken | undefined)[] = new Array<IToken | undefined>(POSITION_CACHE).fill(undefined);
const starts: (Position | undefined)[] = new Array<Position | undefined>(POSITION_CACHE).fill(undefined);
const endTokens: (IToken | undefined)[] = new Array<IToken | undefined>(POSITION_CACHE).fill(undefined);
const ends: (Position | undefined)[] = new Array<Position | undefined>(POSITION_CACHE).fill(undefined);
let rangeFirst: IToken | undefined;
let rangeLast: IToken | undefined;
let lastRange: Range | undefined;

/** Where the lines of the text being parsed start; its tokens carry offsets only. */
let lines: LineIndex | undefined;

/** Positions of tokens without lines are computed from `index` until the next call. */
export function useLineIndex(index: LineIndex | undefined): void {
  lines = index;
  startTokens.fill(undefined);
  endTokens.fill(undefined);
  rangeFirst = undefined;
  rangeLast = undefined;
  lastRange = undefined;
}

export function tokenStart(token: IToken): Position {
  const slot = token.startOffset & (POSITION_CACHE - 1);
  const cached = starts[slot];
  if (cached !== undefined && startTokens[slot] === token) return cached;
  const position =
    token.startLine === undefined && lines !== undefined
      ? lines.positionAt(token.startOffset)
      : { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
  startTokens[slot] = token;
  starts[slot] = position;
  return position;
}

/** Chevrotain's end offsets and columns are inclusive, ours are exclusive. */
export function tokenEnd(token: IToken): Position {
  const slot = token.startOffset & (POSITION_CACHE - 1);
  const cached = ends[slot];
  if (cached !== undefined && endTokens[slot] === token) return cached;
  // Offset-only tokens have no end offset: their image says where they end.
  const last = token.endOffset ?? token.startOffset + token.image.length - 1;
  const position =
    token.endLine === undefined && lines !== undefined
      ? lines.positionAfter(last)
      : { offset: last + 1, line: token.endLine ?? token.startLine ?? 1, column: (token.endColumn ?? token.startColumn ?? 1) + 1 };
  endTokens[slot] = token;
  ends[slot] = position;
  return position;
}

/** From the start of `first` to the end of `last`. */
export function rangeBetween(first: IToken, last: IToken): Range {
  if (first === rangeFirst && last === rangeLast && lastRange !== undefined) return lastRange;
  const range = { start: tokenStart(first), end: tokenEnd(last) };
  rangeFirst = first;
  rangeLast = last;
  lastRange = range;
  return range;
}

export function tokenRange(token: IToken): Range {
  return rangeBetween(token, token);
}

const OPENERS: readonly TokenType[] = [T.LParen, T.LBracket, T.LCurly, T.TemplateStart, T.HoleStart];
const CLOSERS: readonly TokenType[] = [T.RParen, T.RBracket, T.RCurly, T.TemplateEnd, T.HoleEnd];

/** A method of Chevrotain's parser that TreeParser stands in front of (its grammar recorder's). */
function callChevrotain(parser: EmbeddedActionsParser, name: string, args: unknown[]): unknown {
  const method: unknown = Reflect.get(EmbeddedActionsParser.prototype, name);
  if (typeof method !== "function") throw new Error(`internal error: Chevrotain's parser has no method ${name}`);
  const result: unknown = Reflect.apply(method, parser, args);
  return result;
}

function isAny(token: IToken, types: readonly TokenType[]): boolean {
  for (const type of types) if (tokenMatcher(token, type)) return true;
  return false;
}

export abstract class TreeParser<Results> extends EmbeddedActionsParser {
  /** Frames of the rules being parsed; `level` is the innermost. */
  private readonly frames: unknown[] = [];
  private readonly firstTokens: (IToken | undefined)[] = [];
  private readonly ruleNames: string[] = [];
  private level = -1;
  /** The last token a rule consumed. */
  private lastToken: IToken | undefined;
  /** How many tokens rules consumed: a run of stray tokens breaks where anything else was read. */
  private consumed = 0;
  /** The partial result of the rule a syntax error last cut short, and its level. */
  private partial: PartialOf<Results> | undefined;
  private partialLevel = -1;
  /** Expressions and blocks open around the current token. */
  private nesting = 0;
  /** The first and last token of the rule that finished last, for rules that combine several sub-rules' results. */
  protected childFirst: IToken | undefined;
  protected childLast: IToken | undefined;

  readonly strayRuns: StrayRun[] = [];
  /** Where nesting went past MAX_NESTING: the skipped text. */
  readonly tooDeep: Range[] = [];

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Productions restored from data while Chevrotain analyses the grammar (stored-grammar.ts): it then records none. */
  private restoredRules: ReadonlyMap<string, Rule> | undefined;

  /**
   * Chevrotain's analysis of the grammar, with the productions of `rules` instead of recording them
   * by running every rule; with none, or with rules that are not the grammar's rules by name, recorded.
   */
  protected analyseGrammar(rules: ReadonlyMap<string, Rule> | undefined): void {
    const names: unknown = Reflect.get(this, "definedRulesNames");
    const sameRules = Array.isArray(names) && rules !== undefined && names.length === rules.size && names.every((name) => typeof name === "string" && rules.has(name));
    this.restoredRules = sameRules ? rules : undefined;
    try {
      this.performSelfAnalysis();
    } finally {
      this.restoredRules = undefined;
    }
  }

  // Chevrotain's grammar recorder calls these three; while rules are restored, they record nothing.
  enableRecording(): void {
    if (this.restoredRules === undefined) callChevrotain(this, "enableRecording", []);
  }

  disableRecording(): void {
    if (this.restoredRules === undefined) callChevrotain(this, "disableRecording", []);
  }

  topLevelRuleRecord(name: string, grammar: () => void): Rule {
    const rule = this.restoredRules === undefined ? callChevrotain(this, "topLevelRuleRecord", [name, grammar]) : this.restoredRules.get(name);
    if (rule instanceof Rule) return rule;
    throw new Error(`internal error: no production of the rule ${name}`);
  }

  /** Drops what the last parse left that holds its tokens. */
  protected releaseTree(): void {
    this.resetTree();
    this.frames.fill(undefined);
    this.firstTokens.fill(undefined);
  }

  /** Forgets the previous parse; Chevrotain's own state is reset by setting `input`. */
  protected resetTree(): void {
    this.level = -1;
    this.lastToken = undefined;
    this.consumed = 0;
    this.partial = undefined;
    this.partialLevel = -1;
    this.nesting = 0;
    this.childFirst = undefined;
    this.childLast = undefined;
    this.strayRuns.length = 0;
    this.strayFrame = undefined;
    this.strayConsumed = -1;
    this.tooDeep.length = 0;
    this.tooDeepOpen = false;
  }

  /**
   * A grammar rule that reads into a frame of `frameType` and returns what the frame builds. A
   * rule that `nests` counts toward MAX_NESTING, and past it skips its construct instead.
   */
  protected tree<Rule extends keyof Results & string, F extends Frame<Results[Rule], PartialOf<Results>>>(
    name: Rule,
    frameType: new () => F,
    grammar: (frame: F) => void,
    nests?: Nesting,
  ): ParserMethod<[], Built<Results[Rule]>> {
    let partial: Built<Results[Rule]> | undefined;
    /** Frames kept for reuse, when the rule's frames can be reset. */
    const spare: F[] = [];
    const reusable = new frameType().reset !== undefined;
    const finish = (frame: F, level: number): Built<Results[Rule]> => {
      const first = this.firstTokens[level];
      this.childFirst = first;
      this.childLast = first === undefined ? undefined : this.lastToken;
      if (first === undefined) return new Deferred((at) => frame.build(emptyRangeAt(at)));
      return frame.build(rangeBetween(first, this.lastToken ?? first));
    };
    return this.RULE(
      name,
      () => {
        const frame = spare.pop() ?? new frameType();
        const level = ++this.level;
        this.frames[level] = frame;
        this.firstTokens[level] = undefined;
        this.ruleNames[level] = name;
        const counted = nests !== undefined && !this.RECORDING_PHASE;
        const tooDeep = counted && this.nesting >= MAX_NESTING;
        if (counted && !tooDeep) this.nesting++;
        try {
          if (tooDeep) this.skipTooDeep(nests);
          else grammar(frame);
        } catch (error) {
          if (counted && !tooDeep) this.leaveNesting();
          this.level = level - 1;
          if (error instanceof Error && isRecognitionException(error) && !this.RECORDING_PHASE) {
            const child = this.partial;
            if (child !== undefined && this.partialLevel === level + 1) frame.adopt?.(child, this.childFirst, this.childLast);
            partial = finish(frame, level);
            const tagged: PartialOf<Results, Rule> = { rule: name, value: partial };
            this.partial = tagged;
            this.partialLevel = level;
          }
          throw error;
        }
        if (counted && !tooDeep) this.leaveNesting();
        this.level = level - 1;
        // While Chevrotain records the grammar, results are never used.
        if (this.RECORDING_PHASE) return RECORDING;
        const result = finish(frame, level);
        // A deferred result still reads its frame; a frame cut short by an error is not reused either.
        if (reusable && !(result instanceof Deferred)) {
          frame.reset?.();
          spare.push(frame);
        }
        return result;
      },
      {
        recoveryValueFunc: () => {
          this.partialLevel = -1;
          if (partial === undefined) throw new Error(`internal error: rule ${name} recovered without a partial result`);
          return partial;
        },
      },
    );
  }

  /** The frame of the innermost rule, which must be of `frameType`: for alternatives set up once, which read several parts. */
  protected frameOf<F>(frameType: new () => F): F {
    const frame = this.frames[this.level];
    if (frame instanceof frameType) return frame;
    throw new Error(`internal error: the innermost rule does not read into a ${frameType.name}`);
  }

  /** Consumes a token; undefined when error recovery inserted it (nothing was written there). */
  protected token(index: number, type: TokenType): IToken | undefined {
    return this.took(this.consume(index, type));
  }

  /** Consumes a token nothing in the current block takes; runs of them are reported once. */
  protected stray(index: number): undefined {
    const token = this.took(this.consume(index, T.AnyToken));
    if (token === undefined || this.RECORDING_PHASE) return undefined;
    const frame = this.frames[this.level];
    const last = this.strayRuns[this.strayRuns.length - 1];
    // A run goes on while the same block has read nothing else since its last stray token.
    if (last !== undefined && frame === this.strayFrame && this.strayConsumed === this.consumed - 1) last.tokens.push(token);
    else this.strayRuns.push({ block: this.ruleNames[this.level] ?? "document", tokens: [token] });
    this.strayFrame = frame;
    this.strayConsumed = this.consumed;
    return undefined;
  }

  private strayFrame: unknown;
  private strayConsumed = -1;

  protected took(token: IToken): IToken | undefined {
    if (Number.isNaN(token.startOffset)) return undefined;
    if (this.RECORDING_PHASE) return token;
    this.lastToken = token;
    this.consumed++;
    for (let level = this.level; level >= 0 && this.firstTokens[level] === undefined; level--) this.firstTokens[level] = token;
    return token;
  }

  protected is(offset: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(offset), type);
  }

  /** A token a block cannot place, but that does not end the block either. */
  protected isStray(): boolean {
    return !this.is(1, T.RCurly) && !this.is(1, EOF);
  }

  /** Whether `levels` more levels (of `not`) stay within the bound. */
  protected withinNesting(levels: number): boolean {
    return this.nesting + levels < MAX_NESTING;
  }

  /** Records a token nested past the bound. */
  protected nestedTooDeep(token: IToken): void {
    this.recordTooDeep(tokenRange(token));
  }

  /**
   * Everything skipped past the bound before the parser climbs back out of the deep part is one
   * diagnostic: an `if` whose condition and branches are all too deep, a chain of `else if`s.
   */
  private recordTooDeep(range: Range): void {
    const last = this.tooDeep[this.tooDeep.length - 1];
    if (this.tooDeepOpen && last !== undefined) this.tooDeep[this.tooDeep.length - 1] = { start: last.start, end: range.end.offset > last.end.offset ? range.end : last.end };
    else this.tooDeep.push(range);
    this.tooDeepOpen = true;
  }

  private tooDeepOpen = false;

  private leaveNesting(): void {
    this.nesting--;
    if (this.nesting < MAX_NESTING - 2) this.tooDeepOpen = false;
  }

  /**
   * Skips a construct nested past the bound, balanced on its brackets: a block's `{ ... }`, an
   * `if` with its blocks and `else` branches, or the rest of an expression (up to what closes it,
   * a `,`, a `{`, or the next statement), and records the skipped text.
   */
  private skipTooDeep(kind: Nesting): void {
    let first: IToken | undefined;
    let last: IToken | undefined;
    let balance = 0;
    let skippedIf = false;
    const skip = (): void => {
      // SKIP_TOKEN answers the token after the one it skips.
      const token = this.LA(1);
      this.SKIP_TOKEN();
      first ??= token;
      last = token;
    };
    for (;;) {
      const next = this.LA(1);
      if (tokenMatcher(next, EOF)) break;
      if (isAny(next, CLOSERS)) {
        if (balance === 0) break;
        balance--;
        skip();
        if (balance === 0 && kind === "block") break;
        if (balance === 0 && kind === "if" && !this.is(1, T.keywordToken("else"))) break;
        continue;
      }
      if (balance === 0 && kind === "block" && !tokenMatcher(next, T.LCurly)) break;
      if (balance === 0 && kind === "expression" && first !== undefined && this.endsExpression(next, last, skippedIf)) break;
      if (isAny(next, OPENERS)) balance++;
      if (balance === 0 && tokenMatcher(next, T.keywordToken("if"))) skippedIf = true;
      skip();
    }
    const at = this.LA(1);
    const start = first === undefined ? at : first;
    const end = last ?? at;
    if (Number.isNaN(start.startOffset)) return;
    this.recordTooDeep({ start: tokenStart(start), end: Number.isNaN(end.startOffset) ? tokenStart(start) : tokenEnd(end) });
  }

  /** Where an expression skipped past the bound ends: before `,`, `{`, `then` or `else` of its `if`, or a statement on a new line. */
  private endsExpression(next: IToken, previous: IToken | undefined, skippedIf: boolean): boolean {
    if (tokenMatcher(next, T.Comma) || tokenMatcher(next, T.LCurly)) return true;
    if (!skippedIf && (tokenMatcher(next, T.keywordToken("then")) || tokenMatcher(next, T.keywordToken("else")))) return true;
    const startsLine = previous === undefined || tokenStart(next).line > tokenEnd(previous).line;
    return startsLine && (tokenMatcher(next, T.Name) || tokenMatcher(next, T.keywordToken("ref"))) && tokenMatcher(this.LA(2), T.AssignmentOperator);
  }
}
