/**
 * The shapes diagnostics are made of, generic in the source that reports them: the rule modules,
 * where the rule ids come from, build on these, and `types.ts` binds them to the catalogue's ids
 * (so a rule module never imports the catalogue it is listed in).
 */
import type { PathSegment } from '../model/element-path.js'

export type Severity = 'error' | 'warning' | 'info'

/** What a user may set a rule to in the config or on the command line. */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'error'

/** Where in a model file an element is written; the file alone where the line is not known. */
export interface SourceLocation {
  file: string
  /** 1-based. */
  line?: number
  /** 1-based. */
  column?: number
}

/** One step of a counterexample: the action taken and the state after it. */
export interface TraceStep {
  /** The operation name (stores) or event type (machines). */
  action: string
  /** The operation's params, or the event's payload without `type`. */
  params: Record<string, unknown>
  /** The state after the step: store state, or `{ value, context }` for machines. */
  state: unknown
  /** Conformance runs (`plumbline conform`): the state `observe` read from the real system after the step. */
  observed?: unknown
  /** Conformance runs: where the observed state differs from the model's, field by field. */
  diff?: StateDifference[]
  /** Conformance runs: what the real system threw when it refused the step. */
  refused?: string
  /**
   * Conformance runs (a `--rejections` probe): the model does not take this step, which the
   * real system took. It refuses it (a store's operation, a machine's guarded event) or ignores
   * it (an event a machine has no transition for); `state` is where the model stays.
   */
  modelDisallows?: 'refuses' | 'ignores'
  /**
   * For an event XState names itself (a delay firing, an invoked actor done or failed): the
   * event in the machine's words, e.g. `fetchUser failed (invoked in state "a")`.
   */
  description?: string
}

/** One place where the observed state differs from the model's. */
export interface StateDifference {
  /** E.g. `users[1].password`; empty for the whole state. */
  path: string
  /** The model's value there; absent where the model has none. */
  model?: unknown
  /** The observed value there; absent where the real system has none. */
  observed?: unknown
}

/** What a check reports, before severity (the rule's default or the user's setting) is applied. */
export interface FindingOf<Source extends string> {
  /** A rule's id (`category/name`) or a checklist pack's source (`pack:<name>`). */
  rule: Source
  /**
   * Where in the model, as segments (`['flows', 'signUp', 'steps', 2, 'to']`), as Zod issues keep
   * theirs: questions and wording read them, and the element string (`flows.signUp.steps[2].to`)
   * is made once, where the finding becomes a diagnostic, a decided finding or a question.
   */
  path: readonly PathSegment[]
  message: string
  /** For behavioural findings: the initial state the trace starts from. */
  initial?: unknown
  /** For behavioural findings: the shortest sequence of steps that shows the finding. */
  trace?: TraceStep[]
  /**
   * For liveness findings (a lasso): the steps from `trace[loop]` on repeat for ever (after
   * the last, the state is the one before `trace[loop]`); equal to the trace's length where
   * the behaviour stops, nothing being enabled.
   */
  loop?: number
}
