/** `plumbline explain RULE`: what a rule (or a checklist pack, `pack:accounts`) means and how to satisfy it. */
import { builtInPacks, closest, packSource, rulesById } from '@plumbline/core'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import { styleFor } from '../style.js'
import { explainPack, explainRule } from '../text/explain.js'
import type { RegisterCommand } from './types.js'

export const registerExplain: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('explain')
    .description('what a rule means and how to satisfy it')
    .argument('<rule>', 'a rule id (plumbline rules lists them), or a checklist pack such as pack:accounts')
    .addHelpText('after', '\nExamples:\n  $ plumbline explain identity/uniqueness-undecided\n  $ plumbline explain pack:accounts')
    .action((id: string) => {
      const style = styleFor(io.stdout, io.env)
      const rule = rulesById.get(id)
      const pack = builtInPacks.find((candidate) => packSource(candidate) === id)
      if (rule) io.stdout.write(explainRule(rule, style))
      else if (pack) io.stdout.write(explainPack(pack, style))
      else {
        const suggestion = closest(id, [...rulesById.keys(), ...builtInPacks.map(packSource)])
        throw new UsageError(`unknown rule ${JSON.stringify(id)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}; plumbline rules lists them`)
      }
      setExitCode(EXIT_CLEAN)
    })
}
