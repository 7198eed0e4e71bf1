/**
 * Explores one store or machine and plans its covering sequences; also the public
 * `storePaths` / `machinePaths`, which give the sequences as data (each step the action, its
 * params or event payload, and the model's state after it), for a user to drive a browser
 * or an API test with them, as `createTestModel` users do with XState's paths.
 */
import { elementPath } from '../model/element-path.js'
import type { TraceStep } from '../diagnostics/types.js'
import { DEFAULT_BOUNDS, type ExplorationBounds } from '../explore/types.js'
import type { System } from '../model/define.js'
import type { Model } from '../model/model.js'
import { validateSystem } from '../validate/validate-system.js'
import { ruleIds } from '../rules/catalogue.js'
import { coverageOf, coveringPaths, type CoverageGoal, type CoveringPath } from './covering-paths.js'
import { exploreGraph, type ExploredGraph } from './explored-graph.js'
import { modelSide, ModelSideError, type ModelSide } from './model-side.js'

export interface PlannedPaths {
  side: ModelSide
  graph: ExploredGraph
  paths: CoveringPath[]
  /** False when a bound stopped the exploration, or the model's code threw: the graph may miss states. */
  complete: boolean
}

export function planPaths(
  side: ModelSide,
  goal: CoverageGoal,
  bounds: ExplorationBounds,
  keepShown = false,
): PlannedPaths {
  const graph = exploreGraph(side.system, {
    element: side.element,
    bounds,
    ...(keepShown ? { keep: (state: unknown) => side.show(state) } : {}),
  })
  const failed = (side.system as { failed?: boolean }).failed === true
  return { side, graph, paths: coveringPaths(graph, goal), complete: graph.run.bound === undefined && !failed }
}

export interface ModelPaths {
  /** `stores.users` or `machines.order`. */
  element: string
  /** The state every path starts from. */
  initial: unknown
  /** Each path a sequence of steps from the initial state; the model's state after each. */
  paths: TraceStep[][]
  transitions: { covered: number; reachable: number }
  states: { covered: number; reachable: number }
  /** False when a bound stopped the exploration: then some transitions may be missing. */
  complete: boolean
}

export interface PathOptions {
  /** Every reachable transition (the default), or every reachable state. */
  cover?: CoverageGoal
  bounds?: Partial<ExplorationBounds>
}

/** Sequences of a store's operations that cover every reachable transition (or state), each by a shortest prefix. */
export function storePaths(system: System, id: string, options: PathOptions = {}): Promise<ModelPaths> {
  return pathsOf(system, 'store', id, options)
}

/** Sequences of a machine's events that cover every reachable transition (or snapshot), each by a shortest prefix. */
export function machinePaths(system: System, id: string, options: PathOptions = {}): Promise<ModelPaths> {
  return pathsOf(system, 'machine', id, options)
}

async function pathsOf(
  system: System,
  kind: 'store' | 'machine',
  id: string,
  options: PathOptions,
): Promise<ModelPaths> {
  const side = await modelSide(validModel(system), kind, id)
  // The states are kept as shown while the search finds them: no replay of the paths afterwards.
  const planned = planPaths(side, options.cover ?? 'transitions', { ...DEFAULT_BOUNDS, ...options.bounds }, true)
  const covered = coverageOf(planned.graph, planned.paths)
  return {
    element: side.element,
    initial: side.show(side.initial),
    paths: stepsOf(side, planned),
    transitions: { covered: covered.transitions, reachable: planned.graph.edges.length },
    states: { covered: covered.states, reachable: planned.graph.states },
    complete: planned.complete,
  }
}

/**
 * Each path's steps, each a fresh object of one shape: built field by field, not by spreading
 * the label (a spread per step was a fifth of machinePaths' time at 10⁴ snapshots).
 */
function stepsOf(side: ModelSide, { graph, paths }: PlannedPaths): TraceStep[][] {
  const labels = Array.from({ length: side.actionCount }, (_, action) => side.label(action))
  const { action, to } = graph.edges
  return paths.map(({ edges }) => {
    const steps: TraceStep[] = new Array(edges.length)
    for (let index = 0; index < edges.length; index++) {
      const edge = edges[index]!
      const label = labels[action.at(edge)]!
      steps[index] = { action: label.action, params: label.params, state: graph.kept[to.at(edge)] }
    }
    return steps
  })
}

/** The model, validated; a ModelSideError listing what is wrong where it is not valid. */
export function validModel(system: unknown): Model {
  const validation = validateSystem(system, ruleIds)
  const problems = validation.findings.filter((finding) => finding.rule === 'model/invalid')
  if (!validation.success || problems.length > 0)
    throw new ModelSideError(
      `the model is not valid: ${problems.map((finding) => `${elementPath(finding.path)}: ${finding.message}`).join('; ')}`,
    )
  return validation.model
}
