/**
 * `--rule <rule=severity>`, repeatable: a rule's (or a pack's, `pack:accounts`) severity for
 * this run (`off`, `info`, `warn`, `error`), as a config file's `rules` would set it; the last
 * setting of a rule wins.
 * Parsed into core's `SeveritySettings`; a bad one is a usage error (exit 2).
 */
import { closest, isPackSource, ruleIds, type SeveritySetting, type SeveritySettings } from '@plumbline/core'
import { InvalidArgumentError, Option } from 'commander'
import { settableIds, unknownRuleMessage } from '../output/text/unknown-rule.js'

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warn', 'error']

export function ruleSeverityOption(): Option {
  return new Option('--rule <rule=severity>', `set a rule's severity: ${SETTINGS.join(', ')} (repeatable)`).argParser(
    addRuleSetting,
  )
}

/** Commander's argument parser: one `rule=severity` added to the settings so far. */
function addRuleSetting(text: string, previous: SeveritySettings | undefined): SeveritySettings {
  const at = text.lastIndexOf('=')
  if (at === -1) throw new InvalidArgumentError('expected RULE=SEVERITY, e.g. identity/missing=warn')
  const rule = text.slice(0, at)
  const value = text.slice(at + 1)
  // A pack may come from the config, read later: `settleRun` checks that one of that name exists.
  if (!ruleIds.has(rule) && !isPackSource(rule)) throw new InvalidArgumentError(unknownRuleMessage(rule, settableIds()))
  if (!isSetting(value)) {
    const suggestion = suggestSetting(value)
    throw new InvalidArgumentError(
      `unknown severity ${JSON.stringify(value)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}; expected one of ${SETTINGS.join(', ')}`,
    )
  }
  return { ...previous, [rule]: value }
}

/** "warning" and "err" are near enough to suggest, though too far apart by edit distance. */
function suggestSetting(value: string): string | undefined {
  if (value === '') return undefined
  return SETTINGS.find((setting) => value.startsWith(setting) || setting.startsWith(value)) ?? closest(value, SETTINGS)
}

function isSetting(value: string): value is SeveritySetting {
  return (SETTINGS as readonly string[]).includes(value)
}
