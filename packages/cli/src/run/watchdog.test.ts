import { BEAT, BEAT_LENGTH } from '@plumbline/core'
import { describe, expect, it } from 'vitest'
import { CELL_PHASE, GRACE_MS, PHASE, StallWatch } from './watchdog.js'

/** A worker's cells: its phase, then the heartbeat. */
function cells(phase: number, beat: Partial<Record<keyof typeof BEAT, number>> = {}): Int32Array {
  const array = new Int32Array(1 + BEAT_LENGTH)
  array[CELL_PHASE] = phase
  array[1 + BEAT.exploration] = -1
  for (const [key, value] of Object.entries(beat)) array[1 + BEAT[key as keyof typeof BEAT]] = value
  return array
}

describe('StallWatch', () => {
  const limits = { stepMs: 10_000, timeoutMs: 2_000 }

  it('lets loading run for the step limit, then calls it stalled', () => {
    const watch = new StallWatch(limits)
    watch.start(0)
    expect(watch.observe(cells(PHASE.loading), 10_000)).toBeUndefined()
    expect(watch.observe(cells(PHASE.loading), 10_001)).toEqual({ kind: 'loading', limitMs: 10_000 })
  })

  it('never stalls an idle worker or one placing findings', () => {
    const watch = new StallWatch(limits)
    watch.start(0)
    expect(watch.observe(cells(PHASE.idle), 60_000)).toBeUndefined()
    expect(watch.observe(cells(PHASE.locating), 120_000)).toBeUndefined()
  })

  it('stops an exploration past its time bound, at the step it is on, even while it moves', () => {
    const watch = new StallWatch(limits)
    watch.start(0)
    for (let t = 0; t <= 2_000 + GRACE_MS; t += 100)
      expect(watch.observe(cells(PHASE.checking, { exploration: 1, state: t, action: 0 }), t)).toBeUndefined()
    expect(watch.observe(cells(PHASE.checking, { exploration: 1, state: 7, action: 3 }), 2_000 + GRACE_MS + 1)).toEqual(
      {
        kind: 'exploring',
        interruption: { exploration: 1, state: 7, action: 3, reason: 'time', limitMs: 2_000 },
      },
    )
  })

  it('times each exploration from its own start', () => {
    const watch = new StallWatch(limits)
    watch.start(0)
    watch.observe(cells(PHASE.checking, { exploration: 0, state: 1, action: 0 }), 0)
    expect(watch.observe(cells(PHASE.checking, { exploration: 1, state: 1, action: 0 }), 2_000)).toBeUndefined()
    expect(watch.observe(cells(PHASE.checking, { exploration: 1, state: 2, action: 0 }), 4_000)).toBeUndefined()
  })

  it('stops one step that runs past the step limit, where no time bound is set', () => {
    const watch = new StallWatch({ stepMs: 10_000, timeoutMs: Number.POSITIVE_INFINITY })
    watch.start(0)
    watch.observe(cells(PHASE.checking, { exploration: 0, state: 3, action: 0 }), 4_000)
    watch.observe(cells(PHASE.checking, { exploration: 0, state: 4, action: 2 }), 5_000)
    expect(watch.observe(cells(PHASE.checking, { exploration: 0, state: 4, action: 2 }), 15_000)).toBeUndefined()
    expect(watch.observe(cells(PHASE.checking, { exploration: 0, state: 4, action: 2 }), 15_001)).toEqual({
      kind: 'exploring',
      interruption: { exploration: 0, state: 4, action: 2, reason: 'step', limitMs: 10_000 },
    })
  })

  it('gives an exploration that is run again to stop early twice its bound', () => {
    const watch = new StallWatch(limits)
    watch.start(0, new Set([0]))
    watch.observe(cells(PHASE.checking, { exploration: 0, state: 8, action: 0 }), 0)
    expect(watch.observe(cells(PHASE.checking, { exploration: 0, state: 9, action: 0 }), 4_000)).toBeUndefined()
    expect(
      watch.observe(cells(PHASE.checking, { exploration: 0, state: 10, action: 0 }), 4_000 + GRACE_MS + 1),
    ).toMatchObject({
      kind: 'exploring',
      interruption: { reason: 'time' },
    })
  })

  it('stops model code that does not return outside an exploration', () => {
    const watch = new StallWatch(limits)
    watch.start(0)
    expect(watch.observe(cells(PHASE.checking), 10_001)).toEqual({ kind: 'checking', limitMs: 10_000 })
  })
})
