/**
 * Peterson's filter lock for n processes (Herlihy & Shavit, ch. 2), one atomic step at a
 * time: a process raises its level, names itself the victim of that level, and climbs on
 * once no other process is at its level or above or it is no longer the victim. The
 * invariant: at most one process in the critical section.
 */
import { defineStore } from '@plumbline/core'

type Pc = 'idle' | 'yield' | 'wait' | 'critical'

const replace = <T>(list: readonly T[], index: number, value: T): T[] =>
  list.map((item, at) => (at === index ? value : item))

export function filterLock(n: number) {
  const processes = Array.from({ length: n }, (_, index) => index)
  return defineStore({
    initial: { pc: processes.map((): Pc => 'idle'), level: processes.map(() => 0), victim: processes.map(() => 0) },
    domains: { process: processes },
    operations: {
      enter: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'idle',
        apply: (s, { p }) => ({ ...s, pc: replace(s.pc, p, 'yield'), level: replace(s.level, p, 1) }),
      },
      yield: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'yield',
        apply: (s, { p }) => ({ ...s, pc: replace(s.pc, p, 'wait'), victim: replace(s.victim, s.level[p]!, p) }),
      },
      climb: {
        params: { p: 'process' },
        guard: (s, { p }) =>
          s.pc[p] === 'wait' &&
          !(s.victim[s.level[p]!] === p && s.level.some((level, other) => other !== p && level >= s.level[p]!)),
        apply: (s, { p }) =>
          s.level[p] === n - 1
            ? { ...s, pc: replace(s.pc, p, 'critical') }
            : { ...s, pc: replace(s.pc, p, 'yield'), level: replace(s.level, p, s.level[p]! + 1) },
      },
      leave: {
        params: { p: 'process' },
        guard: (s, { p }) => s.pc[p] === 'critical',
        apply: (s, { p }) => ({ ...s, pc: replace(s.pc, p, 'idle'), level: replace(s.level, p, 0) }),
      },
    },
    invariants: { mutualExclusion: (s) => s.pc.filter((pc) => pc === 'critical').length <= 1 },
  })
}
