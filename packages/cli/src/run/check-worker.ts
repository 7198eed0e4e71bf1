/**
 * A worker thread of `check-files.ts`: takes files from the shared queue until it is empty,
 * loads and checks each itself (with its own loader), and posts each file's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createModelLoader } from '../load/load-model.js'
import { takeNext, type WorkerData, type WorkerReply } from './check-files.js'
import { checkFileOutcome } from './outcome.js'

const { cwd, checkOptions, fresh, files, next } = workerData as WorkerData
const port = parentPort
if (port === null) throw new Error('check-worker.js runs as a worker thread only')

const loader = createModelLoader(cwd, { fresh })
for (let index = takeNext(files, next); index !== undefined; index = takeNext(files, next)) {
  const reply: WorkerReply = {
    index,
    outcome: await checkFileOutcome(files[index] ?? '', { cwd, loader, checkOptions }),
  }
  port.postMessage(reply)
}
