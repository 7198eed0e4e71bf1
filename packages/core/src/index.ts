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
} from './model/define.js'
export type { Model } from './model/model.js'
export { declaresZones } from './model/model.js'
export { elementPath, type PathSegment } from './model/element-path.js'
export { describeValue, validateSystem, type ValidationResult } from './model/validate-system.js'
export type {
  DecidedFinding,
  Diagnostic,
  Finding,
  Question,
  Severity,
  SeveritySetting,
  SourceLocation,
  TraceStep,
} from './diagnostics/types.js'
export type { Rule } from './rules/types.js'
export { rules, rulesById, ruleIds } from './rules/catalogue.js'
export { checkSystem, type CheckOptions, type SystemCheck } from './check/check-system.js'
export type { SeveritySettings } from './check/severity.js'
export {
  DEFAULT_BOUNDS,
  type ExplorationBound,
  type ExplorationBounds,
  type ExplorationProgress,
  type ExplorationStats,
  type ProgressListener,
} from './explore/types.js'
export { buildReport, summarize, REPORT_VERSION, type ModelReport, type Report, type Summary } from './report/report.js'
