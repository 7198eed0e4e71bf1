/**
 * A worker thread of `check-files.ts`: checks the files it is sent, one at a time, each with
 * its own loader's cache, and posts each file's outcome (plain data). It says where it is in
 * shared memory as it goes (its phase, and the exploration's heartbeat), for the watchdog on
 * the main thread, which stops it when the model's code does not return.
 *
 * Everything the models print goes to the main thread's stderr, prefixed with the model file
 * (`model-output.ts`): the report, on the main thread's stdout, is all stdout carries.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { BEAT_LENGTH, type ExplorationProgress } from '@plumbline/core'
import { displayPath } from '../load/find-model-files.js'
import { createModelLoader } from '../load/load-model.js'
import type { CheckJob, WorkerData, WorkerReply } from './check-files.js'
import { captureModelOutput } from './model-output.js'
import { memoryInUseMb } from './memory.js'
import { checkFileOutcome, withFault } from './outcome.js'
import { PHASE } from './watchdog.js'

const { cwd, checkOptions, fresh, files, cells, progress } = workerData as WorkerData
const port = parentPort
if (port === null) throw new Error('check-worker.js runs as a worker thread only')

const shared = new Int32Array(cells)
const heartbeat = shared.subarray(1, 1 + BEAT_LENGTH)
const loader = createModelLoader(cwd, { fresh })
const post = (reply: WorkerReply) => port.postMessage(reply)
// Through the port, not the worker's own stderr: that stream flushes to the main thread
// asynchronously, and what it still held when the worker is terminated after its last file
// was lost. Messages on the port arrive in order, before the file's outcome.
const output = captureModelOutput({
  stderr: (text) => post({ kind: 'output', text }),
  // After the file's outcome was posted: the main thread makes it a load error, if it is still listening.
  onLateFault: (shown, reason) => {
    const index = indexOf.get(shown)
    if (index !== undefined) post({ kind: 'late', index, outcome: { kind: 'unloadable', file: shown, reason } })
  },
})
const indexOf = new Map<string, number>()
const onProgress = progress ? (update: ExplorationProgress) => post({ kind: 'progress', progress: update }) : undefined

port.on('message', async ({ index, interruptions }: CheckJob) => {
  const file = files[index] ?? ''
  const shown = displayPath(file, cwd)
  const begun = performance.now()
  indexOf.set(shown, index)
  const checked = await output.as(shown, () =>
    checkFileOutcome(file, {
      cwd,
      loader,
      checkOptions: { ...checkOptions, heartbeat, interruptions, memoryInUseMb, ...(onProgress ? { onProgress } : {}) },
      onPhase: (phase) => Atomics.store(shared, 0, PHASE[phase]),
      fault: () => output.fault(shown),
    }),
  )
  const outcome = withFault(checked, shown, output.fault(shown))
  Atomics.store(shared, 0, PHASE.idle)
  post({ kind: 'done', index, outcome, ms: performance.now() - begun })
})
