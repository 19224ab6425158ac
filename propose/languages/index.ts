/**
 * The languages whose words the lexicon holds beyond English, Dutch, German and French
 * (lexicon-en-nl.ts, lexicon-de-fr.ts): one data file each. Where two languages spell a word
 * alike with different meanings, the earlier-listed one and the core lexicon win (words.ts).
 */
import { CZECH } from "./cs.js";
import { DANISH } from "./da.js";
import { GREEK } from "./el.js";
import { FINNISH } from "./fi.js";
import { HUNGARIAN } from "./hu.js";
import { SPANISH } from "./es.js";
import { ITALIAN } from "./it.js";
import type { Language } from "./language.js";
import { NORWEGIAN } from "./nb.js";
import { POLISH } from "./pl.js";
import { PORTUGUESE } from "./pt.js";
import { ROMANIAN } from "./ro.js";
import { SWEDISH } from "./sv.js";
import { TURKISH } from "./tr.js";

export type { Language } from "./language.js";

export const LANGUAGES: readonly Language[] = [SPANISH, ITALIAN, PORTUGUESE, SWEDISH, DANISH, NORWEGIAN, POLISH, CZECH, TURKISH, GREEK, HUNGARIAN, FINNISH, ROMANIAN];
