/**
 * Running one measured process: wall time from outside, and its peak resident memory from
 * /usr/bin/time where there is one (else what the process reports of itself, if it does).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const TIME = '/usr/bin/time'
export const canMeasureMemory = existsSync(TIME)

export interface ProcessRun {
  wallMs: number
  stdout: string
  stderr: string
  exitCode: number
  /** Peak resident set of the process, in kB, when /usr/bin/time measured it. */
  peakKb: number | undefined
}

export function runProcess(command: string, args: readonly string[], options: { cwd: string }): Promise<ProcessRun> {
  const [file, argv] = canMeasureMemory ? [TIME, ['-f', 'peak-kb=%M', command, ...args]] : [command, [...args]]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      const peak = /peak-kb=(\d+)\s*$/.exec(stderr)
      resolve({
        wallMs,
        stdout,
        stderr: stderr.replace(/peak-kb=\d+\s*$/, ''),
        exitCode: code ?? -1,
        peakKb: peak ? Number(peak[1]) : undefined,
      })
    })
  })
}
