import { createMachine, fromPromise, setup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ruleIds } from '../rules/catalogue.js'
import { validateSystem } from './validate-system.js'
import { asReported } from '../testing/reported.js'

const machine = setup({}).createMachine({
  id: 'm',
  initial: 'idle',
  states: { idle: { on: { go: 'done' } }, done: { type: 'final' } },
})

/** A small system that is valid in every respect; cases below break one thing at a time. */
function validSystem(): Record<string, any> {
  return {
    name: 'shop',
    zones: { internet: { trust: 0 }, app: { trust: 1 }, data: { trust: 2 } },
    components: {
      browser: { zone: 'internet', kind: 'actor' },
      api: { zone: 'app', kind: 'service' },
      db: { zone: 'data', kind: 'datastore' },
    },
    entities: {
      User: { schema: z.object({ id: z.string(), email: z.email() }), identity: ['id'], unique: [['email']] },
    },
    contracts: { signUp: { from: 'browser', to: 'api', auth: 'none', errors: { EmailTaken: z.object({}) } } },
    flows: {
      register: {
        machine: 'm',
        steps: [
          {
            from: 'browser',
            to: 'api',
            contract: 'signUp',
            onError: { EmailTaken: 'show the sign-in form' },
            event: 'go',
          },
          { from: 'api', to: 'db', message: 'insert user', onFailure: 'answer 503' },
        ],
      },
    },
    machines: { m: { machine, events: { go: [{}] } } },
    stores: {
      users: {
        initial: { users: [] },
        domains: { emails: ['a@x', 'b@x'] },
        operations: {
          signUp: { params: { email: 'emails' }, target: { entity: 'User', by: ['email'] }, apply: (s: unknown) => s },
        },
      },
    },
    decisions: { noAuth: { decision: 'Sign-up needs no login', because: 'it is how one gets a login' } },
    outOfScope: ['single sign-on'],
  }
}

function findingsOf(system: unknown) {
  return asReported(validateSystem(system, ruleIds).findings)
}

describe('validateSystem', () => {
  it('accepts a valid system and normalises it', () => {
    const result = validateSystem(validSystem(), ruleIds)
    expect(result.findings).toEqual([])
    expect(result.success).toBe(true)
    if (!result.success) return
    expect(result.model.machines.m?.machine).toBe(machine)
    expect(result.model.outOfScope).toEqual(['single sign-on'])
  })

  it('accepts a bare machine and a minimal system', () => {
    const result = validateSystem({ name: 'bare', machines: { m: machine } }, ruleIds)
    expect(result.success && result.model.machines.m).toEqual({ machine })
    expect(result.success && result.model.components).toEqual({})
  })

  describe('unknown names', () => {
    it.each<[string, (s: Record<string, any>) => void, string, string, string?]>([
      [
        'zone of a component',
        (s) => (s.components.db.zone = 'dta'),
        'components.db.zone',
        'unknown zone "dta" (did you mean "data"?)',
      ],
      [
        'component of a step',
        (s) => (s.flows.register.steps[1].to = 'paymnts'),
        'flows.register.steps[1].to',
        'unknown component "paymnts" (components: "browser", "api", "db")',
      ],
      [
        'component of a contract',
        (s) => (s.contracts.signUp.from = 'brwser'),
        'contracts.signUp.from',
        'unknown component "brwser" (did you mean "browser"?)',
      ],
      [
        'contract of a step',
        (s) => (s.flows.register.steps[0].contract = 'signup'),
        'flows.register.steps[0].contract',
        'unknown contract "signup" (did you mean "signUp"?)',
        'contract/unknown',
      ],
      [
        'machine of a flow',
        (s) => (s.flows.register.machine = 'mm'),
        'flows.register.machine',
        'unknown machine "mm" (machines: "m")',
      ],
      [
        'entity of a target',
        (s) => (s.stores.users.operations.signUp.target.entity = 'Account'),
        'stores.users.operations.signUp.target.entity',
        'unknown entity "Account" (entities: "User")',
      ],
      [
        'entity of a target named like an Object property',
        (s) => (s.stores.users.operations.signUp.target.entity = 'constructor'),
        'stores.users.operations.signUp.target.entity',
        'unknown entity "constructor" (entities: "User")',
      ],
      [
        'field of a target',
        (s) => (s.stores.users.operations.signUp.target.by = ['mail']),
        'stores.users.operations.signUp.target.by[0]',
        'User has no field "mail" (did you mean "email"?)',
      ],
      [
        'field of an identity',
        (s) => (s.entities.User.identity = ['uid']),
        'entities.User.identity[0]',
        'User has no field "uid" (did you mean "id"?)',
      ],
      [
        'field of a unique key',
        (s) => (s.entities.User.unique = [['emial']]),
        'entities.User.unique[0][0]',
        'User has no field "emial" (did you mean "email"?)',
      ],
      [
        'domain of a param',
        (s) => (s.stores.users.operations.signUp.params = { email: 'email' }),
        'stores.users.operations.signUp.params.email',
        'unknown domain "email" (did you mean "emails"?)',
      ],
      [
        'error of a contract',
        (s) => (s.flows.register.steps[0].onError = { EmailTakn: 'x' }),
        'flows.register.steps[0].onError.EmailTakn',
        'contract "signUp" has no error "EmailTakn" (did you mean "EmailTaken"?)',
      ],
      [
        'error of a contract that declares none',
        (s) => {
          delete s.contracts.signUp.errors
        },
        'flows.register.steps[0].onError.EmailTaken',
        'contract "signUp" has no error "EmailTaken": it declares no errors',
      ],
      [
        'error named like an Object property',
        (s) => (s.flows.register.steps[0].onError = { EmailTaken: 'x', toString: 'y' }),
        'flows.register.steps[0].onError.toString',
        'contract "signUp" has no error "toString" (errors: "EmailTaken")',
      ],
      [
        'error of a step without a contract',
        (s) => (s.flows.register.steps[1].onError = { Timeout: 'retry' }),
        'flows.register.steps[1].onError.Timeout',
        'the step names no contract, so it has no error "Timeout" to handle (what happens when "db" fails goes in onFailure)',
      ],
      [
        'event of payload samples',
        (s) => (s.machines.m.events = { og: [{}] }),
        'machines.m.events.og',
        'machine "m" has no event "og" (events: "go")',
      ],
      [
        'rule of a decision',
        (s) => (s.decisions.noAuth.answers = { rule: 'model/invalidd', element: 'x' }),
        'decisions.noAuth.answers.rule',
        'unknown rule "model/invalidd" (did you mean "model/invalid"?)',
      ],
    ])('%s', (_, breakIt, element, message, rule = 'model/invalid') => {
      const system = validSystem()
      breakIt(system)
      expect(findingsOf(system)).toEqual([{ rule, element, message }])
    })

    it('delays and invoked actors a machine names without an implementation', () => {
      // setup()'s types refuse these names; a model in JavaScript, or cast, gets here.
      const config = {
        initial: 'a',
        states: {
          a: { after: { SHORT: 'b', SHROT: 'b', 500: 'b' }, invoke: { src: 'fetchUsr', onDone: 'b', onError: 'b' } },
          b: {
            invoke: [
              { src: 'fetchUser', onError: 'a' },
              { src: 'loadCart', onError: 'a' },
            ],
          },
        },
      }
      const waiting = setup({
        delays: { SHORT: 100 },
        actors: { fetchUser: fromPromise(async () => 1) },
      }).createMachine(config as never)
      const system = validSystem()
      system.machines = { waiting }
      delete system.flows
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'machines.waiting.states.a.after.SHROT',
          message:
            'machine "waiting" has no delay "SHROT" (did you mean "SHORT"?): XState would take the transition at once; give the delay a duration in setup({ delays })',
        },
        {
          rule: 'model/invalid',
          element: 'machines.waiting.states.a.invoke[0]',
          message:
            'machine "waiting" has no actor "fetchUsr" (did you mean "fetchUser"?): entering the state would stop the machine with an error; give it the actor\'s logic in setup({ actors })',
        },
        {
          rule: 'model/invalid',
          element: 'machines.waiting.states.b.invoke[1]',
          message:
            'machine "waiting" has no actor "loadCart" (actors: "fetchUser"): entering the state would stop the machine with an error; give it the actor\'s logic in setup({ actors })',
        },
      ])
    })

    it('says so when the system declares none of a kind', () => {
      const system = { name: 'x', components: { a: { zone: 'edge' } } }
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'components.a.zone',
          message: 'unknown zone "edge": the system declares no zones',
        },
      ])
    })
  })

  describe('repeated names', () => {
    it.each<[string, (s: Record<string, any>) => void, string, string]>([
      [
        'identity field',
        (s) => (s.entities.User.identity = ['id', 'id']),
        'entities.User.identity[1]',
        '"id" is listed twice in entities.User.identity',
      ],
      [
        'unique key',
        (s) =>
          (s.entities.User.unique = [
            ['email', 'id'],
            ['id', 'email'],
          ]),
        'entities.User.unique[1]',
        'the same unique key is listed twice',
      ],
      [
        'produced datum',
        (s) => (s.flows.register.steps[0].produces = ['user', 'user']),
        'flows.register.steps[0].produces[1]',
        '"user" is listed twice in produces',
      ],
      [
        'out-of-scope entry',
        (s) => (s.outOfScope = ['sso', 'sso']),
        'outOfScope[1]',
        '"sso" is listed twice in outOfScope',
      ],
      [
        'answered finding',
        (s) => {
          s.decisions.a = { decision: 'x', because: 'y', answers: { rule: 'model/invalid', element: 'e' } }
          s.decisions.b = { decision: 'x', because: 'y', answers: { rule: 'model/invalid', element: 'e' } }
        },
        'decisions.b.answers',
        'answers the same finding as decision "a"',
      ],
    ])('%s', (_, breakIt, element, message) => {
      const system = validSystem()
      breakIt(system)
      expect(findingsOf(system)).toEqual([{ rule: 'model/invalid', element, message }])
    })
  })

  describe('shape', () => {
    it.each<[string, (s: Record<string, any>) => void, string, string]>([
      [
        'unknown key, with a suggestion',
        (s) => (s.compnents = {}),
        'compnents',
        'unknown key "compnents" (did you mean "components"?)',
      ],
      [
        'unknown key in a step',
        (s) => (s.flows.register.steps[1].onFailur = 'x'),
        'flows.register.steps[1].onFailur',
        'unknown key "onFailur" (did you mean "onFailure"?)',
      ],
      [
        'unknown key in a machine model',
        (s) => (s.machines.m.invariant = {}),
        'machines.m.invariant',
        'unknown key "invariant" (did you mean "invariants"?)',
      ],
      [
        'missing field',
        (s) => delete s.flows.register.steps[1].to,
        'flows.register.steps[1].to',
        'is required (a string)',
      ],
      [
        'wrong type',
        (s) => (s.zones.app.trust = 'high'),
        'zones.app.trust',
        'expected a number, got the string "high"',
      ],
      [
        'number that is not finite',
        (s) => (s.zones.app.trust = Number.POSITIVE_INFINITY),
        'zones.app.trust',
        'expected a finite number, got Infinity',
      ],
      [
        'list where named entries belong',
        (s) => (s.components = []),
        'components',
        'expected an object of named entries ({ name: … }), got an array',
      ],
      [
        'unknown component kind',
        (s) => (s.components.db.kind = 'database'),
        'components.db.kind',
        'expected one of "person", "actor", "system", "container", "component", "service", "datastore", "queue", "external", got the string "database"',
      ],
      ['empty name', (s) => (s.components[''] = {}), 'components[""]', 'invalid name "": a name must not be empty'],
      [
        'name with outer white space',
        (s) => (s.zones[' edge'] = { trust: 0 }),
        'zones[" edge"]',
        'invalid name " edge": a name must not start or end with white space',
      ],
      [
        'machine that is not a machine',
        (s) => (s.machines.m = { machine: { states: {} } }),
        'machines.m.machine',
        'expected an XState v5 machine (createMachine(…) or setup(…).createMachine(…))',
      ],
      [
        'machine entry of the wrong kind',
        (s) => (s.machines.m = 'idle'),
        'machines.m',
        'expected an XState v5 machine, or { machine, events?, invariants?, never? }',
      ],
      [
        'entity schema that is not a Zod object',
        (s) => (s.entities.User.schema = z.string()),
        'entities.User.schema',
        'expected a Zod object schema (z.object({ … }))',
      ],
      [
        'empty domain',
        (s) => (s.stores.users.domains.emails = []),
        'stores.users.domains.emails',
        'a domain needs at least one value: an operation with a param over an empty domain is never taken',
      ],
      [
        'apply that is not a function',
        (s) => (s.stores.users.operations.signUp.apply = 'x'),
        'stores.users.operations.signUp.apply',
        'expected a function',
      ],
      [
        'decision without reason',
        (s) => (s.decisions.noAuth.because = ''),
        'decisions.noAuth.because',
        'a decision needs its reason (because)',
      ],
      [
        'unique that is neither a list nor none',
        (s) => (s.entities.User.unique = 'email'),
        'entities.User.unique',
        "expected 'none' or a list of unique keys, each a list of field names (e.g. [['email']])",
      ],
    ])('%s', (_, breakIt, element, message) => {
      const system = validSystem()
      breakIt(system)
      const result = validateSystem(system, ruleIds)
      expect(result.success).toBe(false)
      expect(asReported(result.findings)).toEqual([{ rule: 'model/invalid', element, message }])
    })

    it('reports the references of every sound entry beside the shape problems, in one run', () => {
      const system = validSystem()
      system.flows.register.steps = 'none'
      system.components.api.zone = 'nowhere'
      system.stores.users.operations.signUp.params.email = 'emial'
      const result = validateSystem(system, ruleIds)
      expect(result.success).toBe(false)
      expect(asReported(result.findings)).toEqual([
        {
          rule: 'model/invalid',
          element: 'flows.register.steps',
          message: 'expected an array, got the string "none"',
        },
        {
          rule: 'model/invalid',
          element: 'components.api.zone',
          message: 'unknown zone "nowhere" (zones: "internet", "app", "data")',
        },
        {
          rule: 'model/invalid',
          element: 'stores.users.operations.signUp.params.email',
          message: 'unknown domain "emial" (did you mean "emails"?)',
        },
      ])
    })

    it('does not report a reference to an entry whose shape is broken as unknown', () => {
      const system = validSystem()
      system.components.api.kind = 'database'
      system.machines.m = 'idle'
      system.entities.User.schema = z.string()
      system.contracts.signUp.auth = 7
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'components.api.kind',
          message:
            'expected one of "person", "actor", "system", "container", "component", "service", "datastore", "queue", "external", got the string "database"',
        },
        {
          rule: 'model/invalid',
          element: 'entities.User.schema',
          message: 'expected a Zod object schema (z.object({ … }))',
        },
        { rule: 'model/invalid', element: 'contracts.signUp.auth', message: 'expected a string, got number 7' },
        {
          rule: 'model/invalid',
          element: 'machines.m',
          message: 'expected an XState v5 machine, or { machine, events?, invariants?, never? }',
        },
      ])
    })

    it('checks no reference into a section that is not an object of entries', () => {
      const system = validSystem()
      system.components = ['browser', 'api']
      system.flows.register.steps[0].to = 'ap'
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'components',
          message: 'expected an object of named entries ({ name: … }), got an array',
        },
      ])
    })

    it('checks the other entries of a system with an unknown top-level key', () => {
      const system = validSystem()
      system.flow = {}
      system.contracts.signUp.to = 'apy'
      expect(findingsOf(system)).toEqual([
        { rule: 'model/invalid', element: 'flow', message: 'unknown key "flow" (did you mean "flows"?)' },
        {
          rule: 'model/invalid',
          element: 'contracts.signUp.to',
          message: 'unknown component "apy" (did you mean "api"?)',
        },
      ])
    })

    it('refuses `__proto__:` in an object literal, which would drop the entry silently', () => {
      const system = validSystem()
      // What `components: { __proto__: { zone: 'app' } }` in a model file makes.
      system.components = Object.setPrototypeOf({ api: { zone: 'app' } }, { zone: 'app' })
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'components.__proto__',
          message:
            '`__proto__: …` in an object literal sets its prototype, not an entry named "__proto__": write ["__proto__"]: … to use the name',
        },
      ])
    })

    it('takes prototype keys written as own properties as names like any other', () => {
      const system = validSystem()
      system.zones = JSON.parse('{"__proto__": {"trust": 0}, "constructor": {"trust": 1}, "toString": {"trust": 2}}')
      system.components.browser.zone = '__proto__'
      system.components.api.zone = 'constructor'
      system.components.db.zone = 'hasOwnProperty'
      const result = validateSystem(system, ruleIds)
      expect(result.success).toBe(true)
      expect(asReported(result.findings)).toEqual([
        {
          rule: 'model/invalid',
          element: 'components.db.zone',
          message: 'unknown zone "hasOwnProperty" (zones: "__proto__", "constructor", "toString")',
        },
      ])
    })

    it.each([
      ['as a computed key', { ['__proto__']: { on: { go: 'b' } }, b: {} }],
      ['in the literal', { __proto__: { on: { go: 'b' } }, b: {} }],
    ])('refuses a machine state named __proto__ %s, which XState cannot hold', (_, states) => {
      const system = validSystem()
      system.flows = {}
      system.machines = { m: createMachine({ initial: 'b', states }) }
      expect(findingsOf(system)).toEqual([
        {
          rule: 'model/invalid',
          element: 'machines.m.states.__proto__',
          message:
            'XState cannot hold a state named "__proto__" (it keeps state nodes in plain objects): rename the state',
        },
      ])
    })

    it('rejects a value that is not an object', () => {
      expect(findingsOf(42)).toEqual([
        {
          rule: 'model/invalid',
          element: '',
          message: 'a system must be an object from defineSystem({ … }); got number 42',
        },
      ])
    })
  })

  describe('store state', () => {
    it.each<[string, unknown, string, string]>([
      [
        'a function',
        { users: [], hook: () => 1 },
        'stores.users.initial.hook',
        'store state must be plain data; found a function',
      ],
      [
        'a class instance',
        { users: new Set() },
        'stores.users.initial.users',
        'store state must be plain data; found an instance of Set',
      ],
      [
        'a cycle',
        (() => {
          const s: Record<string, unknown> = { users: [] }
          ;(s.users as unknown[]).push(s)
          return s
        })(),
        'stores.users.initial.users[0]',
        'store state must be plain data; found a cycle (the value contains itself)',
      ],
    ])('rejects %s', (_, initial, element, message) => {
      const system = validSystem()
      system.stores.users.initial = initial
      expect(findingsOf(system)).toEqual([{ rule: 'model/invalid', element, message }])
    })
  })
})
