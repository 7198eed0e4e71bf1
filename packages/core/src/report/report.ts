/**
 * The JSON report: a public, versioned contract (each field explained in the model reference,
 * "The JSON reports": @plumbline/core/docs/reference.md). Scripts and CI
 * read it; change it only by adding fields, or by a new version.
 */
import type { DecidedFinding, Diagnostic, Question } from '../diagnostics/types.js'
import type { ExplorationStats } from '../explore/types.js'

export const REPORT_VERSION = 1

export interface ModelReport {
  /** The model file, relative to the working directory, with `/` separators. */
  file: string
  /** The system's name; the file's name where the model has none. */
  system: string
  diagnostics: Diagnostic[]
  exploration: ExplorationStats[]
  /** Findings answered by decisions in the model: recorded, not counted. */
  decided: DecidedFinding[]
  /** The decisions the model leaves open, as `plumbline questions` lists them. */
  questions: Question[]
  /** With a baseline: findings the baseline already has, reported apart and not counted. */
  baselined?: Diagnostic[]
}

/** A finding recorded in a baseline. It matches a finding by (file, rule, element); the message is for people. */
export interface BaselineEntry {
  file: string
  rule: string
  element: string
  message: string
}

/** How a run compares with its baseline. */
export interface BaselineSummary {
  /** The baseline file, as shown to the user. */
  file: string
  /** Findings left out of the counts because the baseline has them. */
  known: number
  /** Baseline entries, of the files checked, that no longer occur. */
  fixed: BaselineEntry[]
}

export interface Summary {
  errors: number
  warnings: number
  infos: number
  /** Open questions of every model (not findings: they fail nothing). */
  questions: number
}

export interface Report {
  version: typeof REPORT_VERSION
  models: ModelReport[]
  summary: Summary
  /** Present when the run was compared with a baseline. */
  baseline?: BaselineSummary
}

export function buildReport(models: ModelReport[]): Report {
  return { version: REPORT_VERSION, models, summary: summarize(models) }
}

/** The counts of the models' diagnostics (baselined ones left out) and open questions. */
export function summarize(models: readonly Pick<ModelReport, 'diagnostics' | 'questions'>[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0, questions: 0 }
  for (const model of models) {
    summary.questions += model.questions.length
    for (const { severity } of model.diagnostics) {
      if (severity === 'error') summary.errors++
      else if (severity === 'warning') summary.warnings++
      else summary.infos++
    }
  }
  return summary
}
