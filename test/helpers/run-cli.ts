/**
 * Runs the built `plumbline` command as a subprocess, the way users and CI run it. No
 * vitest here: scripts use it too (scripts/update-readme.ts).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..')
export const fixtures = path.join(repoRoot, 'test/fixtures')
const bin = path.join(repoRoot, 'packages/cli/bin/plumbline.js')

export interface CliResult {
  exitCode: number
  stdout: string
  stderr: string
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  // Plain output, as in a pipe: no colours (vitest itself sets FORCE_COLOR, so drop it).
  // No NODE_PATH either: `pnpm test` sets one that a user's shell does not have.
  const { FORCE_COLOR: _forced, NODE_PATH: _pnpmPath, ...inherited } = process.env
  return runCollected(process.execPath, [bin, ...args], options.cwd ?? repoRoot, {
    ...inherited,
    NO_COLOR: '1',
    ...options.env,
  })
}

/** Runs a command with exactly this environment, and collects its exit code and output. */
export function runCollected(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }))
  })
}

/** A stack frame line, as Node prints them: the thing users must never see without --debug. */
export const STACK_FRAME = /^\s+at /m
