/**
 * A machine too big to read in one diagram (more states than a person follows, or past
 * what Mermaid draws on GitHub and GitLab: 500 edges, 50,000 characters) is drawn in
 * parts: an overview of its top-level states, then one diagram per composite state with
 * its own states. Each limit is an option.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import type { Diagnostic } from '@plumbline/core'
import { MERMAID_LIMITS, type MermaidDiagram } from '../diagram.js'
import { isLeaf } from './edge-ends.js'
import { stateDiagram, stateDiagramPart, type StateDiagramOptions } from './state-diagram.js'

export interface SplitLimits {
  /** States (at any depth) above which a machine is drawn in parts. */
  maxStates: number
  maxEdges: number
  maxChars: number
}

export const DEFAULT_SPLIT_LIMITS: SplitLimits = {
  maxStates: 40,
  maxEdges: MERMAID_LIMITS.maxEdges,
  maxChars: MERMAID_LIMITS.maxTextSize,
}

export interface StateDiagramPart {
  /** The composite state drawn, by its path of keys; empty for the whole machine or its overview. */
  path: string[]
  diagram: MermaidDiagram
}

/** The whole machine in one part when it fits the limits; else the overview first, then every composite state. */
export function stateDiagramParts(
  machineId: string,
  machine: AnyStateMachine,
  diagnostics: readonly Diagnostic[] = [],
  options: StateDiagramOptions & { limits?: Partial<SplitLimits> } = {},
): StateDiagramPart[] {
  const limits = { ...DEFAULT_SPLIT_LIMITS, ...options.limits }
  const whole = stateDiagram(machineId, machine, diagnostics, options)
  const states = descendants(machine.root)
  if (states.length <= limits.maxStates && whole.edges <= limits.maxEdges && whole.text.length <= limits.maxChars)
    return [{ path: [], diagram: whole }]
  return [machine.root, ...states.filter((node) => !isLeaf(node))].map((scope) => ({
    path: scope.path,
    diagram: stateDiagramPart(machineId, machine, scope, diagnostics, options),
  }))
}

function descendants(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...descendants(child)])
}
