/**
 * `plumbline mcp` as a coding agent starts it: the built command as a subprocess, driven by the
 * MCP SDK's own client over stdio. Closed after each test.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { afterEach } from 'vitest'
import { repoRoot } from './run-cli.js'

const bin = path.join(repoRoot, 'packages/cli/bin/plumbline.js')

export interface McpSession {
  client: Client
  /** What the server wrote to stderr so far. */
  stderr(): string
  /** Errors the client met: a message on stdout that is not the protocol's would be one. */
  errors: Error[]
}

const open: Client[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()))
})

/** Starts the server in `cwd` (serving `folder`, where given); with `roots`, the client offers them (as `file://` URIs). */
export async function connectMcp(
  cwd: string,
  options: { roots?: readonly string[]; folder?: string } = {},
): Promise<McpSession> {
  const { FORCE_COLOR: _forced, NODE_PATH: _pnpmPath, ...inherited } = process.env
  const env = Object.fromEntries(
    Object.entries({ ...inherited, NO_COLOR: '1' }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  )
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', ...(options.folder === undefined ? [] : [options.folder])],
    cwd,
    env,
    stderr: 'pipe',
  })
  let stderr = ''
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const { roots } = options
  const client = new Client({ name: 'plumbline-e2e', version: '0.0.0' }, { capabilities: roots ? { roots: {} } : {} })
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: roots.map((root) => ({ uri: pathToFileURL(root).href, name: path.basename(root) })),
    }))
  const errors: Error[] = []
  client.onerror = (error) => errors.push(error)
  await client.connect(transport)
  open.push(client)
  return { client, stderr: () => stderr, errors }
}

/** A tool's answer: its text (the content's texts joined by blank lines) and whether it is an error. */
export async function callTool(
  session: McpSession,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ isError: boolean; text: string }> {
  const result = await session.client.callTool({ name, arguments: args })
  const content = result.content as Array<{ type: string; text?: string }>
  return { isError: result.isError === true, text: content.map((part) => part.text ?? '').join('\n\n') }
}
