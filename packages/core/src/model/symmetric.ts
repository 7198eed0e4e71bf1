/**
 * Symmetry sets (TLC's): `symmetric(['u1', 'u2', 'u3'])` declares a store domain whose
 * values are interchangeable, so that states equal up to a permutation of them are explored
 * as one (`explore/store/symmetry.ts`). The mark is a non-enumerable property under a
 * registered symbol, so that it survives the bundle being loaded twice (model and command).
 */
const SYMMETRIC = Symbol.for('plumbline.symmetric')

/** The domain's values, marked as interchangeable: every function of the store must treat them alike. */
export function symmetric<const Values extends readonly string[]>(values: Values): Values {
  const marked = [...values]
  Object.defineProperty(marked, SYMMETRIC, { value: true })
  return marked as unknown as Values
}

export function isSymmetric(values: readonly unknown[]): boolean {
  return (values as unknown as Record<symbol, unknown>)[SYMMETRIC] === true
}
