/**
 * A worker thread that checks model files for `check-files.ts`: it loads each file itself,
 * with its own loader, and answers with the file's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createModelLoader } from '../load/load-model.js'
import { checkFileOutcome } from './outcome.js'
import type { WorkerData, WorkerReply, WorkerRequest } from './check-files.js'

const { cwd, checkOptions, fresh } = workerData as WorkerData
const loader = createModelLoader(cwd, { fresh })
const port = parentPort
if (port === null) throw new Error('check-worker.js runs as a worker thread only')

port.on('message', async ({ index, file }: WorkerRequest) => {
  const reply: WorkerReply = { index, outcome: await checkFileOutcome(file, { cwd, loader, checkOptions }) }
  port.postMessage(reply)
})
port.postMessage('ready' satisfies WorkerReply)
