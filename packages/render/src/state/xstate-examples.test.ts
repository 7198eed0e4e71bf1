/**
 * Real machines from statelyai/xstate's examples (test/fixtures/render/xstate-examples),
 * drawn and read back by Mermaid 10 and 11: every transition of the machine is an edge
 * with its label, no notes, no made-up states.
 */
import { describe, expect, test } from 'vitest'
import trivia from '../../../../test/fixtures/render/xstate-examples/trivia.js'
import { creditCheckMachine } from '../../../../test/fixtures/render/xstate-examples/credit-check.js'
import { parseStateDiagram } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { stateDiagram } from './state-diagram.js'

describe('state diagrams of the xstate examples', () => {
  test('trivia game: transitions to an ancestor and across composites are edges; invoked actors in their state', async () => {
    const text = stateDiagram('trivia', trivia).text
    expect(text).toBe(`stateDiagram-v2
  state "homepage" as s_homepage {
    state "loadingData" as s_homepage_loadingData
    s_homepage_loadingData : invokes loadHomePageCharacters
    state "dataLoaded" as s_homepage_dataLoaded
    [*] --> s_homepage_loadingData
    s_homepage_loadingData --> s_homepage_dataLoaded : loadHomePageCharacters done
  }
  state "instructionModal" as s_instructionModal
  state "startTrivia" as s_startTrivia {
    state "loadQuestionData" as s_startTrivia_loadQuestionData {
      state "loadCharacter" as s_startTrivia_loadQuestionData_loadCharacter
      s_startTrivia_loadQuestionData_loadCharacter : invokes loadSingleCharacter
      state "loadRandomCharacters" as s_startTrivia_loadQuestionData_loadRandomCharacters
      s_startTrivia_loadQuestionData_loadRandomCharacters : invokes loadRandomCharacters
      [*] --> s_startTrivia_loadQuestionData_loadCharacter
      s_startTrivia_loadQuestionData_loadCharacter --> s_startTrivia_loadQuestionData_loadRandomCharacters : loadSingleCharacter done
    }
    state "questionReady · stays on user.toggleClue" as s_startTrivia_questionReady {
      state "questionStart" as s_startTrivia_questionReady_questionStart
      state "correctAnswer" as s_startTrivia_questionReady_correctAnswer
      state "incorrectAnswer" as s_startTrivia_questionReady_incorrectAnswer
      state "lostGame" as s_startTrivia_questionReady_lostGame
      state "wonGame" as s_startTrivia_questionReady_wonGame
      [*] --> s_startTrivia_questionReady_questionStart
      s_startTrivia_questionReady_questionStart --> s_startTrivia_questionReady_correctAnswer : user.selectAnswer #91;isAnswerCorrect#93;
      s_startTrivia_questionReady_questionStart --> s_startTrivia_questionReady_incorrectAnswer : user.selectAnswer #91;not#40;isAnswerCorrect#41;#93;
      s_startTrivia_questionReady_correctAnswer --> s_startTrivia_questionReady_lostGame : always #91;hasLostGame#93;
      s_startTrivia_questionReady_correctAnswer --> s_startTrivia_questionReady_wonGame : always #91;hasWonGame#93;
      s_startTrivia_questionReady_incorrectAnswer --> s_startTrivia_questionReady_lostGame : always #91;hasLostGame#93;
      s_startTrivia_questionReady_incorrectAnswer --> s_startTrivia_questionReady_wonGame : always #91;hasWonGame#93;
    }
    [*] --> s_startTrivia_loadQuestionData
  }
  [*] --> s_homepage
  s_homepage_dataLoaded --> s_instructionModal : user.play
  s_instructionModal --> s_homepage_dataLoaded : user.close<br>user.reject
  s_instructionModal --> s_startTrivia : user.accept
  s_startTrivia_loadQuestionData_loadRandomCharacters --> s_startTrivia_questionReady : loadRandomCharacters done
  s_startTrivia_questionReady_correctAnswer --> s_startTrivia_loadQuestionData : user.nextQuestion
  s_startTrivia_questionReady_incorrectAnswer --> s_startTrivia_loadQuestionData : user.nextQuestion
  s_startTrivia_questionReady_lostGame --> s_startTrivia_loadQuestionData_loadCharacter : user.playAgain #40;re-enters startTrivia#41;
  s_startTrivia_questionReady_wonGame --> s_startTrivia_loadQuestionData_loadCharacter : user.playAgain #40;re-enters startTrivia#41;
`)
    for (const version of VERSIONS) {
      const { notes, states, transitions } = await parseStateDiagram(version, text)
      expect(notes).toEqual([])
      expect(states.find(({ label }) => label === 'loadCharacter')?.lines).toEqual(['invokes loadSingleCharacter'])
      expect(
        transitions
          .filter(({ label }) => label.startsWith('user.playAgain'))
          .map(({ from, to, label }) => `${from}→${to}: ${label}`),
      ).toEqual([
        's_startTrivia_questionReady_lostGame→s_startTrivia_loadQuestionData_loadCharacter: user.playAgain (re-enters startTrivia)',
        's_startTrivia_questionReady_wonGame→s_startTrivia_loadQuestionData_loadCharacter: user.playAgain (re-enters startTrivia)',
      ])
    }
  })

  test('credit check: invoked actors by their id, done and failed edges named after them, --detail', async () => {
    const plain = stateDiagram('multipleCreditCheck', creditCheckMachine).text
    const detailed = stateDiagram('multipleCreditCheck', creditCheckMachine, [], { detail: true }).text
    expect(plain).not.toContain('xstate.')
    expect(plain).not.toContain('Kick off')
    for (const version of VERSIONS) {
      const { transitions } = await parseStateDiagram(version, plain)
      expect(
        transitions
          .filter(({ from }) => from.includes('CheckingEquiGavin') || from.endsWith('Verifying_Credentials'))
          .map(({ label }) => label),
      ).toEqual([
        '',
        '',
        '',
        'equiGavinDBActor done [equiGavinReportFound]',
        'equiGavinDBActor done',
        'equiGavinDBActor failed',
        'equiGavinFetchActor done',
        'equiGavinFetchActor failed',
        'verifyCredentials done',
        'verifyCredentials failed',
      ])
      const { states } = await parseStateDiagram(version, detailed)
      const stateOf = (id: string) => states.find((state) => state.id === id)
      expect(stateOf('s_creditCheck_DeterminingInterestRateOptions')?.label).toBe(
        'DeterminingInterestRateOptions · After retrieving results, determine the middle score to be used in home loan interest rate decision',
      )
      expect(stateOf('s_creditCheck_DeterminingInterestRateOptions_RatesProvided')?.lines).toEqual([
        'entry / emailUser, emailSalesTeam',
      ])
    }
  })
})
