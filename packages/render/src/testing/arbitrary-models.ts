/**
 * Test support: arbitrary models whose names and labels are anything a user may write —
 * Mermaid keywords, comment and directive markers, HTML, links, quotes, separators, list
 * markers, emoji, right-to-left text, empty and very long strings — for property tests.
 */
import fc from 'fast-check'
import { createMachine } from 'xstate'
import { z } from 'zod'
import type { ComponentKind, Model } from '@plumbline/core'

const HOSTILE = [
  'end',
  'End',
  'END',
  'state',
  'note',
  'Note',
  'class',
  'classDef',
  'style',
  'linkStyle',
  'click',
  'default',
  'as',
  'scale',
  'participant',
  'actor',
  'box',
  'loop',
  'alt',
  'else',
  'opt',
  'par',
  'and',
  'rect',
  'over',
  'title',
  'create',
  'destroy',
  'activate',
  'autonumber',
  'subgraph',
  'graph',
  'flowchart',
  'direction',
  'o',
  'x',
  'PK',
  'FK',
  'UK',
  'pk',
  'one',
  'many',
  'to',
  'State',
  'root',
  'root_start',
  's_a_end',
  'divider',
  '%%',
  '%% comment',
  '%%{init: {"theme":"dark"}}%%',
  '%%{init}%%',
  '<script>alert(1)</script>',
  '<b>bold</b>',
  '<br>',
  '</div>',
  'click a call alert()',
  'click a href "http://evil"',
  '[x](http://a.b)',
  'http://a.b/c?d=e',
  'www.a.b',
  '#',
  '#59;',
  '#35;',
  '&quot;',
  '&amp;',
  '&#60;',
  ';',
  ':',
  ':::',
  '"',
  "'",
  '`',
  '``',
  '\\',
  '-->',
  '->>',
  '-x',
  '--',
  '---',
  '==>',
  '|',
  '||--o{',
  '{',
  '}',
  '()',
  '[*]',
  '[',
  ']',
  '1. item',
  '2) item',
  '- item',
  '+ item',
  '* item',
  '> quote',
  '$$x^2$$',
  '$x$',
  '*x*',
  '_x_',
  '~~x~~',
  'a\nb',
  'line\n- list',
  '🚀',
  '👨‍👩‍👧',
  'שלום עולם',
  'مرحبا',
  'end note',
  'send note',
  'style:#f00;',
  'classDef x fill:#f00;',
  'wrap: text',
  'nowrap:x',
  'ﬂ°°59¶ß',
  '¶ß',
  'a\tb',
  ' ',
  'a  b',
  'x'.repeat(2000),
]

/** Any text a label may hold (newlines as `\n`: a `\r\n` is shown as one line break). */
export const text = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 2, maxLength: 4 }).map((words) => words.join(' ')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
  )
  .map((value) => value.replaceAll('\r', ''))

/** A name: not empty, no white space around it (the model's own rule). */
export const name = text.filter((value) => value !== '' && value.trim() === value)
/** XState reads `.` in a state key as a path and `#` at its start as an id, and some event types are its own. */
const stateKey = name.filter((value) => !value.includes('.') && !value.startsWith('#'))
const eventType = name.filter((value) => value !== '*' && !value.endsWith('.*') && !value.startsWith('xstate.'))

const KINDS: ReadonlyArray<ComponentKind | undefined> = [
  'actor',
  'service',
  'datastore',
  'queue',
  'external',
  undefined,
]

/** The model's names as plain data (so a counterexample prints readably); `buildModel` makes the model. */
export const modelNames = fc.record({
  system: name,
  zones: fc.uniqueArray(fc.tuple(name, fc.integer({ min: -3, max: 3 })), { selector: ([zone]) => zone, maxLength: 3 }),
  components: fc.uniqueArray(fc.record({ name, zone: fc.nat(), kind: fc.constantFrom(...KINDS) }), {
    selector: (component) => component.name,
    minLength: 2,
    maxLength: 4,
  }),
  entity: name,
  fields: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
  contract: name,
  /** A contract no step uses: drawn dotted in the component diagram. */
  spareContract: name,
  errors: fc.uniqueArray(name, { maxLength: 2 }),
  handling: fc.array(text, { minLength: 2, maxLength: 2 }),
  flow: name,
  messages: fc.array(text, { minLength: 1, maxLength: 3 }),
  onFailure: fc.option(text, { nil: undefined }),
  machine: name,
  states: fc.uniqueArray(stateKey, { minLength: 2, maxLength: 4 }),
  children: fc.uniqueArray(stateKey, { maxLength: 2 }),
  /** Two names make the second state parallel, with these regions. */
  regions: fc.uniqueArray(stateKey, { maxLength: 2 }),
  events: fc.uniqueArray(eventType, { minLength: 1, maxLength: 3 }),
})

export type ModelNames = typeof modelNames extends fc.Arbitrary<infer Names> ? Names : never

export function buildModel(input: ModelNames): Model {
  const zones = Object.fromEntries(input.zones.map(([zone, trust]) => [zone, { trust }]))
  const components = Object.fromEntries(
    input.components.map(({ name: component, zone, kind }) => {
      const zoneName = input.zones[zone % (input.zones.length + 1)]?.[0]
      return [
        component,
        { ...(zoneName === undefined ? {} : { zone: zoneName }), ...(kind === undefined ? {} : { kind }) },
      ]
    }),
  )
  const [first = '', second = ''] = input.components.map((component) => component.name)
  const errors = Object.fromEntries(input.errors.map((error) => [error, z.object({})]))
  const onError = Object.fromEntries(
    input.errors.slice(0, 1).map((error, index) => [error, input.handling[index] ?? '']),
  )
  const states = input.states.map((key, index) => {
    const event = input.events[index % input.events.length] ?? ''
    const next = `#state${(index + 1) % input.states.length}`
    const nested = index === 0 && input.children.length > 0
    const parallel = index === 1 && input.regions.length === 2
    // Each region holds one state, named like the region, leaving to the first state.
    const regions = Object.fromEntries(
      input.regions.map((region) => [
        region,
        { initial: region, states: { [region]: { on: { [event]: '#state0' } } } },
      ]),
    )
    return [
      key,
      {
        id: `state${index}`,
        on: { [event]: { target: next, ...(index === 2 ? { guard: () => true } : {}) } },
        ...(index === input.states.length - 1 ? { after: { 1500: '#state0' } } : {}),
        ...(nested
          ? {
              initial: input.children[0],
              states: Object.fromEntries(input.children.map((child) => [child, { on: { [event]: `#state${index}` } }])),
            }
          : {}),
        ...(parallel ? { type: 'parallel' as const, states: regions } : {}),
      },
    ] as const
  })
  return {
    name: input.system,
    description: undefined,
    zones,
    components,
    relations: [],
    deployment: {},
    entities: {
      [input.entity]: {
        schema: z.object(Object.fromEntries(input.fields.map((field) => [field, z.string()]))),
        identity: input.fields.slice(0, 1),
        unique: [input.fields.slice(1)].filter((key) => key.length > 0),
      },
    },
    contracts: {
      [input.spareContract]: { from: second, to: first },
      [input.contract]: { from: first, to: second, errors },
    },
    flows: {
      [input.flow]: {
        steps: [
          { from: first, to: second, contract: input.contract, onError },
          ...input.messages.map((message, index) => ({
            from: second,
            to: input.components[(index + 2) % input.components.length]?.name ?? first,
            message,
            ...(index === 0 && input.onFailure !== undefined ? { onFailure: input.onFailure } : {}),
          })),
        ],
      },
    },
    machines: {
      [input.machine]: {
        machine: createMachine({ id: 'machine', initial: input.states[0], states: Object.fromEntries(states) }),
      },
    },
    stores: {},
    decisions: {},
    outOfScope: [],
  }
}
