/**
 * `plumbline conform ADAPTER.ts`, the part that is not the terminal's: the adapter checked
 * against its model, the model's graph explored, its covering sequences run on both sides
 * (and, when asked, rejection probes and seeded random sequences, shrunk when they fail),
 * and what was found: at most one finding per (rule, element), the one with the shortest
 * sequence, and the coverage the conforming steps reached.
 */
import { elementPath } from '../model/element-path.js'
import type { Finding } from '../diagnostics/types.js'
import { incompleteFinding, statsOf } from '../explore/report/outcome.js'
import { DEFAULT_BOUNDS, type ExplorationBounds, type ExplorationStats } from '../explore/types.js'
import type { ConformanceStats } from '../report/report.js'
import type { CoverageGoal } from './covering-paths.js'
import type { ExploredGraph } from './explored-graph.js'
import { modelSide, ModelSideError, replayActions, type ModelSide } from './model-side.js'
import { planPaths, validModel } from './plan-paths.js'
import { runSequence, type SequenceRun } from './run-sequence.js'
import { SeededRandom } from './seeded-random.js'
import { shrinkSequence } from './shrink.js'
import { AdapterError, checkBindings, checkTarget, parseAdapter } from './validate-adapter.js'

export interface ConformOptions {
  /** The covering sequences: every reachable transition (the default) or every reachable state. */
  paths?: CoverageGoal
  /** Random sequences besides the covering ones, from a seed. */
  random?: { count: number; seed: number; maxLength: number }
  /** Also try, in each state the covering sequences reach, every action the model disables there. */
  rejections?: boolean
  bounds?: Partial<ExplorationBounds>
  /** The longest one call into the adapter may take to settle, in milliseconds (default 10 s). */
  stepTimeoutMs?: number
  /** Told after each sequence (for a progress line). */
  onSequence?: (done: number) => void
}

export interface ConformResult {
  /** The model's system name. */
  system: string
  findings: Finding[]
  exploration: ExplorationStats
  conformance: ConformanceStats
  /** Whether a call into the adapter was given up on past the step timeout: it may still hold the process open. */
  unsettled: boolean
}

/** As check's `--step-timeout`. */
const DEFAULT_STEP_TIMEOUT_MS = 10_000

export async function conform(adapter: unknown, options: ConformOptions = {}): Promise<ConformResult> {
  const started = performance.now()
  const parsed = parseAdapter(adapter)
  let side: ModelSide
  let system: string
  try {
    const model = validModel(parsed.model)
    system = model.name
    checkTarget(parsed, Object.keys(parsed.kind === 'store' ? model.stores : model.machines))
    side = await modelSide(model, parsed.kind, parsed.id)
  } catch (error) {
    if (error instanceof ModelSideError) throw new AdapterError([{ element: 'model', message: error.message }])
    throw error
  }
  checkBindings(parsed, side.names)
  const bounds = { ...DEFAULT_BOUNDS, ...options.bounds }
  const goal = options.paths ?? 'transitions'
  const planned = planPaths(side, goal, bounds)
  const found = new FoundDivergences()
  const coverage = new Coverage(side, planned.graph)
  let sequences = 0
  let steps = 0
  let unsettled = false
  const run = async (actions: readonly number[]): Promise<SequenceRun> => {
    const result = await runSequence(side, parsed.binding, actions, options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS)
    if (result.unsettled) unsettled = true
    sequences++
    steps += result.steps
    coverage.add(result)
    options.onSequence?.(sequences)
    return result
  }

  // An empty graph still has its initial state to compare.
  const covering = planned.paths.length === 0 ? [[]] : planned.paths.map((path) => path.actions)
  for (const actions of covering) found.add((await run(actions)).divergence)

  let rejections: number | undefined
  if (options.rejections === true) {
    rejections = 0
    for (const state of statesOn(planned.graph, planned.paths)) {
      const prefix = planned.graph.pathTo(state)
      const at = replayActions(side, prefix)
      if (at === undefined) continue
      const enabled = new Set(side.enabled(at).map(({ action }) => action))
      for (let action = 0; action < side.actionCount; action++) {
        if (enabled.has(action)) continue
        rejections++
        found.add((await run([...prefix, action])).divergence)
      }
    }
  }

  if (options.random !== undefined) {
    const random = new SeededRandom(options.random.seed)
    for (let count = 0; count < options.random.count; count++) {
      const actions = randomSequence(side, random, options.random.maxLength)
      const result = await run(actions)
      if (result.divergence === undefined) continue
      const failing = actions.slice(0, result.divergence.trace?.length ?? actions.length)
      const shrunk = await shrinkSequence(
        side,
        failing,
        result.divergence.rule,
        async (candidate) => (await run(candidate)).divergence,
      )
      found.add(shrunk)
    }
  }

  const exploration = statsOf(
    side.element,
    planned.graph.run,
    !planned.complete && planned.graph.run.bound === undefined,
  )
  const incomplete = incompleteFinding(side.path, planned.graph.run, bounds)
  const findings = found.list()
  if (incomplete !== undefined) findings.push(incomplete)
  const covered = coverage.counts()
  return {
    system,
    findings,
    exploration,
    conformance: {
      element: side.element,
      paths: goal,
      sequences,
      steps,
      transitions: { covered: covered.transitions, reachable: planned.graph.edges.length },
      states: { covered: covered.states, reachable: planned.graph.states },
      ...(rejections === undefined ? {} : { rejections }),
      ...(options.random === undefined ? {} : { random: options.random }),
      complete: planned.complete,
      ms: Math.round(performance.now() - started),
    },
    unsettled,
  }
}

/** One finding per (rule, element): the one with the shortest sequence, the first of equals. */
class FoundDivergences {
  private readonly byKey = new Map<string, Finding>()

  add(finding: Finding | undefined): void {
    if (finding === undefined) return
    const key = `${finding.rule}\u0000${elementPath(finding.path)}`
    const known = this.byKey.get(key)
    if (known === undefined || (finding.trace?.length ?? 0) < (known.trace?.length ?? 0)) this.byKey.set(key, finding)
  }

  /** Shortest sequence first: the first divergence is the one to look at. */
  list(): Finding[] {
    return [...this.byKey.values()].sort((a, b) => (a.trace?.length ?? 0) - (b.trace?.length ?? 0))
  }
}

/** The model's transitions and states that conforming steps took and reached, found in the explored graph. */
class Coverage {
  private readonly edgeOf = new Map<number, number>()
  private readonly edges: Uint8Array
  private readonly states: Uint8Array
  private readonly print = new Int32Array(2)

  constructor(
    private readonly side: ModelSide,
    private readonly graph: ExploredGraph,
  ) {
    for (let edge = 0; edge < graph.edges.length; edge++)
      this.edgeOf.set(graph.edges.from.at(edge) * side.actionCount + graph.edges.action.at(edge), edge)
    this.edges = new Uint8Array(graph.edges.length)
    this.states = new Uint8Array(graph.states)
  }

  add(run: SequenceRun): void {
    if (run.divergence === undefined || (run.divergence.trace?.length ?? 0) > 0) this.states[0] = 1
    for (const { before, action } of run.conformed) {
      if (!this.side.system.fingerprint(before, this.print)) continue
      const state = this.graph.run.visited.lookup(this.print[0] ?? 0, this.print[1] ?? 0)
      const edge = state < 0 ? undefined : this.edgeOf.get(state * this.side.actionCount + action)
      if (edge === undefined) continue
      this.edges[edge] = 1
      this.states[this.graph.edges.to.at(edge)] = 1
    }
  }

  counts(): { transitions: number; states: number } {
    return { transitions: count(this.edges), states: count(this.states) }
  }
}

function count(bits: Uint8Array): number {
  let total = 0
  for (const bit of bits) total += bit
  return total
}

/** The states the covering paths pass, the initial one included, in the order the search found them. */
function statesOn(graph: ExploredGraph, paths: readonly { edges: readonly number[] }[]): number[] {
  const passed = new Set<number>([0])
  for (const path of paths) for (const edge of path.edges) passed.add(graph.edges.to.at(edge))
  return [...passed].sort((a, b) => a - b)
}

/** Up to `maxLength` steps, each an enabled action picked at random; shorter where none is enabled. */
function randomSequence(side: ModelSide, random: SeededRandom, maxLength: number): number[] {
  const actions: number[] = []
  let state = side.initial
  while (actions.length < maxLength) {
    const enabled = side.enabled(state)
    if (enabled.length === 0) break
    const { action, next } = enabled[random.below(enabled.length)]!
    actions.push(action)
    state = next
  }
  return actions
}
