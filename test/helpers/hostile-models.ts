/**
 * Test support: model files a hostile user might write — names that are prototype keys
 * (`__proto__`, `constructor`, `toString`), empty, huge, unicode or XState path syntax,
 * references to names that do not exist, and sections of the wrong kind — as fast-check
 * arbitraries of a plain-data spec and the model file's source written from it.
 */
import fc from 'fast-check'

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']
const ODD_NAMES = [
  '',
  ' ',
  ' leading',
  'trailing ',
  'x'.repeat(10_000),
  '🚀',
  '👨‍👩‍👧',
  'שלום',
  'a.b',
  '#id',
  'xstate.init',
  '*',
  'end',
  '%%{init}%%',
  '<script>x</script>',
  'a\nb',
  '"',
  '\\',
]

const hostileName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NAMES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
)

/** A name used where another is expected: one declared (by index) or any other. */
const reference = fc.oneof({ weight: 3, arbitrary: fc.nat() }, { weight: 1, arbitrary: hostileName })
type Reference = number | string

const names = (max: number) => fc.uniqueArray(hostileName, { minLength: 1, maxLength: max })

/** Values of the wrong kind for a section or a field, as source text. */
const WRONG_VALUES = ['7', '"x"', '[]', '[1, 2]', 'null', '() => 1', 'NaN', '{ "": {} }', 'new Map()']
const SECTIONS = [
  'name',
  'zones',
  'components',
  'contracts',
  'flows',
  'entities',
  'stores',
  'machines',
  'decisions',
  'outOfScope',
  'compnents',
]

export const modelSpec = fc.record({
  system: hostileName,
  zones: fc.uniqueArray(fc.tuple(hostileName, fc.constantFrom('0', '1', '"high"', 'Infinity')), {
    selector: ([zone]) => zone,
    maxLength: 3,
  }),
  components: names(4),
  componentZones: fc.array(reference, { minLength: 4, maxLength: 4 }),
  contracts: fc.uniqueArray(fc.tuple(hostileName, reference, reference), { selector: ([c]) => c, maxLength: 2 }),
  flows: fc.uniqueArray(
    fc.tuple(
      hostileName,
      fc.array(fc.tuple(reference, reference, fc.option(reference, { nil: undefined })), { maxLength: 3 }),
    ),
    { selector: ([flow]) => flow, maxLength: 2 },
  ),
  entity: fc.option(fc.tuple(hostileName, names(3)), { nil: undefined }),
  store: fc.option(fc.tuple(hostileName, names(2)), { nil: undefined }),
  machine: fc.option(fc.tuple(hostileName, names(3), names(2)), { nil: undefined }),
  /** Keys written as `"key": …` (a `"__proto__"` key then sets a prototype) or computed, `["key"]: …`. */
  literalKeys: fc.boolean(),
  breakage: fc.option(fc.tuple(fc.constantFrom(...SECTIONS), fc.constantFrom(...WRONG_VALUES)), { nil: undefined }),
})

export type ModelSpec = typeof modelSpec extends fc.Arbitrary<infer Spec> ? Spec : never

/** The model file's source: plain JavaScript, importing only zod and xstate. */
export function modelSource(spec: ModelSpec): string {
  const key = (name: string) => (spec.literalKeys ? JSON.stringify(name) : `[${JSON.stringify(name)}]`)
  const object = (entries: readonly (readonly [string, string])[]) =>
    `{ ${entries.map(([name, value]) => `${key(name)}: ${value}`).join(', ')} }`
  const pick = (ref: Reference, list: readonly string[]) =>
    JSON.stringify(typeof ref === 'number' ? (list[ref % Math.max(list.length, 1)] ?? 'none') : ref)
  const zoneNames = spec.zones.map(([zone]) => zone)
  const componentNames = spec.components
  const contractNames = spec.contracts.map(([contract]) => contract)

  const sections: [string, string][] = [
    ['name', JSON.stringify(spec.system)],
    ['zones', object(spec.zones.map(([zone, trust]) => [zone, `{ trust: ${trust} }`]))],
    [
      'components',
      object(
        componentNames.map((component, index) => [
          component,
          `{ zone: ${pick(spec.componentZones[index] ?? 0, zoneNames)} }`,
        ]),
      ),
    ],
    [
      'contracts',
      object(
        spec.contracts.map(([contract, from, to]) => [
          contract,
          `{ from: ${pick(from, componentNames)}, to: ${pick(to, componentNames)} }`,
        ]),
      ),
    ],
    [
      'flows',
      object(
        spec.flows.map(([flow, steps]) => [
          flow,
          `{ steps: [${steps
            .map(
              ([from, to, contract]) =>
                `{ from: ${pick(from, componentNames)}, to: ${pick(to, componentNames)}${
                  contract === undefined ? '' : `, contract: ${pick(contract, contractNames)}`
                }, onFailure: 'retry' }`,
            )
            .join(', ')}] }`,
        ]),
      ),
    ],
  ]
  if (spec.entity) {
    const [entity, fields] = spec.entity
    const schema = `z.object(${object(fields.map((field) => [field, 'z.string()']))})`
    sections.push([
      'entities',
      object([[entity, `{ schema: ${schema}, identity: [${JSON.stringify(fields[0])}], unique: 'none' }`]]),
    ])
  }
  if (spec.store) {
    const [store, operations] = spec.store
    const apply = '{ apply: (s) => ({ n: Math.min(s.n + 1, 2) }) }'
    sections.push([
      'stores',
      object([[store, `{ initial: { n: 0 }, operations: ${object(operations.map((op) => [op, apply]))} }`]]),
    ])
  }
  if (spec.machine) {
    const [machine, states, events] = spec.machine
    const stateNodes = states.map((state, index): [string, string] => [
      state,
      `{ on: ${object(events.map((event) => [event, JSON.stringify(states[(index + 1) % states.length])]))} }`,
    ])
    sections.push([
      'machines',
      object([[machine, `createMachine({ initial: ${JSON.stringify(states[0])}, states: ${object(stateNodes)} })`]]),
    ])
  }
  if (spec.breakage) {
    const [section, value] = spec.breakage
    const existing = sections.find(([name]) => name === section)
    if (existing) existing[1] = value
    else sections.push([section, value])
  }
  return [
    "import { z } from 'zod'",
    "import { createMachine } from 'xstate'",
    '',
    `export default { ${sections.map(([name, value]) => `${name}: ${value}`).join(',\n  ')} }`,
    '',
  ].join('\n')
}
