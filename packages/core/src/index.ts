/**
 * @plumbline/core: the model language, its validation, the rules and the check. Knows
 * nothing of the terminal, files or Mermaid.
 */
export * from './model/types.js'
export {
  defineEntity,
  defineMachine,
  defineStore,
  defineSystem,
  isBrandedSystem,
  type System,
  type TypedStore,
} from './model/define.js'
export {
  defineAdapter,
  isAdapter,
  type Adapter,
  type AnyAdapter,
  type MachineAdapter,
  type ObservedSnapshot,
  type StoreAdapter,
} from './conform/define-adapter.js'
export { conform, type ConformOptions, type ConformResult } from './conform/conform.js'
export { AdapterError, type AdapterProblem } from './conform/validate-adapter.js'
export { freshSeed } from './conform/seeded-random.js'
export { describeChanges, describeDifference, stateDiff } from './model/state-diff.js'
export { severityOf, toDiagnostics } from './check/severity.js'
export { machinePaths, storePaths, type ModelPaths, type PathOptions } from './conform/plan-paths.js'
export type { Model } from './model/model.js'
export { declaresZones } from './model/model.js'
export {
  ancestorsOf,
  childrenOf,
  effectiveZone,
  hasParts,
  isNested,
  kindOf,
  nearestShown,
  parentOf,
} from './model/hierarchy.js'
export { relationsAmong, relationsOf, type Relation } from './model/relations.js'
export { deploymentNodesOf, type PlacedNode } from './model/deployment.js'
export { elementPath, parseElementPath, type PathSegment } from './model/element-path.js'
export { describeValue, expectedKind, validateSystem, type ValidationResult } from './validate/validate-system.js'
export { invokesOf, type Invoke } from './model/invokes.js'
export { describeThrown } from './explore/describe.js'
export { BEAT, BEAT_LENGTH, type Interruption } from './explore/engine/heartbeat.js'
export { isPlainObject } from './model/recognise.js'
export type {
  DecidedFinding,
  Diagnostic,
  Finding,
  FindingSource,
  Question,
  Severity,
  SeveritySetting,
  SourceLocation,
  StateDifference,
  TraceStep,
} from './diagnostics/types.js'
export type { Rule } from './rules/types.js'
export { rules, rulesById, ruleIds, type RuleId } from './rules/catalogue.js'
export { checkSystem, type CheckOptions, type SystemCheck, validatedModel } from './check/check-system.js'
export { symmetric } from './model/symmetric.js'
export type { SeveritySettings } from './check/severity.js'
export {
  DEFAULT_BOUNDS,
  type ExplorationBound,
  type ExplorationBounds,
  type ExplorationProgress,
  type CoverageEntry,
  type ExplorationStats,
  type ProgressListener,
  type SimulationOptions,
} from './explore/types.js'
export {
  buildReport,
  summarize,
  REPORT_VERSION,
  type BaselineEntry,
  type BaselineSummary,
  type ConformanceStats,
  type ModelReport,
  type Report,
  type Summary,
} from './report/report.js'
export { explicitDecisions, type ExplicitDecision } from './model/explicit-decisions.js'
export { closest } from './model/suggest.js'
export { builtInPacks, resolvePacks } from './questions/packs/index.js'
export { checklistPackSchema } from './questions/packs/schema.js'
export {
  isPackSource,
  packSource,
  type ChecklistPack,
  type Evidence,
  type NamePattern,
  type PackQuestion,
  type PackSource,
} from './questions/packs/types.js'
export { buildQuestionsReport, type ModelQuestions, type QuestionsReport } from './report/questions-report.js'
export { checkTrace, traceChecker, type TraceTarget } from './conform/trace/check-trace.js'
export { TraceLineError, TraceTargetError } from './conform/trace/trace-line-error.js'
export type { TraceChecker, TraceFailure, TraceOutcome } from './conform/trace/types.js'
