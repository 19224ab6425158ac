/**
 * The journal's one error, in a module of its own: the CLI tells it apart from other errors by its
 * type, and importing it must not load the journal's reader and its schemas (zod) at every start.
 */

/** The journal cannot be trusted or written: the run or rollback must stop, saying this. */
export class JournalError extends Error {}
