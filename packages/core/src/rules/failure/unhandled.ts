import type { AnyStateNode } from 'xstate'
import { matchesEventDescriptor } from '../../model/event-descriptors.js'
import { invokesOf } from '../../model/invokes.js'
import type { Model } from '../../model/model.js'
import { own } from '../../model/own.js'
import { describeStateNode, stateNodeAt, stateNodesOf } from '../../model/state-nodes.js'
import type { ComponentKind } from '../../model/types.js'
import { defineRule, type Report } from '../define-rule.js'
import { quoted, stepNumber, stepOf } from '../wording.js'

/** Components that fail independently of the caller: a call to one needs a stated failure path. */
const FALLIBLE: ReadonlySet<ComponentKind | undefined> = new Set<ComponentKind>(['datastore', 'queue', 'external'])

export const failureUnhandled = defineRule({
  id: 'failure/unhandled',
  severity: 'warning',
  summary:
    'A step calls a datastore, queue or external service without saying what happens when it fails; or a machine invokes an actor with no onError.',
  explanation: `Databases, queues and other people's services go down, time out and refuse. A flow step
whose target is a datastore, queue or external component says what happens then
(onFailure: retry, answer 503, compensate), reported at the step's onFailure. An XState
invoke says the same with onError: without it, a failing actor leaves the machine in an
error state nobody designed; reported at the invoke
(machines.<id>.states.<…>.invoke.<invoke id>, or invoke[<index>] for an invoke without an
id), and answered also by a transition for xstate.error.actor.<id> in the state or an
ancestor. A warning by default: the happy path is written, the stressed path is not yet
decided.

Bad:
  { from: 'api', to: 'db', message: 'insert user' }
  loading: { invoke: { id: 'fetchUser', src: 'fetchUser', onDone: 'ready' } }

Good:
  { from: 'api', to: 'db', message: 'insert user', onFailure: 'answer 503; nothing was stored' }
  loading: { invoke: { id: 'fetchUser', src: 'fetchUser', onDone: 'ready', onError: 'failed' } }`,
  check: (model, report) => {
    reportSteps(model, report)
    reportInvokes(model, report)
  },
  question: (finding, model) => {
    const located = stepOf(finding, model)
    if (located !== undefined)
      return `What happens when ${located.step.to} fails during ${located.flow} ${stepNumber(located.index)}?`
    const [, machineId, ...below] = finding.path
    const machine = own(model.machines, String(machineId))?.machine
    const invokeAt = below.lastIndexOf('invoke')
    const node = machine && stateNodeAt(machine, below.slice(0, invokeAt))
    const invoke = node && invokesOf(node).find((candidate) => candidate.key === below[invokeAt + 1])
    if (node === undefined || invoke === undefined) return finding.message
    const where = node.path.length === 0 ? 'at its root' : `in state ${node.path.join('.')}`
    return `What should machine ${String(machineId)} do when ${invoke.name} fails (invoked ${where})?`
  },
})

function reportSteps(model: Model, report: Report): void {
  for (const [flowId, flow] of Object.entries(model.flows))
    flow.steps.forEach((step, index) => {
      const kind = own(model.components, step.to)?.kind
      if (step.onFailure !== undefined || !FALLIBLE.has(kind)) return
      report(
        ['flows', flowId, 'steps', index, 'onFailure'],
        `this step calls ${kind} ${quoted(step.to)} and does not say what happens when it fails or times out`,
      )
    })
}

function reportInvokes(model: Model, report: Report): void {
  for (const [machineId, { machine }] of Object.entries(model.machines))
    for (const { node, path } of stateNodesOf(machineId, machine))
      for (const invoke of invokesOf(node))
        if (!handlesError(node, invoke.id))
          report(
            [...path, 'invoke', invoke.key],
            `${describeStateNode(node)} invokes ${quoted(invoke.name)} and does not say what happens when it fails (onError)`,
          )
}

/** True when XState would take a transition for the actor's error event from the node or an ancestor. */
function handlesError(node: AnyStateNode, actorId: string): boolean {
  const errorEvent = `xstate.error.actor.${actorId}`
  for (let current: AnyStateNode | undefined = node; current !== undefined; current = current.parent)
    for (const descriptor of current.transitions.keys()) if (matchesEventDescriptor(errorEvent, descriptor)) return true
  return false
}
