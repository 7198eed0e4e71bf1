/** `plumbline rules`: every rule with its default severity and summary, in a table sorted by id. */
import type { Rule } from '@plumbline/core'
import { markdownCode, markdownRow } from '@plumbline/render'
import type { Style } from '../../style.js'

/** By id, in code-unit order (independent of the locale), so categories group together. */
function sortedRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function formatRulesPretty(rules: readonly Rule[], style: Style): string {
  const sorted = sortedRules(rules)
  const idWidth = Math.max(...sorted.map((rule) => rule.id.length))
  const severityWidth = Math.max(...sorted.map((rule) => rule.severity.length))
  const lines = sorted.map(
    (rule) =>
      `${style('bold', rule.id.padEnd(idWidth))}  ${rule.severity.padEnd(severityWidth)}  ${rule.question ? '?' : ' '}  ${rule.summary}`,
  )
  lines.push(
    '',
    style('dim', `${rules.length} rules. ? marks rules whose open findings are also questions (plumbline questions).`),
    style('dim', 'plumbline explain RULE tells more; plumbline check --rule RULE=off|info|warn|error sets a severity.'),
  )
  return `${lines.join('\n')}\n`
}

export interface RulesJson {
  version: 1
  rules: Array<{ id: string; severity: Rule['severity']; summary: string; asksQuestions: boolean }>
}

export function rulesJson(rules: readonly Rule[]): RulesJson {
  return {
    version: 1,
    rules: sortedRules(rules).map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      summary: rule.summary,
      asksQuestions: rule.question !== undefined,
    })),
  }
}

/** A Markdown table, as the README shows the rules (kept equal to this by a test). */
export function formatRulesMarkdown(rules: readonly Rule[]): string {
  const rows = sortedRules(rules).map((rule) =>
    // Summaries are our own Markdown (`never`, `identity`): shown as written.
    markdownRow([markdownCode(rule.id), rule.severity, rule.question ? 'yes' : '', rule.summary]),
  )
  return `${[markdownRow(['Rule', 'Default', 'Asks', 'Reports']), markdownRow(['---', '---', '---', '---']), ...rows].join('\n')}\n`
}
