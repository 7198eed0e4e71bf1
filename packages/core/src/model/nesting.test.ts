import { describe, expect, it } from 'vitest'
import { checkSystem } from '../check/check-system.js'
import { ruleIds } from '../rules/catalogue.js'
import { effectiveZone, kindOf } from './hierarchy.js'
import { relationsAmong, relationsOf } from './relations.js'
import { validateSystem } from '../validate/validate-system.js'
import { asReported } from '../testing/reported.js'

/** A bank with a system, its containers and their components, across zones. */
function bank(): Record<string, any> {
  return {
    name: 'bank',
    zones: { internet: { trust: 0 }, app: { trust: 1 }, data: { trust: 2 } },
    components: {
      customer: { kind: 'person', zone: 'internet', description: 'A customer of the bank' },
      banking: { kind: 'system', tags: ['Internal'] },
      api: { kind: 'container', partOf: 'banking', zone: 'app', technology: 'Java and Spring MVC' },
      signIn: { kind: 'component', partOf: 'api' },
      security: { kind: 'component', partOf: 'api' },
      db: { kind: 'datastore', partOf: 'banking', zone: 'data', technology: 'Oracle' },
      mainframe: { kind: 'external', zone: 'data' },
    },
    relations: [{ from: 'security', to: 'db', description: 'Reads from and writes to', technology: 'JDBC' }],
    flows: {
      'sign in': {
        steps: [
          { from: 'customer', to: 'signIn', message: 'sign in', auth: 'password' },
          { from: 'signIn', to: 'security', message: 'validate' },
          {
            from: 'security',
            to: 'db',
            message: 'select user',
            onFailure: 'sign-in fails with 503',
            auth: 'JDBC user',
          },
          { from: 'api', to: 'mainframe', message: 'accounts', onFailure: 'shown as unavailable', auth: 'mTLS' },
        ],
      },
    },
  }
}

function findingsOf(system: unknown) {
  return asReported(validateSystem(system, ruleIds).findings)
}

describe('nesting with partOf', () => {
  it('a nested model with the C4 kinds, technology, tags and descriptions is valid', async () => {
    const check = await checkSystem(bank())
    expect(check.diagnostics).toEqual([])
  })

  it('an element takes the zone of the element it is part of, unless it names its own', async () => {
    const model = validateSystem(bank(), ruleIds)
    if (!model.success) throw new Error('invalid')
    expect(effectiveZone(model.model, 'signIn')).toBe('app')
    expect(effectiveZone(model.model, 'db')).toBe('data')
    expect(effectiveZone(model.model, 'banking')).toBeUndefined()
  })

  it('actor is person under its older name', () => {
    const model = validateSystem({ name: 's', components: { a: { kind: 'actor' }, b: { kind: 'person' } } }, ruleIds)
    if (!model.success) throw new Error('invalid')
    expect([kindOf(model.model, 'a'), kindOf(model.model, 'b')]).toEqual(['person', 'person'])
  })

  it('a partOf naming no element is model/invalid at its path, with the names it could be', () => {
    const system = bank()
    system.components.signIn.partOf = 'apl'
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'components.signIn.partOf',
        message: 'unknown element "apl" (did you mean "api"?)',
      },
    ])
  })

  it('a cycle of partOf is reported once, at its first element, naming the loop', () => {
    const system = bank()
    system.components.banking.partOf = 'signIn'
    system.components.customer.partOf = 'customer'
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'components.customer.partOf',
        message: '"customer" is part of itself: "customer" → "customer" (partOf must make a tree)',
      },
      {
        rule: 'model/invalid',
        element: 'components.banking.partOf',
        message: '"banking" is part of itself: "banking" → "signIn" → "api" → "banking" (partOf must make a tree)',
      },
    ])
  })

  it('a relation naming no element, and a kind that is not one, are model/invalid at their paths', () => {
    const system = bank()
    system.relations.push({ from: 'securty', to: 'db' })
    system.components.db.kind = 'database'
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'components.db.kind',
        message:
          'expected one of "person", "actor", "system", "container", "component", "service", "datastore", "queue", "external", got the string "database"',
      },
      {
        rule: 'model/invalid',
        element: 'relations[1].from',
        message: 'unknown element "securty" (did you mean "security"?)',
      },
    ])
  })

  it('rules that read kinds see nested elements: a nested datastore call needs onFailure', async () => {
    const system = bank()
    delete system.flows['sign in'].steps[2].onFailure
    const check = await checkSystem(system)
    expect(check.diagnostics.map(({ rule, element }) => [rule, element])).toEqual([
      ['failure/unhandled', 'flows["sign in"].steps[2].onFailure'],
    ])
  })

  it('a crossing into a more trusted zone inherited from the parent needs auth', async () => {
    const system = bank()
    delete system.flows['sign in'].steps[0].auth
    const check = await checkSystem(system)
    expect(check.diagnostics.map(({ rule, element, message }) => [rule, element, message])).toEqual([
      ['boundary/unauthenticated-crossing', 'flows["sign in"].steps[0].auth', expect.stringContaining('"app"')],
    ])
  })

  it('an element with no zone of its own or of a parent is in no zone; one with parts needs none', async () => {
    const system = bank()
    system.components.audit = { kind: 'container', partOf: 'banking' }
    const check = await checkSystem(system)
    expect(check.diagnostics.map(({ rule, element }) => [rule, element])).toEqual([
      ['boundary/undeclared-zone', 'components.audit.zone'],
    ])
  })
})

describe('relations', () => {
  const model = (() => {
    const result = validateSystem(bank(), ruleIds)
    if (!result.success) throw new Error('invalid')
    return result.model
  })()

  it('flow steps imply relations; a declared one between the same pair keeps its words, and none repeats', () => {
    expect(relationsOf(model).map(({ from, to, description, source }) => [from, to, description, source])).toEqual([
      ['security', 'db', 'Reads from and writes to', 'declared'],
      ['customer', 'signIn', 'sign in', 'flow'],
      ['signIn', 'security', 'validate', 'flow'],
      ['api', 'mainframe', 'accounts', 'flow'],
    ])
  })

  it('roll up to the nearest shown ancestor, once per pair, none inside one element', () => {
    const landscape = new Set(['customer', 'banking', 'mainframe'])
    expect(relationsAmong(model, landscape).map(({ from, to, description }) => [from, to, description])).toEqual([
      ['customer', 'banking', 'sign in'],
      ['banking', 'mainframe', 'accounts'],
    ])
    const containers = new Set(['customer', 'api', 'db', 'mainframe'])
    expect(relationsAmong(model, containers).map(({ from, to }) => [from, to])).toEqual([
      ['api', 'db'],
      ['customer', 'api'],
      ['api', 'mainframe'],
    ])
  })
})

describe('deployment references', () => {
  it('a node running no such element, a node named twice and a relation to no such node are model/invalid', () => {
    const system = bank()
    system.deployment = {
      Live: {
        nodes: {
          dc: { nodes: { web: { instances: 2, runs: ['api', 'apl'] } } },
          web: { runs: ['db'] },
        },
        relations: [{ from: 'web', to: 'dc2' }],
      },
    }
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'deployment.Live.nodes.dc.nodes.web.runs[1]',
        message: 'unknown element "apl" (did you mean "api"?)',
      },
      {
        rule: 'model/invalid',
        element: 'deployment.Live.nodes.web',
        message: 'node "web" is named twice in environment "Live"',
      },
      {
        rule: 'model/invalid',
        element: 'deployment.Live.relations[0].to',
        message: 'unknown node "dc2" (did you mean "dc"?)',
      },
    ])
  })

  it('instances below one are refused by the shape', () => {
    const system = bank()
    system.deployment = { Live: { nodes: { web: { instances: 0 } } } }
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'deployment.Live.nodes.web.instances',
        message: 'instances must be at least 1',
      },
    ])
  })
})

describe('a step back along a known relation', () => {
  it('is its answer and implies no relation of its own', () => {
    const system = bank()
    system.flows['sign in'].steps.push({ from: 'db', to: 'security', message: 'user row' })
    const result = validateSystem(system, ruleIds)
    if (!result.success) throw new Error('invalid')
    expect(relationsOf(result.model).map(({ from, to }) => [from, to])).toEqual([
      ['security', 'db'],
      ['customer', 'signIn'],
      ['signIn', 'security'],
      ['api', 'mainframe'],
    ])
  })
})

describe("an element's own relations", () => {
  it('are relations from it, and one to no element is model/invalid at its path', () => {
    const system = bank()
    system.components.signIn.relations = [
      { to: 'mainframe', description: 'Checks the account', technology: 'XML/HTTPS' },
    ]
    const result = validateSystem(system, ruleIds)
    if (!result.success) throw new Error('invalid')
    expect(relationsOf(result.model)[1]).toEqual({
      from: 'signIn',
      to: 'mainframe',
      description: 'Checks the account',
      technology: 'XML/HTTPS',
      source: 'declared',
    })
    system.components.signIn.relations = [{ to: 'mainfram' }]
    expect(findingsOf(system)).toEqual([
      {
        rule: 'model/invalid',
        element: 'components.signIn.relations[0].to',
        message: 'unknown element "mainfram" (did you mean "mainframe"?)',
      },
    ])
  })
})
