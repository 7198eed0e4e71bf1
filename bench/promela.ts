/**
 * The scale models in Promela, for SPIN: the same states and the same atomic steps (one
 * d_step each), so that SPIN's state count must equal ours.
 */

export function countersPromela(k: number, m: number): string {
  const steps = Array.from({ length: k }, (_, index) => `  :: d_step { c[${index}] < ${m - 1} -> c[${index}]++ }`)
  return `byte c[${k}];
active proctype counters() {
  do
${steps.join('\n')}
  od
}
`
}

/** The counters with the liveness property, as LTL for `pan -a -f`: every counter eventually at its top. */
export function countersLivenessPromela(k: number, m: number): string {
  const atTop = Array.from({ length: k }, (_, index) => `c[${index}] == ${m - 1}`).join(' && ')
  return `${countersPromela(k, m)}ltl allAtTop { <> (${atTop}) }
`
}

/** pc: 0 idle, 1 yield, 2 wait, 3 critical. */
export function filterLockPromela(n: number): string {
  const othersAtOrAbove = Array.from(
    { length: n },
    (_, other) => `(p != ${other} && level[${other}] >= level[p])`,
  ).join(' || ')
  return `byte pc[${n}]; byte level[${n}]; byte victim[${n}];
active [${n}] proctype P() {
  byte p = _pid;
  do
  :: d_step { pc[p] == 0 -> level[p] = 1; pc[p] = 1 }
  :: d_step { pc[p] == 1 -> victim[level[p]] = p; pc[p] = 2 }
  :: d_step { pc[p] == 2 && !(victim[level[p]] == p && (${othersAtOrAbove})) ->
       if
       :: level[p] == ${n - 1} -> pc[p] = 3
       :: else -> level[p]++; pc[p] = 1
       fi }
  :: d_step { pc[p] == 3 -> level[p] = 0; pc[p] = 0 }
  od
}
`
}
