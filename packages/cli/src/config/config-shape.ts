/**
 * The config file checked at load: every key known, every value of the right kind, every
 * rule id in the catalogue. Problems are reported with the key's path, as model problems are.
 */
import {
  checklistPackSchema,
  closest,
  describeValue,
  elementPath,
  expectedKind,
  isPlainObject,
  resolvePacks,
  type ChecklistPack,
} from '@plumbline/core'
import { z } from 'zod'
import { MIN_MEMORY_MB } from '../options/exploration.js'
import { plural } from '../output/text/plural.js'
import { didYouMean, settableIds } from '../output/text/unknown-rule.js'

const severity = z.enum(['off', 'info', 'warn', 'error'])
const positiveInt = z.int().min(1)
const exploreShape = z
  .strictObject({
    maxStates: positiveInt,
    maxDepth: z.int().min(0),
    timeout: positiveInt,
    stepTimeout: positiveInt,
    maxMemory: z.int().min(MIN_MEMORY_MB),
    failOnIncomplete: z.boolean(),
  })
  .partial()

const configShape = z
  .strictObject({
    models: z.array(z.string().min(1)).min(1),
    output: z.string().min(1),
    rules: z.record(z.string(), severity),
    explore: exploreShape,
    packs: z.array(checklistPackSchema),
    baseline: z.string().min(1),
    workers: z.int().min(0),
  })
  .partial()

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(configShape.shape),
  explore: Object.keys(exploreShape.shape),
}

/** The problems with a config file's default export, one line each (`rules["x"]: …`); empty when fine. */
export function configProblems(value: unknown): string[] {
  const parsed = configShape.safeParse(value, { reportInput: true })
  const problems = parsed.success ? [] : parsed.error.issues.flatMap(describeIssue)
  // Rule ids are checked whatever else is wrong, so one run names every problem.
  const rules = isPlainObject(value) && isPlainObject(value.rules) ? value.rules : {}
  const known = new Set(settableIds(resolvePacks(namedPacks(value))))
  for (const id of Object.keys(rules))
    if (!known.has(id)) {
      const suggestion = didYouMean(id, known)
      problems.push(`${elementPath(['rules', id])}: unknown rule${suggestion || '; `plumbline rules` lists them'}`)
    }
  return problems
}

/** The config's packs, as far as each has a name: a pack setting is checked against them even where a pack is broken. */
function namedPacks(value: unknown): ChecklistPack[] {
  const packs = isPlainObject(value) && Array.isArray(value.packs) ? value.packs : []
  return packs.filter((pack): pack is ChecklistPack => isPlainObject(pack) && typeof pack.name === 'string')
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))
  const at = (segments: readonly (string | number)[]) => elementPath(segments) || 'the config'
  // Core's pack schema words its own messages, all but those of unknown keys and wrong types.
  if (path[0] === 'packs' && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_type')
    return [`${at(path)}: ${issue.message}`]
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = KNOWN_KEYS[path.join('.')] ?? []
        const suggestion = closest(key, known)
        const hint = suggestion
          ? ` (did you mean ${JSON.stringify(suggestion)}?)`
          : known.length > 0
            ? ` (known keys: ${known.join(', ')})`
            : ''
        return `${at([...path, key])}: unknown key${hint}`
      })
    case 'invalid_value':
      return [
        `${at(path)}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`,
      ]
    case 'invalid_type': {
      const expected = `expected ${expectedKind(issue.expected)}`
      return [
        issue.input === undefined
          ? `${at(path)}: missing (${expected})`
          : `${at(path)}: ${expected}, got ${describeValue(issue.input)}`,
      ]
    }
    case 'too_small':
      return [
        `${at(path)}: expected ${issue.origin === 'array' ? `at least ${plural(Number(issue.minimum), 'item')}` : issue.origin === 'string' ? 'a non-empty string' : `a number of at least ${issue.minimum}`}, got ${describeValue(issue.input)}`,
      ]
    default:
      return [`${at(path)}: ${issue.message}`]
  }
}
