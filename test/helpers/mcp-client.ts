/**
 * `plumbline mcp` as a coding agent starts it: the built command as a subprocess, driven by the
 * MCP SDK's own client over stdio. Closed after each test.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
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

/**
 * Starts the server in `cwd` (serving `folder`, where given); with `roots`, the client offers
 * them (as `file://` URIs); with `listRoots`, the client declares roots and answers roots/list
 * with what it returns (or throws).
 */
export async function connectMcp(
  cwd: string,
  options: { roots?: readonly string[]; folder?: string; listRoots?: () => unknown } = {},
): Promise<McpSession> {
  const env = testEnv()
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
  const listRoots =
    options.listRoots ??
    (roots && (() => ({ roots: roots.map((root) => ({ uri: pathToFileURL(root).href, name: path.basename(root) })) })))
  const client = new Client(
    { name: 'plumbline-e2e', version: '0.0.0' },
    { capabilities: listRoots ? { roots: {} } : {} },
  )
  // The SDK's types want a valid answer: a client that answers otherwise is what listRoots may be.
  if (listRoots) client.setRequestHandler(ListRootsRequestSchema, listRoots as () => { roots: [] })
  const errors: Error[] = []
  client.onerror = (error) => errors.push(error)
  await client.connect(transport)
  open.push(client)
  return { client, stderr: () => stderr, errors }
}

/** The environment the server runs in: no colours, and no pnpm NODE_PATH to find packages by. */
function testEnv(): Record<string, string> {
  const { FORCE_COLOR: _forced, NODE_PATH: _pnpmPath, ...inherited } = process.env
  return Object.fromEntries(
    Object.entries({ ...inherited, NO_COLOR: '1' }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  )
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

export interface RawMcpServer {
  /** Writes one line to the server's stdin. */
  send(line: string): void
  /** The JSON-RPC messages the server sent so far, in order. */
  messages: Array<Record<string, unknown>>
  /** The next message with this id. */
  reply(id: number): Promise<Record<string, unknown>>
  /** How the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  child: ChildProcessWithoutNullStreams
}

/**
 * The server driven by hand, line by line, already initialised: for what the SDK's client does
 * not do (vanish mid-call, send what is not JSON). Killed after the test if it is still running.
 */
export async function startRawMcp(cwd: string): Promise<RawMcpServer> {
  const child = spawn(process.execPath, [bin, 'mcp'], { cwd, env: testEnv() })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  running.push(child)
  const messages: Array<Record<string, unknown>> = []
  const waiting: Array<() => void> = []
  let buffer = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      messages.push(JSON.parse(buffer.slice(0, end)))
      buffer = buffer.slice(end + 1)
      for (const wake of waiting.splice(0)) wake()
    }
  })
  const send = (line: string) => void child.stdin.write(`${line}\n`)
  const reply = async (id: number): Promise<Record<string, unknown>> => {
    for (;;) {
      const found = messages.find((message) => message.id === id)
      if (found !== undefined) return found
      await new Promise<void>((resolve) => waiting.push(resolve))
    }
  }
  send(
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    }),
  )
  await reply(1)
  send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }))
  return { send, messages, reply, exited, child }
}

const running: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})
