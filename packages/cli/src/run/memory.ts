/**
 * The memory bound of a model's check (`--max-memory`, config `explore.maxMemory`): what counts,
 * and how much a check may hold when neither says. A worker thread's heap limit is set to the
 * bound, so an allocation that runs away inside one step stops that worker (and only it); the
 * exploration itself looks at the memory in use now and then and stops a little short of it.
 */
import { totalmem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import type { CheckOptions } from '@plumbline/core'
import { MIN_MEMORY_MB } from '../options/exploration.js'

const MB = 1024 * 1024

/** This thread's heap in use, with the memory its objects own outside it (typed arrays' buffers). */
export function memoryInUseMb(): number {
  const heap = getHeapStatistics()
  return (heap.used_heap_size + heap.external_memory) / MB
}

/** Half the machine's memory, shared among the threads that check at once. */
function defaultMaxMemoryMb(threads: number): number {
  return Math.max(MIN_MEMORY_MB, Math.floor(totalmem() / 2 / MB / Math.max(1, threads)))
}

/**
 * For a check on the main thread, whose heap limit V8 set at start: the bound is kept below it,
 * where the exploration can still stop by itself (past it, V8 ends the process).
 */
export function withMemoryBoundOnThisThread(checkOptions: CheckOptions): CheckOptions {
  const settled = withMemoryBound(checkOptions, 1)
  const heapLimitMb = Math.floor(getHeapStatistics().heap_size_limit / MB)
  return { ...settled, bounds: { ...settled.bounds, maxMemoryMb: Math.min(settled.bounds.maxMemoryMb, heapLimitMb) } }
}

/** The options with the memory bound settled: the user's, or the default for `threads` checking at once. */
export function withMemoryBound(
  checkOptions: CheckOptions,
  threads: number,
): CheckOptions & { bounds: { maxMemoryMb: number } } {
  const maxMemoryMb = checkOptions.bounds?.maxMemoryMb ?? defaultMaxMemoryMb(threads)
  return { ...checkOptions, bounds: { ...checkOptions.bounds, maxMemoryMb } }
}
