/**
 * `plumbline questions --format json`: the open decisions per model, in the JSON report's
 * envelope (@plumbline/core/docs/reference.md, "The JSON reports"). A public, versioned
 * contract, like the report.
 */
import type { Question } from '../diagnostics/types.js'
import { REPORT_VERSION } from './report.js'

export interface ModelQuestions {
  /** The model file, relative to the working directory, with `/` separators. */
  file: string
  /** The system's name; the file's name where the model has none. */
  system: string
  /** Empty for a model whose decisions are all made. */
  questions: Question[]
}

export interface QuestionsReport {
  version: typeof REPORT_VERSION
  models: ModelQuestions[]
}

export function buildQuestionsReport(models: ModelQuestions[]): QuestionsReport {
  return { version: REPORT_VERSION, models }
}
