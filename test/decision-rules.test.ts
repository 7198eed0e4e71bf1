import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, runCli } from './helpers/cli.js'

const accounts = path.join(fixtures, 'accounts')
/** Where each element is written in every-gap.ts (or the nearest enclosing element that is). */
const at = (line: number, column: number) => ({ file: 'every-gap.ts', line, column })

describe('plumbline check on the decision rules', () => {
  it('reports one gap per rule with exact ids, element paths and messages, and the near misses not at all', async () => {
    const result = await runCli(['check', 'every-gap.ts', '--format', 'json'], { cwd: accounts })
    expect(result.exitCode).toBe(1)
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics).toEqual([
      {
        rule: 'identity/missing',
        severity: 'error',
        element: 'entities.Product',
        location: at(31, 5),
        message: 'entity "Product" has no identity: nothing says which fields make two records the same Product',
      },
      {
        rule: 'identity/uniqueness-undecided',
        severity: 'warning',
        element: 'entities.Customer',
        location: at(30, 5),
        message: `field "email" looks identifying, but entity "Customer" decides nothing about uniqueness: add unique: [["email"]], or unique: 'none' if values may repeat`,
      },
      {
        rule: 'identity/ambiguous-target',
        severity: 'error',
        element: 'stores.customers.operations.deleteAccount.target',
        location: at(53, 55),
        message:
          'operation "deleteAccount" addresses Customer by [email], which is neither its identity ([id]) nor a unique key (none declared): one call may act on several Customer records',
      },
      {
        rule: 'contract/mismatch',
        severity: 'error',
        element: 'flows.checkout.steps[2].contract',
        location: at(43, 39),
        message:
          'the step goes "api" → "browser", but contract "signUp" is "browser" → "api" (the reply is part of the call, not a step of its own)',
      },
      {
        rule: 'error/unhandled',
        severity: 'error',
        element: 'flows.checkout.steps[0].onError.OutOfStock',
        location: at(41, 77),
        message: 'contract "placeOrder" may answer "OutOfStock", and this step does not say how that is handled',
      },
      {
        rule: 'sequence/use-before-produce',
        severity: 'error',
        element: 'flows.checkout.steps[1].consumes[0]',
        location: at(42, 70),
        message: 'this step consumes "orderId", which no earlier step produces',
      },
      {
        rule: 'sequence/infeasible-flow',
        severity: 'error',
        element: 'flows.checkout.steps[0].event',
        location: at(41, 63),
        message: 'event "pay" is refused by machine "order" in state "open" (accepted there: "add")',
      },
      {
        rule: 'failure/unhandled',
        severity: 'warning',
        element: 'flows.checkout.steps[1].onFailure',
        location: at(42, 9),
        message: 'this step calls datastore "db" and does not say what happens when it fails or times out',
      },
      {
        rule: 'failure/unhandled',
        severity: 'warning',
        element: 'machines.order.states.paying.invoke.charge',
        location: at(15, 15),
        message: 'state "paying" invokes "charge" and does not say what happens when it fails (onError)',
      },
      {
        rule: 'boundary/undeclared-zone',
        severity: 'error',
        element: 'components.mailer.zone',
        location: at(27, 5),
        message: 'component "mailer" is in no zone, but the system declares zones ("internet", "app", "data")',
      },
      {
        rule: 'boundary/unauthenticated-crossing',
        severity: 'error',
        element: 'contracts.placeOrder.auth',
        location: at(34, 5),
        message: `contract "placeOrder" crosses from zone "internet" (trust 0) into the more trusted zone "app" (trust 1), and states no auth (auth: 'none' if anyone may call it)`,
      },
    ])
  })

  it('passes the decided accounts model', async () => {
    expect(await runCli(['check', 'decided.ts'], { cwd: accounts })).toEqual({
      exitCode: 0,
      stdout:
        'decided.ts (decided accounts)\n  ✔ no findings\n  explored machines.account: 3 states, 3 transitions, depth 1\n  explored stores.users: 1 state, 2 transitions, depth 0\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n',
      stderr: '',
    })
  })
})

describe('plumbline check --rule', () => {
  const severities = async (...args: string[]) => {
    const result = await runCli(['check', 'accounts-naive.ts', '--format', 'json', ...args], { cwd: fixtures })
    const diagnostics = JSON.parse(result.stdout).models[0].diagnostics as Array<{ rule: string; severity: string }>
    return { exitCode: result.exitCode, found: diagnostics.map((d) => `${d.rule}=${d.severity}`) }
  }

  it('uses the default severities without it', async () => {
    expect(await severities()).toEqual({
      exitCode: 1,
      found: [
        'identity/uniqueness-undecided=warning',
        'identity/ambiguous-target=error',
        'identity/ambiguous-target=error',
        'effect/violated=error',
        'effect/violated=error',
      ],
    })
  })

  it('sets severities, drops a rule set to off, and lets the last setting of a rule win', async () => {
    const effectsOff = ['--rule', 'effect/violated=off']
    expect(
      await severities(
        ...effectsOff,
        '--rule',
        'identity/ambiguous-target=warn',
        '--rule',
        'identity/uniqueness-undecided=info',
      ),
    ).toEqual({
      exitCode: 0,
      found: [
        'identity/uniqueness-undecided=info',
        'identity/ambiguous-target=warning',
        'identity/ambiguous-target=warning',
      ],
    })
    expect(await severities(...effectsOff, '--rule', 'identity/ambiguous-target=off')).toEqual({
      exitCode: 0,
      found: ['identity/uniqueness-undecided=warning'],
    })
    expect(
      await severities(
        ...effectsOff,
        '--rule',
        'identity/uniqueness-undecided=error',
        '--rule',
        'identity/uniqueness-undecided=off',
      ),
    ).toEqual({
      exitCode: 1,
      found: ['identity/ambiguous-target=error', 'identity/ambiguous-target=error'],
    })
  })

  it.each([
    [
      'identiy/missing=off',
      'unknown rule "identiy/missing" (did you mean "identity/missing"?); plumbline rules lists them',
    ],
    [
      'identity/missing=warning',
      'unknown severity "warning" (did you mean "warn"?); expected one of off, info, warn, error',
    ],
    ['identity/missing=loud', 'unknown severity "loud"; expected one of off, info, warn, error'],
    ['identity/missing', 'expected RULE=SEVERITY, e.g. identity/missing=warn'],
  ])('rejects --rule %s with exit 2, naming the problem', async (setting, reason) => {
    const result = await runCli(['check', 'accounts-naive.ts', '--rule', setting], { cwd: fixtures })
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `error: option '--rule <rule=severity>' argument '${setting}' is invalid. ${reason}\n(run plumbline --help for usage)\n`,
    })
  })
})
