import { describe, expect, it } from 'vitest'
import { createLocator } from './locate-elements.js'

/** A small project in memory: file name → text. */
function locatorFor(files: Record<string, string>, model = '/p/model.ts') {
  return createLocator(model, {
    readText: (file) => files[file],
    resolveImport: (specifier, from) => {
      if (!specifier.startsWith('.')) return undefined
      const base = new URL(specifier, `file://${from}`).pathname.replace(/\.js$/, '.ts')
      return base in files ? base : undefined
    },
    display: (file) => file.slice('/p/'.length),
  })
}

const machineFile = `import { setup } from 'xstate'
export const accountMachine = setup({}).createMachine({
  initial: 'pending',
  states: {
    pending: { on: { VERIFY: 'active' } },
    active: {
      initial: 'idle',
      states: { idle: {} },
    },
  },
})
`

const modelFile = `import { z } from 'zod'
import { defineSystem, defineStore } from '@plumbline/core'
import { accountMachine } from './machines/account.js'

const common = { api: { zone: 'app' } }

const accounts = defineStore({
  initial: { users: [] as string[] },
  operations: {
    signUp: { apply: (s) => s },
  },
  invariants: {
    uniqueEmails: (s) => true,
  },
})

export default defineSystem({
  name: 'accounts',
  components: { ...common, 'the db': { zone: 'data' } },
  flows: {
    signUp: {
      steps: [
        { from: 'browser', to: 'api' },
        { from: 'api', to: 'db', message: 'insert' },
      ],
    },
  },
  machines: {
    account: { machine: accountMachine, invariants: { ok: () => true } },
  },
  stores: { accounts },
} satisfies object)
`

describe('createLocator', () => {
  const locator = locatorFor({ '/p/model.ts': modelFile, '/p/machines/account.ts': machineFile })

  it.each([
    ['', 17, 16],
    ['name', 18, 3],
    ['components.api', 5, 18],
    ['components.api.zone', 5, 25],
    ['components["the db"].zone', 19, 40],
    ['flows.signUp.steps[1]', 24, 9],
    ['flows.signUp.steps[1].message', 24, 34],
    ['stores.accounts', 31, 13],
    ['stores.accounts.invariants.uniqueEmails', 13, 5],
    ['stores.accounts.operations.signUp', 10, 5],
    ['machines.account.invariants.ok', 29, 55],
  ])('%s is written at line %i, column %i of the model', (element, line, column) => {
    expect(locator.locate(element)).toEqual({ file: 'model.ts', line, column })
  })

  it('follows a machine into the file that defines it', () => {
    expect(locator.locate('machines.account.states.active.states.idle')).toEqual({
      file: 'machines/account.ts',
      line: 8,
      column: 17,
    })
  })

  it('gives the nearest enclosing element where the element itself is not written', () => {
    expect(locator.locate('flows.signUp.steps[1].onFailure')).toEqual({ file: 'model.ts', line: 24, column: 9 })
    expect(locator.locate('machines.account.events.VERIFY')).toEqual({ file: 'model.ts', line: 29, column: 5 })
    expect(locator.locate('flows.signUp.steps[7]')).toEqual({ file: 'model.ts', line: 22, column: 7 })
  })

  it('gives the system where it is not a literal it can read, and the file alone where there is no system', () => {
    const built = locatorFor({ '/p/model.ts': `import { make } from './make.js'\nexport default make('x')\n` })
    expect(built.locate('flows.f')).toEqual({ file: 'model.ts', line: 2, column: 16 })
    expect(locatorFor({}).locate('flows.f')).toEqual({ file: 'model.ts' })
    expect(locatorFor({ '/p/model.ts': 'export default {{{' }).locate('name')).toEqual({ file: 'model.ts' })
    expect(locator.locate('not an element path')).toEqual({ file: 'model.ts' })
  })

  it('reads plain JavaScript models and `export { x as default }`', () => {
    const js = locatorFor(
      {
        '/p/model.js': `const system = {\n  name: 'x',\n  zones: { app: { trust: 1 } },\n}\nexport { system as default }\n`,
      },
      '/p/model.js',
    )
    expect(js.locate('zones.app.trust')).toEqual({ file: 'model.js', line: 3, column: 19 })
  })
})
