/**
 * `plumbline mcp`: a Model Context Protocol server over stdio, for coding agents (`mcp/server.ts`).
 * The SDK is loaded only here: other commands never pay for it.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import type { RegisterCommand } from './types.js'

export const registerMcp: RegisterCommand = (program, { io }) => {
  program
    .command('mcp')
    .description('serve check, questions, explain, rules and render to a coding agent (Model Context Protocol, stdio)')
    .argument('[folder]', 'the folder served where the client names no roots (default: the one it was started in)')
    .addHelpText(
      'after',
      `
Started by the agent, not by hand: it speaks JSON-RPC on stdin and stdout; messages go to stderr.
Tools: check, questions, explain, rules, render; the model files as resources.

It reads, loads and writes only files under the client's roots (MCP roots), or where the
client names none, under [folder] (default: the folder it was started in): a path outside,
by .. or through a symbolic link, is refused. render writes only when asked (write: true).
A model that hangs is stopped as check stops it (the config's explore.stepTimeout, 10 s by
default).

Add it to an agent (Claude Code):
  $ claude mcp add plumbline -- npx plumbline mcp`,
    )
    .action(async (folder: string | undefined) => {
      const start = path.resolve(io.cwd, folder ?? '.')
      if (!(await stat(start).catch(() => undefined))?.isDirectory()) throw new UsageError(`${folder}: no such folder`)
      const { serveMcp } = await import('../mcp/server.js')
      await serveMcp(io, start)
    })
}
