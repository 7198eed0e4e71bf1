/**
 * A store's actions: every operation with every combination of its params' domain values,
 * in a fixed order (operations as declared; combinations with the last param varying
 * fastest), so that an action is known by its number.
 */
import type { OperationDefinition, StoreDefinition } from '../../model/types.js'

export interface StoreAction {
  operation: string
  /** One object shared by every call (frozen: no call may change it). */
  params: Readonly<Record<string, unknown>>
  definition: OperationDefinition<unknown, Record<string, unknown>>
}

/** Undefined when an operation names a domain the store does not have (reported as model/invalid). */
export function storeActions(store: StoreDefinition): StoreAction[] | undefined {
  const actions: StoreAction[] = []
  for (const [operation, definition] of Object.entries(store.operations)) {
    const params = Object.entries(definition.params ?? {})
    const domains: (readonly unknown[])[] = []
    for (const [, domain] of params) {
      const values = store.domains?.[domain]
      if (values === undefined) return undefined
      domains.push(values)
    }
    for (const combination of combinations(domains))
      actions.push({
        operation,
        params: Object.freeze(Object.fromEntries(params.map(([name], index) => [name, combination[index]]))),
        definition,
      })
  }
  return actions
}

function combinations(domains: readonly (readonly unknown[])[]): unknown[][] {
  let result: unknown[][] = [[]]
  for (const values of domains) result = result.flatMap((prefix) => values.map((value) => [...prefix, value]))
  return result
}

/** An action as messages show it: `signUp {"email":"ann@x"}`, or the bare name without params. */
export function showAction({ operation, params }: StoreAction): string {
  return Object.keys(params).length === 0 ? operation : `${operation} ${JSON.stringify(params)}`
}

/** What follows an operation's name in a message: ` with params {"email":"ann@x"}`, or nothing. */
export function withParams({ params }: StoreAction): string {
  return Object.keys(params).length === 0 ? '' : ` with params ${JSON.stringify(params)}`
}
