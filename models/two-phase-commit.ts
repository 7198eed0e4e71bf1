/**
 * Two-phase commit: a transaction manager and three resource managers agree to commit or
 * abort together. The operation model follows Lamport and Gray's TwoPhase specification
 * (Consensus on Transaction Commit, 2004; the TLA+ example `TwoPhase.tla`): messages are a
 * set that only grows, so a message can be received any number of times and in any order.
 *
 * The invariant is the protocol's whole point: no resource manager commits while another
 * aborts. The naive variant in test/fixtures/two-phase-commit-naive.ts lets a resource
 * manager that has voted "prepared" change its mind on a timeout, and exploration finds
 * the run where one commits and another aborts.
 */
import { defineStore, defineSystem } from '@plumbline/core'

export type ResourceManager = 'rm1' | 'rm2' | 'rm3'
export const RESOURCE_MANAGERS: readonly ResourceManager[] = ['rm1', 'rm2', 'rm3']

type RmState = 'working' | 'prepared' | 'committed' | 'aborted'

/** Messages as strings ("Prepared rm1", "Commit", "Abort"), kept sorted: a set. */
export interface TwoPhaseState {
  rmState: Record<ResourceManager, RmState>
  tmState: 'init' | 'committed' | 'aborted'
  tmPrepared: ResourceManager[]
  msgs: string[]
}

const addToSet = <T extends string>(set: readonly T[], item: T): T[] =>
  set.includes(item) ? [...set] : [...set, item].sort()
const setRm = (state: TwoPhaseState, rm: ResourceManager, to: RmState): TwoPhaseState => ({
  ...state,
  rmState: { ...state.rmState, [rm]: to },
})

export const initialTwoPhaseState: TwoPhaseState = {
  rmState: { rm1: 'working', rm2: 'working', rm3: 'working' },
  tmState: 'init',
  tmPrepared: [],
  msgs: [],
}

/** The operations both the correct and the naive protocol share. */
export const twoPhaseOperations = {
  tmReceivePrepared: {
    params: { rm: 'rms' },
    guard: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) =>
      state.tmState === 'init' && state.msgs.includes(`Prepared ${rm}`),
    apply: (state: TwoPhaseState, { rm }: { rm: ResourceManager }): TwoPhaseState => ({
      ...state,
      tmPrepared: addToSet(state.tmPrepared, rm),
    }),
  },
  tmCommit: {
    description: 'The transaction manager commits only when every resource manager is prepared.',
    guard: (state: TwoPhaseState) => state.tmState === 'init' && state.tmPrepared.length === RESOURCE_MANAGERS.length,
    apply: (state: TwoPhaseState): TwoPhaseState => ({
      ...state,
      tmState: 'committed',
      msgs: addToSet(state.msgs, 'Commit'),
    }),
  },
  tmAbort: {
    guard: (state: TwoPhaseState) => state.tmState === 'init',
    apply: (state: TwoPhaseState): TwoPhaseState => ({
      ...state,
      tmState: 'aborted',
      msgs: addToSet(state.msgs, 'Abort'),
    }),
  },
  rmPrepare: {
    params: { rm: 'rms' },
    guard: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) => state.rmState[rm] === 'working',
    apply: (state: TwoPhaseState, { rm }: { rm: ResourceManager }): TwoPhaseState => ({
      ...setRm(state, rm, 'prepared'),
      msgs: addToSet(state.msgs, `Prepared ${rm}`),
    }),
  },
  rmChooseToAbort: {
    description: 'A resource manager may abort on its own only before it has voted.',
    params: { rm: 'rms' },
    guard: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) => state.rmState[rm] === 'working',
    apply: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) => setRm(state, rm, 'aborted'),
  },
  rmReceiveCommit: {
    params: { rm: 'rms' },
    guard: (state: TwoPhaseState) => state.msgs.includes('Commit'),
    apply: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) => setRm(state, rm, 'committed'),
  },
  rmReceiveAbort: {
    params: { rm: 'rms' },
    guard: (state: TwoPhaseState) => state.msgs.includes('Abort'),
    apply: (state: TwoPhaseState, { rm }: { rm: ResourceManager }) => setRm(state, rm, 'aborted'),
  },
} as const

export const twoPhaseInvariants = {
  /** TCConsistent: no resource manager commits while another aborts. */
  consistent: (state: TwoPhaseState) => {
    const states = Object.values(state.rmState)
    return !(states.includes('committed') && states.includes('aborted'))
  },
}

const protocol = defineStore({
  initial: initialTwoPhaseState,
  domains: { rms: RESOURCE_MANAGERS },
  operations: twoPhaseOperations,
  invariants: twoPhaseInvariants,
  never: {
    commitWithoutEveryVote: (state) =>
      state.tmState === 'committed' && state.tmPrepared.length < RESOURCE_MANAGERS.length,
  },
})

export default defineSystem({
  name: 'two-phase commit',
  description:
    'A transaction manager and three resource managers commit or abort together. Explored exhaustively: every ' +
    'interleaving of votes, decisions and message deliveries (messages can be delivered late, twice, or not at all).',
  components: {
    tm: { kind: 'service', description: 'the transaction manager (coordinator)' },
    rm: { kind: 'datastore', description: 'a resource manager (participant), one of three' },
  },
  stores: { protocol },
  decisions: {
    blockingIsAccepted: {
      decision: 'A prepared resource manager waits for the decision, however long the manager is down',
      because:
        'two-phase commit blocks when the coordinator fails; we accept that rather than risk an inconsistent commit',
    },
  },
  outOfScope: ['coordinator fail-over (that is Paxos Commit)', 'recovery logs'],
})
