/**
 * The actor scope every transition of an exploration runs in, made once and reused (as
 * xstate/graph's `createMockActorScope` does). Nothing in it acts: deferred work (starting
 * invoked and spawned actors, delayed events) and actions are dropped, so no promise
 * resolves and no timer fires behind the explorer's back; children are created but never
 * started. Invoked actors' completions, failures and delays are events the explorer sends.
 *
 * It counts the actions XState hands it: a transition that leaves the snapshot as it was
 * (XState then returns the very same object) has still done something when it ran actions,
 * such as re-entering a state, which restarts its timers.
 */
import { createEmptyActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateNode } from 'xstate'

export interface InertActorScope extends AnyActorScope {
  /** Actions XState has handed to this scope so far. */
  readonly actionsExecuted: number
  /**
   * The microsteps of the transitions since `microstepCount` was last set to 0, as XState
   * reports them to its inspector (the first `microstepCount` entries): a step of more than
   * one passed through states no snapshot is left in (an eventless transition's source, a
   * final state its parent leaves when done).
   */
  readonly microsteps: Microstep[]
  microstepCount: number
}

interface Microstep {
  snapshot: AnyMachineSnapshot
  _transitions: readonly { source: AnyStateNode }[]
}

export function inertActorScope(): InertActorScope {
  const self = createEmptyActor()
  const system = self.system as typeof self.system & { _set: (systemId: string, actor: unknown) => void }
  // A child with a systemId registers itself when created, which happens again on every step
  // that enters its state; the real system refuses a second registration, this one ignores it.
  system._set = () => {}
  // XState reports each microstep to its inspector; only the microsteps are kept, nothing else is inspected.
  ;(system as unknown as { _sendInspectionEvent: (event: { type: string }) => void })._sendInspectionEvent = (
    event,
  ) => {
    if (event.type === '@xstate.microstep') scope.microsteps[scope.microstepCount++] = event as unknown as Microstep
  }
  const scope = {
    actionsExecuted: 0,
    microsteps: [] as Microstep[],
    microstepCount: 0,
    self,
    system,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {
      scope.actionsExecuted++
    },
  }
  return scope as unknown as InertActorScope
}
