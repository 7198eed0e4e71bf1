/**
 * GitHub Actions workflow commands: one annotation per finding (`::error`, `::warning`,
 * `::notice`), on the model's line where it is known, so findings show on the pull request's
 * diff. Escaped as the Actions toolkit does: `%`, CR and LF in the message; also `:` and `,`
 * in properties. Files are named from the repository's root. Findings the baseline has are
 * not annotated.
 */
import type { Diagnostic, Severity } from '@plumbline/core'
import { formatTrace } from './trace-text.js'
import type { Formatter } from './types.js'

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

export const formatGithub: Formatter = (report, { repositoryPath = (file) => file }) =>
  report.models
    .flatMap((model) =>
      model.diagnostics.map((diagnostic) => `${annotation(diagnostic, model.file, repositoryPath)}\n`),
    )
    .join('')

function annotation(diagnostic: Diagnostic, file: string, repositoryPath: (file: string) => string): string {
  const where = diagnostic.location ?? { file }
  // GitHub places an annotation by its path from the repository's root.
  const properties: Array<[string, string]> = [['file', repositoryPath(where.file)]]
  if (where.line !== undefined) properties.push(['line', String(where.line)])
  if (where.column !== undefined) properties.push(['col', String(where.column)])
  properties.push(['title', `${diagnostic.rule}: ${diagnostic.element || '(model)'}`])
  const message = diagnostic.trace
    ? [
        diagnostic.message,
        ...formatTrace(diagnostic.trace, diagnostic.initial, undefined, { loop: diagnostic.loop }),
      ].join('\n')
    : diagnostic.message
  return `::${COMMAND[diagnostic.severity]} ${properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}::${escapeData(message)}`
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
