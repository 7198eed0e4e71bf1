/**
 * Every rule Plumbline knows, in the order their findings are reported. Add a rule by
 * adding its module here; ids are a public contract and never change.
 */
import { boundaryUnauthenticatedCrossing } from './boundary/unauthenticated-crossing.js'
import { boundaryUndeclaredZone } from './boundary/undeclared-zone.js'
import { conformAccepted } from './conform/accepted.js'
import { conformError } from './conform/error.js'
import { conformRejected } from './conform/rejected.js'
import { conformStateMismatch } from './conform/state-mismatch.js'
import { conformTraceDisabled } from './conform/trace-disabled.js'
import { conformTraceMismatch } from './conform/trace-mismatch.js'
import { conformTraceOutsideDomain } from './conform/trace-outside-domain.js'
import { constraintViolated } from './constraint/violated.js'
import { contractMismatch } from './contract/mismatch.js'
import { contractUnknown } from './contract/unknown.js'
import { decisionStale } from './decision/stale.js'
import { deploymentUndeployed } from './deployment/undeployed.js'
import { effectViolated } from './effect/violated.js'
import { errorUnhandled } from './error/unhandled.js'
import { exploreError } from './explore/error.js'
import { exploreIncomplete } from './explore/incomplete.js'
import { failureSingleInstance } from './failure/single-instance.js'
import { failureUnhandled } from './failure/unhandled.js'
import { identityAmbiguousTarget } from './identity/ambiguous-target.js'
import { identityMissing } from './identity/missing.js'
import { identityUniquenessUndecided } from './identity/uniqueness-undecided.js'
import { invariantViolated } from './invariant/violated.js'
import { livenessViolated } from './liveness/violated.js'
import { operationNeverEnabled } from './operation/never-enabled.js'
import { modelInvalid } from './model/invalid.js'
import { sequenceInfeasibleFlow } from './sequence/infeasible-flow.js'
import { sequenceUseBeforeProduce } from './sequence/use-before-produce.js'
import { stateDeadlock } from './state/deadlock.js'
import { stateNoFinalPath } from './state/no-final-path.js'
import { stateUnreachable } from './state/unreachable.js'
import { stateUnusedEvent } from './state/unused-event.js'
import type { Rule } from './types.js'

/** The rules exploration reports (`explore/`): no `check` of their own. */
const behaviouralRules = [
  invariantViolated,
  constraintViolated,
  effectViolated,
  livenessViolated,
  stateDeadlock,
  stateUnreachable,
  stateNoFinalPath,
  stateUnusedEvent,
  operationNeverEnabled,
  exploreError,
  exploreIncomplete,
] as const

/** The rules `plumbline conform` reports (`conform/`): the real system, or a trace of it, against the model. */
const conformanceRules = [
  conformStateMismatch,
  conformRejected,
  conformAccepted,
  conformError,
  conformTraceDisabled,
  conformTraceMismatch,
  conformTraceOutsideDomain,
] as const

export const rules = [
  modelInvalid,
  contractUnknown,
  identityMissing,
  identityUniquenessUndecided,
  identityAmbiguousTarget,
  contractMismatch,
  errorUnhandled,
  sequenceUseBeforeProduce,
  sequenceInfeasibleFlow,
  failureUnhandled,
  deploymentUndeployed,
  failureSingleInstance,
  boundaryUndeclaredZone,
  boundaryUnauthenticatedCrossing,
  ...behaviouralRules,
  decisionStale,
  ...conformanceRules,
] as const satisfies readonly Rule[]

/** The id of a rule of the catalogue: a misspelt id is a compile error. */
export type RuleId = (typeof rules)[number]['id']

/** Looked up by ids a user wrote (the config, `--rule`, decisions' `answers`), which may be any string. */
export const rulesById: ReadonlyMap<string, Rule<RuleId>> = new Map(rules.map((rule) => [rule.id, rule]))

export const ruleIds: ReadonlySet<string> = new Set<string>(rulesById.keys())
