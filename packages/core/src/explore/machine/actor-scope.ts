/**
 * The actor scope every transition of an exploration runs in, made once and reused (as
 * xstate/graph's `createMockActorScope` does). Nothing in it acts: deferred work (starting
 * invoked and spawned actors, delayed events) and actions are dropped, so no promise
 * resolves and no timer fires behind the explorer's back; children are created but never
 * started. Invoked actors' completions, failures and delays are events the explorer sends.
 */
import { createEmptyActor, type AnyActorScope } from 'xstate'

export function inertActorScope(): AnyActorScope {
  const self = createEmptyActor()
  const system = self.system as typeof self.system & { _set: (systemId: string, actor: unknown) => void }
  // A child with a systemId registers itself when created, which happens again on every step
  // that enters its state; the real system refuses a second registration, this one ignores it.
  system._set = () => {}
  return {
    self,
    system,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope
}
