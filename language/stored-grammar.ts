/**
 * The grammar's productions as data, so that the parser set up at a CLI start does not record them.
 *
 * Chevrotain learns a grammar by running every rule once in a recording mode (a tenth of a CLI
 * start); what it records (a Rule per grammar rule: terminals, sub-rules, options, repetitions,
 * alternations, with their occurrence numbers) drives lookahead, error recovery and error messages.
 * The shared parser restores those productions from lookahead-table.ts instead, which
 * test/language/lookahead.test.ts holds to the productions recorded from the grammar as it is (a
 * change of the grammar fails that test until the table is made again).
 */
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type IProduction,
  type TokenType,
} from "chevrotain";

/** A production as data; token types and rules by name. */
export type StoredProduction =
  | { readonly kind: "Terminal"; readonly idx: number; readonly token: string; readonly label?: string }
  | { readonly kind: "NonTerminal"; readonly idx: number; readonly rule: string; readonly label?: string }
  | {
      readonly kind: "Option" | "Repetition" | "RepetitionMandatory";
      readonly idx: number;
      readonly maxLookahead?: number;
      readonly definition: readonly StoredProduction[];
    }
  | {
      readonly kind: "RepetitionWithSeparator" | "RepetitionMandatoryWithSeparator";
      readonly idx: number;
      readonly separator: string;
      readonly maxLookahead?: number;
      readonly definition: readonly StoredProduction[];
    }
  | {
      readonly kind: "Alternation";
      readonly idx: number;
      readonly ignoreAmbiguities: boolean;
      readonly hasPredicates: boolean;
      readonly maxLookahead?: number;
      readonly alternatives: readonly { readonly ignoreAmbiguities: boolean; readonly definition: readonly StoredProduction[] }[];
    };

export interface StoredRule {
  readonly name: string;
  readonly definition: readonly StoredProduction[];
}

function withMaximum(maxLookahead: number | undefined): { maxLookahead?: number } {
  return maxLookahead === undefined ? {} : { maxLookahead };
}

/*
 * Chevrotain's productions carry more than its published types say (the lookahead a choice may
 * take, whether it has gates, whether its ambiguities are meant): read and set here by name.
 */
function maximumOf(production: IProduction): { maxLookahead?: number } {
  const maxLookahead: unknown = Reflect.get(production, "maxLookahead");
  return typeof maxLookahead === "number" ? { maxLookahead } : {};
}

function flagOf(production: IProduction, name: "ignoreAmbiguities" | "hasPredicates"): boolean {
  return Reflect.get(production, name) === true;
}

function alternativesOf(alternation: Alternation): Alternative[] {
  return alternation.definition.map((alternative) => {
    if (alternative instanceof Alternative) return alternative;
    throw new Error("internal error: an alternation holds a production that is not an alternative");
  });
}

function withLabel(label: string | undefined): { label?: string } {
  return label === undefined ? {} : { label };
}

function stored(production: IProduction): StoredProduction {
  if (production instanceof Terminal) return { kind: "Terminal", idx: production.idx, token: production.terminalType.name, ...withLabel(production.label) };
  if (production instanceof NonTerminal) return { kind: "NonTerminal", idx: production.idx, rule: production.nonTerminalName, ...withLabel(production.label) };
  if (production instanceof Alternation) {
    return {
      kind: "Alternation",
      idx: production.idx,
      ignoreAmbiguities: flagOf(production, "ignoreAmbiguities"),
      hasPredicates: flagOf(production, "hasPredicates"),
      ...maximumOf(production),
      alternatives: alternativesOf(production).map((alternative) => ({
        ignoreAmbiguities: flagOf(alternative, "ignoreAmbiguities"),
        definition: alternative.definition.map(stored),
      })),
    };
  }
  if (production instanceof RepetitionWithSeparator || production instanceof RepetitionMandatoryWithSeparator) {
    const kind = production instanceof RepetitionWithSeparator ? "RepetitionWithSeparator" : "RepetitionMandatoryWithSeparator";
    return { kind, idx: production.idx, separator: production.separator.name, ...maximumOf(production), definition: production.definition.map(stored) };
  }
  if (production instanceof Option || production instanceof Repetition || production instanceof RepetitionMandatory) {
    const kind = production instanceof Option ? "Option" : production instanceof Repetition ? "Repetition" : "RepetitionMandatory";
    return { kind, idx: production.idx, ...maximumOf(production), definition: production.definition.map(stored) };
  }
  throw new Error(`internal error: a production of kind ${production.constructor.name} cannot be stored`);
}

/** The productions Chevrotain recorded, as data. */
export function storeRules(rules: readonly Rule[]): StoredRule[] {
  return rules.map((rule) => ({ name: rule.name, definition: rule.definition.map(stored) }));
}

/** Chevrotain's productions again, from data; sub-rules are resolved by Chevrotain as after a recording. */
export function restoreRules(rules: readonly StoredRule[], vocabulary: readonly TokenType[]): Map<string, Rule> {
  const types = new Map(vocabulary.map((type) => [type.name, type]));
  const typeNamed = (name: string): TokenType => {
    const type = types.get(name);
    if (type === undefined) throw new Error(`internal error: the stored grammar names a token type ${name} the parser does not have`);
    return type;
  };
  const restored = (production: StoredProduction): IProduction => {
    switch (production.kind) {
      case "Terminal":
        return new Terminal({ idx: production.idx, terminalType: typeNamed(production.token), ...withLabel(production.label) });
      case "NonTerminal":
        return new NonTerminal({ idx: production.idx, nonTerminalName: production.rule, ...withLabel(production.label) });
      case "Alternation": {
        const alternatives = production.alternatives.map((alternative) =>
          Object.assign(new Alternative({ definition: alternative.definition.map(restored) }), { ignoreAmbiguities: alternative.ignoreAmbiguities }),
        );
        const alternation = new Alternation({ idx: production.idx, definition: alternatives });
        return Object.assign(
          alternation,
          { ignoreAmbiguities: production.ignoreAmbiguities, hasPredicates: production.hasPredicates },
          withMaximum(production.maxLookahead),
        );
      }
      case "RepetitionWithSeparator":
      case "RepetitionMandatoryWithSeparator": {
        const Production = production.kind === "RepetitionWithSeparator" ? RepetitionWithSeparator : RepetitionMandatoryWithSeparator;
        const repetition = new Production({ idx: production.idx, separator: typeNamed(production.separator), definition: production.definition.map(restored) });
        return Object.assign(repetition, withMaximum(production.maxLookahead));
      }
      case "Option":
      case "Repetition":
      case "RepetitionMandatory": {
        const Production = production.kind === "Option" ? Option : production.kind === "Repetition" ? Repetition : RepetitionMandatory;
        return Object.assign(new Production({ idx: production.idx, definition: production.definition.map(restored) }), withMaximum(production.maxLookahead));
      }
    }
  };
  return new Map(rules.map((rule) => [rule.name, new Rule({ name: rule.name, definition: rule.definition.map(restored) })]));
}
