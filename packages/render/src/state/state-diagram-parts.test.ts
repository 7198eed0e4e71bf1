import { describe, expect, test } from 'vitest'
import { creditCheckMachine } from '../../../../test/fixtures/render/xstate-examples/credit-check.js'
import { parseStateDiagram } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { stateDiagram } from './state-diagram.js'
import { stateDiagramParts } from './state-diagram-parts.js'

describe('stateDiagramParts', () => {
  test('a machine within the limits is one diagram, the same as stateDiagram draws', () => {
    const parts = stateDiagramParts('multipleCreditCheck', creditCheckMachine)
    expect(parts).toEqual([{ path: [], diagram: stateDiagram('multipleCreditCheck', creditCheckMachine) }])
  })

  test('past a limit: an overview, then each composite with its own states, the states it meets outside it marked', async () => {
    const parts = stateDiagramParts('multipleCreditCheck', creditCheckMachine, [], { limits: { maxStates: 10 } })
    expect(parts.map(({ path }) => path.join('.'))).toEqual([
      '',
      'creditCheck',
      'creditCheck.CheckingCreditScores',
      'creditCheck.CheckingCreditScores.CheckingEquiGavin',
      'creditCheck.CheckingCreditScores.CheckingGavUnion',
      'creditCheck.CheckingCreditScores.CheckingGavperian',
      'creditCheck.DeterminingInterestRateOptions',
    ])
    expect(parts[2]?.diagram.text).toBe(`stateDiagram-v2
  state "CheckingCreditScores" as s_creditCheck_CheckingCreditScores {
    state "CheckingEquiGavin" as s_creditCheck_CheckingCreditScores_CheckingEquiGavin
    s_creditCheck_CheckingCreditScores_CheckingEquiGavin : its states#58; in its own diagram
    --
    state "CheckingGavUnion" as s_creditCheck_CheckingCreditScores_CheckingGavUnion
    s_creditCheck_CheckingCreditScores_CheckingGavUnion : its states#58; in its own diagram
    --
    state "CheckingGavperian" as s_creditCheck_CheckingCreditScores_CheckingGavperian
    s_creditCheck_CheckingCreditScores_CheckingGavperian : its states#58; in its own diagram
  }
  state "creditCheck.Verifying Credentials #40;outside#41;" as s_creditCheck_Verifying_Credentials
  state "creditCheck.DeterminingInterestRateOptions #40;outside#41;" as s_creditCheck_DeterminingInterestRateOptions
  state "creditCheck.Entering Information #40;outside#41;" as s_creditCheck_Entering_Information
  s_creditCheck_Verifying_Credentials --> s_creditCheck_CheckingCreditScores : verifyCredentials done
  s_creditCheck_CheckingCreditScores --> s_creditCheck_DeterminingInterestRateOptions : done #91;allSucceeded#93;
  s_creditCheck_CheckingCreditScores --> s_creditCheck_Entering_Information : done
`)
    for (const { diagram } of parts)
      for (const version of VERSIONS) {
        const { states } = await parseStateDiagram(version, diagram.text)
        expect(states.length).toBeLessThanOrEqual(16)
      }
  })

  test('the edge and character limits split a machine too', () => {
    expect(stateDiagramParts('multipleCreditCheck', creditCheckMachine, [], { limits: { maxEdges: 10 } })).toHaveLength(
      7,
    )
    expect(
      stateDiagramParts('multipleCreditCheck', creditCheckMachine, [], { limits: { maxChars: 1000 } }),
    ).toHaveLength(7)
  })
})
