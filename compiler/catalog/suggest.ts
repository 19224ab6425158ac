/**
 * "Did you mean" for any kind of name: Odoo models and fields, source entities and columns,
 * built-ins. Ranks by two signals, because mistakes come in two kinds:
 * - typos (`expected_revnue`): a small edit distance;
 * - wrong words for the right idea (`planned_revenue` for `expected_revenue`,
 *   `employee_count` for `employee`): a shared meaningful word.
 */

/** Words that say nothing about what a name means (many2one suffixes, custom-field prefix). */
const NOISE_WORDS: ReadonlySet<string> = new Set(["id", "ids", "x", "is", "of", "the"]);

/** Lower-case words of a name: `crm.lead`, `expected_revenue`, `CompanyName`, `"Company Name"`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let beforePrevious: number[] = new Array<number>(b.length + 1).fill(0);
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current: number[] = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  // employee ~ employees, addr ~ address; short words must be equal to count.
  if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return shorter >= 5 && editDistance(a, b) <= 1;
}

function meaningfulWords(name: string): string[] {
  return [...new Set(nameWords(name).filter((word) => !NOISE_WORDS.has(word)))];
}

interface Scored {
  readonly name: string;
  readonly score: number;
  readonly distance: number;
}

function score(candidate: string, name: string, candidateWords: readonly string[]): Scored | undefined {
  const lowerCandidate = candidate.toLowerCase();
  const lowerName = name.toLowerCase();
  const distance = editDistance(lowerCandidate, lowerName);
  const longest = Math.max(lowerCandidate.length, lowerName.length);
  const typoBudget = Math.max(1, Math.floor(lowerCandidate.length / 4));
  const isTypo = distance <= typoBudget && distance < longest;

  const words = meaningfulWords(name);
  const sharedWords = candidateWords.filter((word) => words.some((other) => wordsMatch(word, other)));
  const shared = sharedWords.length;
  // Short words are namespaces more often than meaning (res, crm, ir): alone they do not relate names.
  const sharesMeaning = sharedWords.some((word) => word.length >= 4);
  // Half for how much of the candidate is found, half for how much of the name is covered:
  // email_adress is closer to email (all of it matched) than to contact_address.
  const wordShare = shared === 0 ? 0 : (shared / candidateWords.length + shared / Math.max(1, words.length)) / 2;

  if (!isTypo && !sharesMeaning) return undefined;
  const editSimilarity = 1 - distance / longest;
  // A typo beats a shared word: it is by far the likelier intent.
  return { name, distance, score: (isTypo ? 1 : 0) + 0.6 * wordShare + 0.4 * editSimilarity };
}

/**
 * Names from `names` the user may have meant by `candidate`, best first, at most `limit`.
 * An exact match is not a suggestion; a match differing only in case is the best one.
 */
export function suggestNames(candidate: string, names: Iterable<string>, limit = 5): string[] {
  const candidateWords = meaningfulWords(candidate);
  const scored: Scored[] = [];
  for (const name of new Set(names)) {
    if (name === candidate) continue;
    const result = score(candidate, name, candidateWords);
    if (result !== undefined) scored.push(result);
  }
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, Math.max(0, limit)).map((entry) => entry.name);
}
