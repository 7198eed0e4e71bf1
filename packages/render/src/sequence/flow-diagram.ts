/**
 * A flow as a `sequenceDiagram`: components as participants (actors as `actor`), trust
 * zones as boxes, each step a message labelled with its contract or message, a note with
 * the auth decision where a step crosses zones (or that there is none, into a more
 * trusted zone), an `alt` block with
 * each declared error of the step's contract and how it is handled, and a `break` block
 * for what happens when the called component fails.
 */
import { kindOf, type FlowDefinition, type FlowStep, type Model } from '@plumbline/core'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidBlockLabel, mermaidLabel } from '../escape/label.js'
import { stepLabel, zoneOf } from '../model-reading.js'
import { participantGroups } from './participants.js'

type Lines = Array<readonly [number, string]>

/**
 * A light tint, so zones read as areas. Given first, so no zone name is taken for a colour;
 * spelled as browsers (and jsdom) normalise it, which is how Mermaid recognises a colour.
 */
const BOX_COLOUR = 'rgba(128, 128, 128, 0.08)'
const NOT_HANDLED = 'not handled'
const AUTH_NOT_DECIDED = 'not decided'
/** Block labels for names Mermaid cannot wrap intact (see `mermaidBlockLabel`): the name is on the reply and the step. */
const ERROR_BLOCK = 'error'
const FAILURE_BLOCK = 'fails'
/** Mermaid 10 cannot draw a note with no visible text (it fails to measure it). */
const EMPTY_NOTE = '(no text)'

export function flowDiagram(model: Model, flow: FlowDefinition): MermaidDiagram {
  const ids = new IdAllocator('p_')
  const idOf = (component: string): string => ids.idFor(component)

  const lines: Lines = [[0, 'sequenceDiagram']]
  for (const { zone, components } of participantGroups(model, flow)) {
    const depth = zone === undefined ? 1 : 2
    if (zone !== undefined) lines.push([1, `box ${BOX_COLOUR} ${mermaidLabel(zone)}`])
    for (const component of components) {
      const keyword = kindOf(model, component) === 'person' ? 'actor' : 'participant'
      lines.push([depth, `${keyword} ${idOf(component)} as ${mermaidLabel(component)}`])
    }
    if (zone !== undefined) lines.push([1, 'end'])
  }
  let edges = 0
  for (const step of flow.steps) {
    const stepLines = stepDiagram(model, step, idOf)
    edges += stepLines.filter(([, line]) => line.includes('->>')).length
    lines.push(...stepLines)
  }
  return { text: diagramText(lines), edges }
}

function stepDiagram(model: Model, step: FlowStep, idOf: (component: string) => string): Lines {
  const from = idOf(step.from)
  const to = idOf(step.to)
  const lines: Lines = [[1, `${from}->>${to}: ${mermaidLabel(stepLabel(step))}`]]
  const auth = authNote(model, step)
  if (auth !== undefined) lines.push([1, `Note over ${from},${to}: ${mermaidLabel(`auth: ${auth}`)}`])
  const errors = Object.keys((step.contract === undefined ? undefined : model.contracts[step.contract])?.errors ?? {})
  errors.forEach((error, index) => {
    lines.push(
      [1, `${index === 0 ? 'alt' : 'else'} ${mermaidBlockLabel(error) ?? ERROR_BLOCK}`],
      [2, `${to}-->>${from}: ${mermaidLabel(error)}`],
      [2, `Note over ${from}: ${mermaidLabel(noteText(step.onError?.[error] ?? NOT_HANDLED))}`],
    )
  })
  if (errors.length > 0) lines.push([1, 'end'])
  if (step.onFailure !== undefined)
    lines.push(
      [1, `break ${mermaidBlockLabel(`${step.to} fails`) ?? FAILURE_BLOCK}`],
      [2, `Note over ${from}: ${mermaidLabel(noteText(step.onFailure))}`],
      [1, 'end'],
    )
  return lines
}

function noteText(text: string): string {
  return text.trim() === '' ? EMPTY_NOTE : text
}

/**
 * On a step between two zones: its auth decision where it states one, and where a step
 * into a more trusted zone states none, that it is not decided.
 */
function authNote(model: Model, step: FlowStep): string | undefined {
  const fromZone = zoneOf(model, step.from)
  const toZone = zoneOf(model, step.to)
  if (fromZone === undefined || toZone === undefined || fromZone === toZone) return undefined
  const inward = (model.zones[toZone]?.trust ?? 0) > (model.zones[fromZone]?.trust ?? 0)
  return stepAuth(model, step) ?? (inward ? AUTH_NOT_DECIDED : undefined)
}

function stepAuth(model: Model, step: FlowStep): string | undefined {
  return step.auth ?? (step.contract === undefined ? undefined : model.contracts[step.contract]?.auth)
}
