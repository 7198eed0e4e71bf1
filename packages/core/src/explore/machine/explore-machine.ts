/**
 * Explores one XState machine (within the bounds) and reports what it finds: on the way,
 * broken invariants and `never` predicates, deadlocks and errors; once the search is
 * complete, unreachable states, events that never change anything and, for a machine
 * that can finish, states from which it never can. Those last three claim an absence, so
 * an incomplete search makes none of them.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate'
import type { Finding } from '../../diagnostics/types.js'
import { describeEnvironmentEvents, type EventDescription } from '../../model/describe-event.js'
import { elementPath, type PathSegment } from '../../model/element-path.js'
import type { MachineModel } from '../../model/types.js'
import { exploreBreadthFirst, type ExplorationRun, type ExploreOptions } from '../engine/breadth-first.js'
import { describeThrown, showMs } from '../describe.js'
import type { StopAt } from '../engine/heartbeat.js'
import type { ExplorationBounds } from '../types.js'
import { incompleteFinding, statsOf, type ExplorationOutcome } from '../report/outcome.js'
import { roundMs, simulateAfter } from '../engine/simulate.js'
import { withTraces } from '../engine/trace.js'
import { growthAdvice, growthHint } from '../report/unbounded.js'
import { describeStateNode } from '../../model/state-nodes.js'
import { isPlainObject } from '../../model/recognise.js'
import { inertActorScope } from './actor-scope.js'
import { inertTransitions } from './inert-transitions.js'
import { snapshotsThatCanFinish } from './final-paths.js'
import { machineEvents } from './machine-events.js'
import { MachineSystem } from './machine-system.js'
import { withStandIns } from '../../model/machine-stand-ins.js'
import { canFinish, hasHistory, nodePath, nodeName, stateNodesBelow, stuckLeaves } from './state-nodes.js'
import { exploreError } from '../../rules/explore/error.js'
import { exploreIncomplete } from '../../rules/explore/incomplete.js'
import { stateNoFinalPath } from '../../rules/state/no-final-path.js'
import { stateUnreachable } from '../../rules/state/unreachable.js'
import { stateUnusedEvent } from '../../rules/state/unused-event.js'

export function exploreMachine(
  id: string,
  model: MachineModel,
  options: Omit<ExploreOptions, 'element'>,
): ExplorationOutcome {
  const path = ['machines', id]
  const element = elementPath(path)
  if (options.stopAt?.state === -1) return initialNeverMade(path, options.stopAt, options.bounds)
  const prepared = machineSystem(id, model)
  if ('error' in prepared)
    return {
      stats: { element, states: 0, transitions: 0, complete: false, ms: 0, depth: 0, collisionProbability: 0 },
      findings: [exploreError.finding(path, `the initial snapshot threw: ${prepared.error}`)],
    }
  const { system, finishes, machine, events } = prepared
  const initial = system.initial
  const run = exploreBreadthFirst(system, { ...options, element })
  const inert = inertTransitions(machine)
  if (run.bound === undefined && !system.failed) {
    system.liveness?.check(run.states)
    reportUnreachable(id, machine, system)
    reportUnusedEvents(id, system, inert.shadowing, events)
    if (finishes) reportNoFinalPath(id, run.states, system)
  }
  // What the config alone shows needs no complete search.
  reportInertEvents(id, inert.inert, system)
  // Snapshots are values XState never changes: every behaviour may start from the same one.
  const simulation = simulateAfter(system, system.recorder.findings, run, () => initial, options)
  const findings = withEventWords(withTraces(system.recorder.findings, run.visited, system, initial), events)
  const liveness = system.liveness !== undefined
  const incomplete = incompleteFinding(
    path,
    run,
    options.bounds,
    unboundedAdvice(run, system, events, initial),
    liveness,
  )
  if (incomplete) findings.push(incomplete)
  const explored = statsOf(element, run, system.failed, liveness)
  const stats = simulation === undefined ? explored : { ...explored, complete: false, simulation: roundMs(simulation) }
  return { stats: options.coverage ? { ...stats, coverage: system.coverage.entries() } : stats, findings }
}

/** A previous run never got the initial snapshot made: its context, entry actions or eventless transitions do not return. */
function initialNeverMade(path: PathSegment[], stopAt: StopAt, bounds: ExplorationBounds): ExplorationOutcome {
  const bound = stopAt.reason === 'step' ? undefined : stopAt.reason
  const message =
    bound === 'time'
      ? `exploration stopped at the time bound of ${bounds.timeoutMs} ms, before the initial snapshot was made (its context, entry actions or eventless transitions run too long): nothing is checked`
      : bound === 'memory'
        ? `exploration stopped at the memory bound of ${bounds.maxMemoryMb} MB, before the initial snapshot was made (its context, entry actions or eventless transitions hold more): nothing is checked`
        : `the initial snapshot did not finish within ${showMs(stopAt.limitMs)}: its context, entry actions or eventless transitions do not return (or are far too slow)`
  return {
    stats: {
      element: elementPath(path),
      states: 0,
      transitions: 0,
      complete: false,
      ms: 0,
      depth: 0,
      ...(bound === undefined ? {} : { bound }),
      collisionProbability: 0,
    },
    findings: [(bound === undefined ? exploreError : exploreIncomplete).finding(path, message)],
  }
}

/** The topmost unreached states: the substates of an unreached state are unreached with it. */
function reportUnreachable(id: string, machine: AnyStateMachine, system: MachineSystem): void {
  for (const node of stateNodesBelow(machine.root)) {
    if (
      system.reached.has(node) ||
      (node.parent !== undefined && node.parent !== machine.root && !system.reached.has(node.parent))
    )
      continue
    const below = stateNodesBelow(node).length
    const substates = below === 0 ? '' : `, nor any of its ${below} substate${below === 1 ? '' : 's'}`
    system.recorder.record(
      stateUnreachable,
      nodePath(id, node),
      `state ${nodeName(node)} is unreachable: no step from the initial state enters it${substates}`,
      undefined,
    )
  }
}

/** Event types never taken; where a reached state blocks the type's handler with a transition that changes nothing, that was decided. */
function reportUnusedEvents(
  id: string,
  system: MachineSystem,
  shadowing: ReadonlyMap<string, AnyStateNode[]>,
  events: Map<string, EventDescription>,
): void {
  system.taken.forEach((taken, typeIndex) => {
    if (taken) return
    const type = system.eventTypes[typeIndex]!
    if (shadowing.get(type)?.some((node) => system.reached.has(node))) return
    // XState's own events are named as the machine names them, at the invoke or delay.
    system.recorder.record(
      stateUnusedEvent,
      events.get(type)?.path ?? ['machines', id, 'events', type],
      `${eventName(type, events)} is never taken: in no reachable snapshot does XState take a transition for it`,
      undefined,
    )
  })
}

/** Event types whose every transition has no target and no actions: XState never takes them anywhere. */
function reportInertEvents(id: string, inert: ReadonlyMap<string, AnyStateNode[]>, system: MachineSystem): void {
  for (const [type, nodes] of inert) {
    const one = nodes.length === 1
    system.recorder.record(
      stateUnusedEvent,
      ['machines', id, 'events', type],
      `event ${JSON.stringify(type)} changes nothing: its transition${one ? '' : 's'} (${nodes.map(describeStateNode).join(', ')}) ${one ? 'has' : 'have'} no target and no actions, and ${one ? 'blocks' : 'block'} no transition of an enclosing state`,
      undefined,
    )
  }
}

/** `event "GO"`, or for one of XState's own events, `the event fetchUser failed (invoked in state "a")`. */
function eventName(type: string, events: Map<string, EventDescription>): string {
  const described = events.get(type)
  return described ? `the event ${described.words}` : `event ${JSON.stringify(type)}`
}

/** Trace steps of XState's own events say in words what happened (the type stays the action, as replayed). */
function withEventWords(findings: Finding[], events: Map<string, EventDescription>): Finding[] {
  for (const { trace } of findings)
    for (const step of trace ?? []) {
      const described = events.get(step.action)
      if (described) step.description = described.words
    }
  return findings
}

function reportNoFinalPath(id: string, states: number, system: MachineSystem): void {
  const canFinish = snapshotsThatCanFinish(states, system.steps, system.finished)
  // A leaf that some snapshot able to finish is in is not why another snapshot cannot (in
  // parallel regions, the other region is): blamed only where no leaf is that sure.
  const finishingLeaves = new Set<AnyStateNode>()
  for (let index = 0; index < states; index++)
    if (canFinish[index] === 1)
      for (const leaf of system.configurations[system.configurationOf.at(index)]!) finishingLeaves.add(leaf)
  for (let index = 0; index < states; index++) {
    // A deadlock cannot finish either; it has its own, more specific finding.
    if (canFinish[index] === 1 || system.deadlocked.has(index)) continue
    const leaves = system.configurations[system.configurationOf.at(index)]!
    const doomed = leaves.filter((leaf) => !finishingLeaves.has(leaf))
    for (const leaf of doomed.length > 0 ? doomed : stuckLeaves(leaves))
      system.recorder.record(
        stateNoFinalPath,
        nodePath(id, leaf),
        `from state ${nodeName(leaf)} the machine can never finish: no final state is reachable from there`,
        { state: index },
      )
  }
}

/**
 * The machine as a transition system, as exploration runs it (missing actors and delays
 * replaced by stand-ins), and whether it can finish; `error` (described) where its initial
 * snapshot throws.
 */
export function machineSystem(
  id: string,
  model: MachineModel,
):
  | { system: MachineSystem; finishes: boolean; machine: AnyStateMachine; events: Map<string, EventDescription> }
  | { error: string } {
  const machine = withStandIns(id, model.machine)
  const scope = inertActorScope()
  let initial: AnyMachineSnapshot
  try {
    initial = machine.getInitialSnapshot(scope, model.input) as AnyMachineSnapshot
    // XState catches what the initial context or entry actions throw, and hands back an errored snapshot.
    if (initial.status === 'error') throw initial.error
  } catch (error) {
    return { error: describeThrown(error) }
  }
  const events = describeEnvironmentEvents(id, machine)
  const finishes = canFinish(machine.root)
  const system = new MachineSystem(
    id,
    model,
    machine,
    scope,
    machineEvents(machine, (model.events ?? {}) as Record<string, Record<string, unknown>[]>),
    initial,
    {
      keepSteps: finishes,
      keyHistory: hasHistory(machine),
      eventName: (type) => eventName(type, events),
    },
  )
  // Eventless transitions taken on the way to the initial snapshot left the states they passed.
  system.passedThrough()
  return { system, finishes, machine, events }
}

/** The hint for a machine whose search was still going deeper: its context's fields, its events. */
function unboundedAdvice(
  run: ExplorationRun,
  system: MachineSystem,
  events: Map<string, EventDescription>,
  initial: AnyMachineSnapshot,
): string | undefined {
  const hint = growthHint(
    run,
    {
      replay: (snapshot, action) => system.replay(snapshot, action),
      fields: ({ context }) =>
        isPlainObject(context)
          ? Object.fromEntries(Object.entries(context).map(([key, value]) => [`context.${key}`, value]))
          : { context },
      actionName: (action) => {
        const type = system.label(action).action
        return events.get(type)?.words ?? type
      },
    },
    initial,
  )
  return hint && growthAdvice(hint, 'events', run.bound === 'memory' || run.bound === 'time' ? run.bound : 'states')
}
