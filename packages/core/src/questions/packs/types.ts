/**
 * Checklist packs: questions that apply when a model matches a pattern, as data. A pack
 * asks its questions about each entity with a field named like one of its patterns; each
 * question stays open until the model answers it (one piece of evidence holds) or a
 * decision does (`answers: { rule: 'pack:<name>', element: <the question's element> }`, or
 * `answers: { rule: 'pack:<name>' }` for every question of the pack). Its on/off and severity
 * are set like a rule's (`rules: { 'pack:<name>': 'off' }`): by default its open questions are
 * questions only; set to `info`, `warn` or `error`, they are diagnostics too.
 */

/** A name to look for: a string matches names containing it, ignoring case; a RegExp is tested as written. */
export type NamePattern = string | RegExp

/**
 * Something in the model that answers a question. `{entity}` in an element stands for the
 * entity the question is asked about.
 */
export type Evidence =
  /** The entity has a field named like this. */
  | { field: NamePattern }
  /** The entity decides uniqueness (`unique: [...]` or `unique: 'none'`), or its identity has a field named like this. */
  | { uniquenessOf: NamePattern }
  /** Some machine has a state named like this. */
  | { state: NamePattern }
  /** A flow, contract, store operation or machine event is named like this. */
  | { action: NamePattern }
  /** The system declares trust zones, and some contract or flow step states its auth (`'none'` included). */
  | { zonesWithAuth: true }
  /** A decision in the model answers this finding. */
  | { decision: { rule: string; element: string } }
  /** Every one of these holds. */
  | { allOf: Evidence[] }

export interface PackQuestion {
  /** Plain words; `{entity}` stands for the entity's name. */
  question: string
  /**
   * Where the answer is written, as an element path; `{entity}` as above. With the pack's
   * source it identifies the question, so elements differ within a pack.
   */
  element: string
  /** The question is answered when any one of these holds. */
  answeredBy: Evidence[]
  /**
   * The finding of a rule that asks the same thing (`{entity}` as above). While that finding
   * is open the question is asked once, in the rule's words, naming the pack as a second
   * source; a decision answering that finding answers this question too.
   */
  sameAs?: { rule: string; element: string }
}

export interface ChecklistPack {
  /** The questions' source is `pack:<name>`. */
  name: string
  /** One line: what the pack is about. */
  description: string
  /** The pack asks about each entity with a field named like one of these. */
  entitiesWithField: NamePattern[]
  questions: PackQuestion[]
}

const PACK_SOURCE_PREFIX = 'pack:'

/** What reports a pack's questions: `pack:<name>`. */
export type PackSource = `${typeof PACK_SOURCE_PREFIX}${string}`

export const packSource = (pack: Pick<ChecklistPack, 'name'>): PackSource => `${PACK_SOURCE_PREFIX}${pack.name}`

export const isPackSource = (source: string): source is PackSource => source.startsWith(PACK_SOURCE_PREFIX)
