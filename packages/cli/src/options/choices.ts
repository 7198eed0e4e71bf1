/**
 * An option whose value is one of a few names (`--format json`): a misspelt one is refused
 * with the closest name, as unknown commands and options are by commander itself.
 */
import { closest } from '@plumbline/core'
import { InvalidArgumentError, Option } from 'commander'

/** `Allowed choices are pretty, json (did you mean "json"?).` */
export function choiceProblem(value: string, choices: readonly string[]): string {
  const suggestion = closest(value, choices)
  return `Allowed choices are ${choices.join(', ')}${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}.`
}

export function choiceOption<Choice extends string>(
  flags: string,
  description: string,
  choices: readonly Choice[],
): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(choiceProblem(value, choices))
    return value as Choice
  })
}
