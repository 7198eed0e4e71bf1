import { afterEach, describe, expect, it } from 'vitest'
import { captureModelOutput, type ModelOutput } from './model-output.js'

describe('captureModelOutput', () => {
  let output: ModelOutput | undefined
  afterEach(() => output?.restore())

  it("sends what a model prints to stderr, each line prefixed with the model's file", async () => {
    const lines: string[] = []
    output = captureModelOutput({ stderr: (text) => lines.push(text) })
    // Through the streams: vitest replaces console itself (in a command, console writes to them).
    await output.as('models/a.ts', async () => {
      process.stdout.write('checking 3\n')
      process.stdout.write('part ')
      process.stdout.write('one\ntwo')
      process.stderr.write('{ weird: true }\n')
    })
    await output.as('models/b.ts', async () => process.stderr.write(Buffer.from('bytes\n')))
    output.restore()
    expect(lines).toEqual([
      'models/a.ts: checking 3\n',
      'models/a.ts: part one\n',
      'models/a.ts: two{ weird: true }\n',
      'models/b.ts: bytes\n',
    ])
  })

  it('puts the streams and process.exit back', () => {
    const { write } = process.stdout
    const { exit } = process
    output = captureModelOutput({ stderr: () => {} })
    expect(process.stdout.write).not.toBe(write)
    output.restore()
    expect(process.stdout.write).toBe(write)
    expect(process.exit).toBe(exit)
  })

  it('turns process.exit() into an error, and remembers which model called it', async () => {
    output = captureModelOutput({ stderr: () => {} })
    const capture = output
    await expect(capture.as('models/a.ts', async () => process.exit(0))).rejects.toThrow('process.exit(0) was called')
    await capture.as('models/b.ts', async () => {
      try {
        process.exit()
      } catch {}
    })
    expect(capture.fault('models/a.ts')).toBe(
      'process.exit(0) was called by the model: a model must not end the process',
    )
    expect(capture.fault('models/b.ts')).toBe(
      'process.exit() was called by the model: a model must not end the process',
    )
    expect(capture.fault('models/c.ts')).toBeUndefined()
  })
})
