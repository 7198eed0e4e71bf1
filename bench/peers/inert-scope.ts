/** An actor scope in which nothing acts, as xstate/graph's own mock scope. */
import { createEmptyActor, type AnyActorScope } from 'xstate'

export function inertScope(): AnyActorScope {
  const self = createEmptyActor()
  return {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope
}
