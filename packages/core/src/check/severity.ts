import type { Diagnostic, Finding, Severity, SeveritySetting } from '../diagnostics/types.js'
import { elementPath } from '../model/element-path.js'
import { rulesById } from '../rules/catalogue.js'

export type SeveritySettings = Readonly<Record<string, SeveritySetting>>

const FROM_SETTING: Record<Exclude<SeveritySetting, 'off'>, Severity> = {
  error: 'error',
  warn: 'warning',
  info: 'info',
}

/** The severity a rule's findings get: the user's setting, else the rule's default; undefined when off. */
export function severityOf(rule: string, settings: SeveritySettings): Severity | undefined {
  const setting = settings[rule]
  if (setting === 'off') return undefined
  if (setting !== undefined) return FROM_SETTING[setting]
  return rulesById.get(rule)?.severity ?? 'error'
}

export function toDiagnostics(findings: readonly Finding[], settings: SeveritySettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const finding of findings) {
    const severity = severityOf(finding.rule, settings)
    if (severity !== undefined)
      diagnostics.push({
        rule: finding.rule,
        severity,
        message: finding.message,
        element: elementPath(finding.path),
        ...rest(finding),
      })
  }
  return diagnostics
}

function rest(finding: Finding): Pick<Diagnostic, 'initial' | 'trace' | 'loop'> {
  if (finding.trace === undefined) return {}
  const { initial, trace, loop } = finding
  return loop === undefined ? { initial, trace } : { initial, trace, loop }
}
