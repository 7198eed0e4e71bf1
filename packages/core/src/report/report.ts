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
  /** `plumbline conform`: what the sequences run on the real system covered. */
  conformance?: ConformanceStats[]
}

/** What one conformance run (`plumbline conform`) of a store or a machine covered. */
export interface ConformanceStats {
  /** The store or machine, e.g. `stores.users`. */
  element: string
  /** The covering sequences run: every reachable transition, or every reachable state. */
  paths: 'transitions' | 'states'
  /** Sequences run on the real system, each from a fresh `setup`: covering, rejection and random ones. */
  sequences: number
  /** Steps run on the real system, in all sequences. */
  steps: number
  /** Reachable transitions of the model, and how many the sequences took with the real system conforming. */
  transitions: { covered: number; reachable: number }
  /** Reachable states of the model, and how many the sequences reached with the real system conforming. */
  states: { covered: number; reachable: number }
  /** With `--rejections`: operations (or events) the model disables that were tried on the real system. */
  rejections?: number
  /** With `--random`: the random sequences, their seed (to replay them) and their greatest length. */
  random?: { count: number; seed: number; maxLength: number }
  /** False when the model's exploration was incomplete: then `reachable` counts only what it found. */
  complete: boolean
  ms: number
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
