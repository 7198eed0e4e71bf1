/**
 * One model, checked: its shape and names, then every structural rule, then the
 * exploration of its machines and stores, then the checklist packs' questions, then
 * decisions applied to findings and questions (so a decision can answer an exploration's
 * finding too), then severities. The result carries the model (when it could be read) so
 * the renderer can draw it beside its findings.
 */
import type { DecidedFinding, Diagnostic, Finding, Question } from '../diagnostics/types.js'
import { exploreModel } from '../explore/explore-model.js'
import type { Interruption } from '../explore/engine/heartbeat.js'
import type { SimulationOptions } from '../explore/types.js'
import {
  DEFAULT_BOUNDS,
  type ExplorationBounds,
  type ExplorationStats,
  type ProgressListener,
} from '../explore/types.js'
import type { Model } from '../model/model.js'
import { validateSystem } from '../validate/validate-system.js'
import { askPacks } from '../questions/packs/ask.js'
import { answerableSources, resolvePacks } from '../questions/packs/index.js'
import { isPackSource, type ChecklistPack } from '../questions/packs/types.js'
import { askedByRule, questionsFrom } from '../questions/questions.js'
import { ruleIds, rules } from '../rules/catalogue.js'
import { applyDecisions } from './apply-decisions.js'
import { toDiagnostics, type SeveritySettings } from './severity.js'

export interface CheckOptions {
  /** Per-rule severities; rules not named keep their default. */
  severities?: SeveritySettings
  bounds?: Partial<ExplorationBounds>
  /** Checklist packs asked besides the built-in ones; a pack named like a built-in one replaces it. */
  packs?: readonly ChecklistPack[]
  /** Called now and then while a long exploration runs (for a progress line). */
  onProgress?: ProgressListener
  /** Written as each exploration goes (`explore/engine/heartbeat.ts`), for a watchdog on another thread. */
  heartbeat?: Int32Array
  /** Steps a previous run of this model never finished (found by that watchdog): explorations stop before them. */
  interruptions?: readonly Interruption[]
  /** The memory the check holds now, in megabytes, for `bounds.maxMemoryMb` (the runner knows what to measure). */
  memoryInUseMb?: () => number
  /** Add to each exploration's stats how often each operation (event type) was enabled and taken. */
  coverage?: boolean
  /** After each store's and machine's search, random behaviours past its bound (`explore/engine/simulate.ts`). */
  simulate?: SimulationOptions
}

export interface SystemCheck {
  /** The system's name, where the model got far enough to have one. */
  system: string | undefined
  /** The validated model; undefined when its shape is broken. */
  model: Model | undefined
  diagnostics: Diagnostic[]
  /** Findings answered by a decision in the model. */
  decided: DecidedFinding[]
  /** The decisions the model leaves open (`plumbline questions`). */
  questions: Question[]
  exploration: ExplorationStats[]
}

export async function checkSystem(value: unknown, options: CheckOptions = {}): Promise<SystemCheck> {
  const severities = options.severities ?? {}
  const packs = resolvePacks(options.packs)
  const validation = validateSystem(value, answerableSources(ruleIds, packs))
  if (!validation.success)
    return {
      system: systemName(value),
      model: undefined,
      diagnostics: toDiagnostics(validation.findings, severities),
      decided: [],
      questions: [],
      exploration: [],
    }
  const { model } = validation
  const findings: Finding[] = [...validation.findings]
  for (const rule of rules) if (rule.check) findings.push(...rule.check(model))
  const exploration = await exploreModel(model, {
    bounds: { ...DEFAULT_BOUNDS, ...options.bounds },
    onProgress: options.onProgress,
    heartbeat: options.heartbeat,
    interruptions: options.interruptions,
    memoryInUseMb: options.memoryInUseMb,
    coverage: options.coverage,
    simulate: options.simulate,
  })
  findings.push(...exploration.findings)
  // Pack questions go through decisions like findings do; they are diagnostics only where the
  // user gives the pack a severity, and not where a rule's finding asks the same thing.
  const { open, decided } = applyDecisions(model, [...findings, ...askPacks(model, packs)])
  const questions = questionsFrom(open, model, severities)
  const diagnostics = toDiagnostics(
    open.filter(
      (finding) =>
        !isPackSource(finding.rule) || (severities[finding.rule] !== undefined && !askedByRule(finding, questions)),
    ),
    severities,
  )
  return {
    system: model.name,
    model,
    diagnostics,
    decided,
    questions,
    exploration: exploration.stats,
  }
}

/**
 * The model `checkSystem` checks, validated as it validates it (the same rules and packs a
 * decision may answer), without checking it: for a caller that has the findings already, from
 * a check on another thread. Undefined when its shape is broken.
 */
export function validatedModel(value: unknown, options: Pick<CheckOptions, 'packs'> = {}): Model | undefined {
  const validation = validateSystem(value, answerableSources(ruleIds, resolvePacks(options.packs)))
  return validation.success ? validation.model : undefined
}

function systemName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' ? name : undefined
}
