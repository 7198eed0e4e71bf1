/**
 * The open questions of checked models, as `plumbline questions` and mcp's questions tool
 * give them: a model too malformed to ask anything of is a usage error naming its first problem.
 */
import { buildQuestionsReport, type QuestionsReport } from '@plumbline/core'
import { UsageError } from '../errors.js'
import type { CheckedModel } from './check-model-file.js'

/** `showsEveryProblem`: where the user sees every problem of a model, for the message (`plumbline check`). */
export function questionsReportOf(checked: readonly CheckedModel[], showsEveryProblem: string): QuestionsReport {
  const malformed = checked.filter((model) => model.malformed)
  if (malformed.length > 0)
    throw new UsageError(
      malformed
        .map(({ report }) => {
          const [first] = report.diagnostics
          const problem = first === undefined ? '' : `: ${first.element || '(model)'}: ${first.message}`
          return `${report.file}: the model is malformed, so its questions cannot be listed${problem} (${showsEveryProblem} shows every problem)`
        })
        .join('\n'),
    )
  return buildQuestionsReport(
    checked.map(({ report }) => ({ file: report.file, system: report.system, questions: report.questions })),
  )
}
