/** `plumbline rules`: every rule with its default severity and summary. */
import { rules } from '@plumbline/core'
import { EXIT_CLEAN } from '../errors.js'
import { choiceOption } from '../options/choices.js'
import { styleFor } from '../style.js'
import { jsonText } from '../output/text/json.js'
import { formatRulesMarkdown, formatRulesPretty, rulesJson } from '../output/text/rules.js'
import type { RegisterCommand } from './types.js'

export const registerRules: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('rules')
    .description('list every rule with its default severity')
    .addOption(
      choiceOption('-f, --format <format>', 'output format', ['pretty', 'json', 'markdown'] as const).default('pretty'),
    )
    .addHelpText('after', '\nExamples:\n  $ plumbline rules\n  $ plumbline explain identity/ambiguous-target')
    .action((options: { format: 'pretty' | 'json' | 'markdown' }) => {
      const text = {
        pretty: () => formatRulesPretty(rules, styleFor(io.stdout, io.env)),
        json: () => jsonText(rulesJson(rules)),
        markdown: () => formatRulesMarkdown(rules),
      }[options.format]
      io.stdout.write(text())
      setExitCode(EXIT_CLEAN)
    })
}
