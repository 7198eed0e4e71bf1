import { describe, expect, test } from 'vitest'
import { parseSequenceDiagram } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { shopModel } from '../testing/fixture-models.js'
import { traceStates } from '../document/trace-states.js'
import { showValue, traceDiagram } from './trace-diagram.js'

describe('traceDiagram', () => {
  const counterexample = {
    subject: 'accounts',
    initial: { users: [] },
    trace: [
      { action: 'signUp', params: { email: 'ann@x' }, state: { users: [{ email: 'ann@x' }] } },
      { action: 'tick', params: {}, state: { users: [{ email: 'ann@x' }, { email: 'ann@x' }] } },
      { action: 'tick', params: {}, state: { users: [{ email: 'ann@x' }, { email: 'ann@x' }] } },
    ],
    conclusion: 'invariant uniqueEmails does not hold',
  }

  test('each step a message from the environment, the fields it changed a note, what broke last and highlighted', async () => {
    const diagram = traceDiagram(counterexample)
    expect(diagram.text).toBe(`sequenceDiagram
  participant p_environment as environment
  participant p_subject as accounts
  Note over p_subject: initial#58; #123;#34;users#34;#58;#91;#93;#125;
  p_environment->>p_subject: signUp #123;#34;email#34;#58;#34;ann@x#34;#125;
  Note over p_subject: users#91;0#93;#58; absent → #123;#34;email#34;#58;#34;ann@x#34;#125;
  p_environment->>p_subject: tick
  Note over p_subject: users#91;1#93;#58; absent → #123;#34;email#34;#58;#34;ann@x#34;#125;
  p_environment->>p_subject: tick
  Note over p_subject: nothing changes
  rect rgba(255,0,0,0.12)
    Note over p_environment,p_subject: ✗ invariant uniqueEmails does not hold
  end
`)
    for (const version of VERSIONS)
      expect((await parseSequenceDiagram(version, diagram.text)).lines).toEqual([
        'note p_subject→p_subject: initial: {"users":[]}',
        'message p_environment→p_subject: signUp {"email":"ann@x"}',
        'note p_subject→p_subject: users[0]: absent → {"email":"ann@x"}',
        'message p_environment→p_subject: tick',
        'note p_subject→p_subject: users[1]: absent → {"email":"ann@x"}',
        'message p_environment→p_subject: tick',
        'note p_subject→p_subject: nothing changes',
        'rect: rgba(255,0,0,0.12)',
        'note p_environment→p_subject: ✗ invariant uniqueEmails does not hold',
        'end: ',
      ])
  })

  test('a machine’s events by the names its state diagram gives them, each change a line', async () => {
    const model = await shopModel()
    const machine = model.machines.order?.machine
    if (machine === undefined) throw new Error('no machine')
    const diagram = traceDiagram({
      subject: 'order',
      machine,
      initial: { value: 'draft', context: { tries: 0 } },
      trace: [
        { action: 'PAY', params: {}, state: { value: 'paying', context: { tries: 0 } } },
        {
          action: 'xstate.error.actor.0.order.paying',
          description: 'charge failed (invoked in state "paying")',
          params: {},
          state: { value: 'draft', context: { tries: 1 } },
        },
        {
          action: 'xstate.after.paymentTimeout.order.paying',
          params: {},
          state: { value: 'draft', context: { tries: 1 } },
        },
      ],
      conclusion: 'state/deadlock',
    })
    for (const version of VERSIONS)
      expect((await parseSequenceDiagram(version, diagram.text)).lines.slice(1, 7)).toEqual([
        'message p_environment→p_subject: PAY',
        'note p_subject→p_subject: value: "draft" → "paying"',
        'message p_environment→p_subject: charge failed',
        'note p_subject→p_subject: value: "paying" → "draft"\ncontext.tries: 0 → 1',
        'message p_environment→p_subject: after paymentTimeout (30s)',
        'note p_subject→p_subject: nothing changes',
      ])
  })

  test('the full state after each step, for the document, in a collapsed block no value can break out of', () => {
    expect(
      traceStates({ note: '```' }, [{ action: 'signUp', params: {}, state: { note: '````', users: ['ann@x'] } }]),
    ).toBe(`<details>
<summary>The full state after each step</summary>

\`\`\`\`\`json
initial: {
  "note": "\`\`\`"
}
1. after signUp: {
  "note": "\`\`\`\`",
  "users": [
    "ann@x"
  ]
}
\`\`\`\`\`

</details>`)
  })

  test('a lasso: the steps that repeat in a loop block, saying where it goes back to', async () => {
    const lasso = { ...counterexample, conclusion: 'liveness resetEnds does not hold', loop: 1 }
    const diagram = traceDiagram(lasso)
    expect(diagram.text).toBe(`sequenceDiagram
  participant p_environment as environment
  participant p_subject as accounts
  Note over p_subject: initial#58; #123;#34;users#34;#58;#91;#93;#125;
  p_environment->>p_subject: signUp #123;#34;email#34;#58;#34;ann@x#34;#125;
  Note over p_subject: users#91;0#93;#58; absent → #123;#34;email#34;#58;#34;ann@x#34;#125;
  loop for ever, back to the state after step 1
    p_environment->>p_subject: tick
    Note over p_subject: users#91;1#93;#58; absent → #123;#34;email#34;#58;#34;ann@x#34;#125;
    p_environment->>p_subject: tick
    Note over p_subject: nothing changes
  end
  rect rgba(255,0,0,0.12)
    Note over p_environment,p_subject: ✗ liveness resetEnds does not hold
  end
`)
    for (const version of VERSIONS)
      expect((await parseSequenceDiagram(version, diagram.text)).lines).toEqual([
        'note p_subject→p_subject: initial: {"users":[]}',
        'message p_environment→p_subject: signUp {"email":"ann@x"}',
        'note p_subject→p_subject: users[0]: absent → {"email":"ann@x"}',
        'loop: for ever, back to the state after step 1',
        'message p_environment→p_subject: tick',
        'note p_subject→p_subject: users[1]: absent → {"email":"ann@x"}',
        'message p_environment→p_subject: tick',
        'note p_subject→p_subject: nothing changes',
        'end: ',
        'rect: rgba(255,0,0,0.12)',
        'note p_environment→p_subject: ✗ liveness resetEnds does not hold',
        'end: ',
      ])
    const stops = traceDiagram({ ...lasso, loop: lasso.trace.length })
    expect(stops.text).toContain('  Note over p_subject: stops here for ever#58; nothing is enabled\n')
    for (const version of VERSIONS)
      expect((await parseSequenceDiagram(version, stops.text)).lines).toContain(
        'note p_subject→p_subject: stops here for ever: nothing is enabled',
      )
  })

  test('a violation in the initial state has no steps', () => {
    expect(traceDiagram({ ...counterexample, trace: [] }).edges).toBe(0)
  })

  test('long values one field a line; values JSON cannot show, as text', () => {
    expect(
      showValue({ value: 'active', context: { attempts: 3, email: 'someone@example.com', verified: false } }),
    ).toBe(
      '{\n "value": "active",\n "context": {\n  "attempts": 3,\n  "email": "someone@example.com",\n  "verified": false\n }\n}',
    )
    expect(showValue(undefined)).toBe('undefined')
    expect(showValue(10n)).toBe('10')
  })
})
