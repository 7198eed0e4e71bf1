/**
 * `plumbline explain RULE`: what a rule (or a checklist pack, `pack:accounts`) means and how
 * to satisfy it. Packs are the built-in ones and the config's (which may replace a built-in
 * one), so the config is read only for an id that is not a rule.
 */
import { packSource, resolvePacks, rulesById, type ChecklistPack } from '@plumbline/core'
import { loadConfig } from '../config/load-config.js'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { styleFor } from '../style.js'
import { explainPack, explainRule } from '../output/text/explain.js'
import { settableIds, unknownRuleMessage } from '../output/text/unknown-rule.js'
import type { RegisterCommand } from './types.js'

export const registerExplain: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('explain')
    .description('what a rule means and how to satisfy it')
    .argument(
      '<rule>',
      "a rule id (plumbline rules lists them), or a checklist pack such as pack:accounts (the config's packs too)",
    )
    .addOption(CHECK_FLAGS.config.option)
    .addHelpText(
      'after',
      '\nExamples:\n  $ plumbline explain identity/uniqueness-undecided\n  $ plumbline explain pack:accounts',
    )
    .action(async (id: string, options: { config?: string }) => {
      const rule = rulesById.get(id)
      const style = styleFor(io.stdout, io.env)
      io.stdout.write(rule ? explainRule(rule, style) : explainPack(await packNamed(id, options.config, io), style))
      setExitCode(EXIT_CLEAN)
    })
}

/** The built-in or configured pack whose source is `id` (`pack:accounts`); a usage error where none is. */
async function packNamed(id: string, configFile: string | undefined, io: Io): Promise<ChecklistPack> {
  const config = await loadConfig(io.cwd, configFile, createModelLoader(io.cwd))
  const packs = resolvePacks(config?.config.packs)
  const pack = packs.find((candidate) => packSource(candidate) === id)
  if (pack !== undefined) return pack
  throw new UsageError(unknownRuleMessage(id, settableIds(packs)))
}
