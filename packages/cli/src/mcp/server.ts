/**
 * `plumbline mcp`: a Model Context Protocol server on stdin and stdout (the official SDK), for
 * coding agents. Tools `check`, `questions`, `explain`, `rules` and `render` (`tools.ts`), and
 * the model files as resources. Inputs are checked by the SDK against Zod schemas, with bounds
 * (how many paths, how long a string, how many elements in all); every problem, a refused path
 * included, is a tool error and the server goes on.
 *
 * Stdout is the protocol's: the transport writes through the stream's own write, taken at the
 * start, and `process.stdout.write` is pointed at stderr for as long as the server runs, so
 * nothing a model (or anything else) prints can reach the client as a broken message. Calls are
 * run one at a time: model output is captured by replacing the process's writes (`model-output.ts`).
 */
import { readFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import { describeFileSystemError, isFileSystemError } from '../files/file-system-errors.js'
import type { Io } from '../io.js'
import { displayPath } from '../load/find-model-files.js'
import { version } from '../version.js'
import { modelFiles, openProject } from './project.js'
import { clientRoots } from './client-roots.js'
import { baseOf, confine } from './roots.js'
import { checkTool, explainTool, questionsTool, renderTool, rulesTool } from './tools.js'

/** Bounds on a call's input: enough for any project, too little to be a way of exhausting the server. */
const MAX_PATHS = 100
const MAX_PATH_LENGTH = 4096
const MAX_ID_LENGTH = 200
const MAX_INPUT_ELEMENTS = 1000
/** A model file larger than this is not read as a resource. */
const MAX_RESOURCE_BYTES = 1024 * 1024
/** What a resource may be: a model file, as a folder's are found (`find-model-files.ts`); no declaration files. */
const MODEL_FILE = /(?<!\.d)\.m?[jt]s$/

const pathText = z.string().min(1).max(MAX_PATH_LENGTH)
const pathsInput = {
  paths: z
    .array(pathText)
    .max(MAX_PATHS)
    .optional()
    .describe("model files, folders or globs, relative to the first root (default: the config's models, else models/)"),
}

/**
 * Serves until the client is gone (stdin ended, stdout's pipe broken), then ends the process,
 * exit code 0; `startDirectory` is the root where the client names none.
 */
export async function serveMcp(io: Io, startDirectory: string): Promise<never> {
  // Taken now: while a model's code runs, process.exit is replaced by one that throws (`model-output.ts`).
  const exit: (code: number) => never = process.exit.bind(process)
  const protocolOut = protocolStdout()
  const server = new McpServer(
    { name: 'plumbline', version },
    {
      maxToolInputElements: MAX_INPUT_ELEMENTS,
      instructions:
        'Plumbline checks architecture models (TypeScript files exporting defineSystem) and asks the decisions they leave open. Call questions before writing code from a model; answer each in the model or as a decision.',
    },
  )
  const roots = clientRoots(server.server, startDirectory)
  const serial = serialQueue()
  const call = (run: () => Promise<CallToolResult>) => serial(run).catch((error: unknown) => toolError(error, io))

  server.registerTool(
    'check',
    {
      description:
        'Check models: shape, names, rules, exploration. Returns the JSON report of plumbline check --format json (findings are in it, not errors).',
      inputSchema: pathsInput,
      annotations: { readOnlyHint: true },
    },
    ({ paths }) => call(async () => text(await checkTool(paths ?? [], await roots()))),
  )
  server.registerTool(
    'questions',
    {
      description:
        'The decisions the models leave open, as questions (plumbline questions --format json). Ask the user, then answer each in the model or record a decision.',
      inputSchema: pathsInput,
      annotations: { readOnlyHint: true },
    },
    ({ paths }) => call(async () => text(await questionsTool(paths ?? [], await roots()))),
  )
  server.registerTool(
    'explain',
    {
      description: 'What a rule (or a checklist pack such as pack:accounts) means and how to satisfy it.',
      inputSchema: {
        rule: z.string().min(1).max(MAX_ID_LENGTH).describe('a rule id, e.g. identity/uniqueness-undecided'),
      },
      annotations: { readOnlyHint: true },
    },
    ({ rule }) => call(async () => text(await explainTool(rule, roots))),
  )
  server.registerTool(
    'rules',
    {
      description: 'Every rule with its default severity and summary, as JSON (plumbline rules --format json).',
      annotations: { readOnlyHint: true },
    },
    () => call(async () => text(rulesTool())),
  )
  server.registerTool(
    'render',
    {
      description:
        'Draw models as Markdown documents with Mermaid diagrams. Writes nothing unless write is true, and then only <out>/<system>.md inside the roots.',
      inputSchema: {
        path: pathText.describe('a model file (or a folder of them), relative to the first root'),
        write: z.boolean().optional().describe('also write each document to <out>/<system>.md (default: false)'),
        out: pathText.optional().describe("with write: the folder (default: the config's output, else docs/models)"),
      },
    },
    (input) =>
      call(async () => {
        const result = await renderTool(
          { path: input.path, write: input.write === true, ...(input.out === undefined ? {} : { out: input.out }) },
          await roots(),
          io,
        )
        const wrote = result.written.length === 0 ? [] : [`wrote ${result.written.join(', ')}`]
        return { content: [...result.markdown, ...wrote].map((markdown) => ({ type: 'text', text: markdown })) }
      }),
  )
  server.registerResource(
    'model',
    new ResourceTemplate('file://{+path}', {
      list: async () => {
        const current = await roots()
        const files = await modelFiles([], await openProject(current), current).catch(() => [])
        return {
          resources: files.map((file) => ({
            uri: pathToFileURL(file).href,
            name: displayPath(file, baseOf(current)),
            mimeType: 'text/typescript',
          })),
        }
      },
    }),
    { description: 'A model file under the roots (a TypeScript module exporting defineSystem)' },
    (uri) =>
      serial(async () => {
        const file = await confine(fileURLToPath(uri), await roots())
        if (!MODEL_FILE.test(file)) throw new UsageError(`${uri.href}: not a model file (*.ts, *.mts, *.js, *.mjs)`)
        const content = await readFile(file)
        if (content.length > MAX_RESOURCE_BYTES) throw new UsageError(`${uri.href}: larger than 1 MiB, not read`)
        return { contents: [{ uri: uri.href, mimeType: 'text/typescript', text: content.toString('utf8') }] }
      }),
  )

  // A model's code may throw later, from a timer or a promise nobody awaits: said on stderr, and the server goes on.
  const stray = (error: unknown) =>
    io.stderr.write(
      `plumbline mcp: an error no call was waiting for: ${error instanceof Error ? error.message : String(error)}\n`,
    )
  process.on('uncaughtException', stray)
  process.on('unhandledRejection', stray)
  // A stderr nobody reads any more is no reason to stop, and its write errors must not reach the
  // handlers above: they would write to it again, fail again, and so on forever at full CPU.
  process.stderr.on('error', () => undefined)
  const transport = new StdioServerTransport(process.stdin, protocolOut)
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve
  })
  // The client is gone when stdin ends or stdout's pipe breaks (EPIPE): nobody is left to answer.
  const clientGone = () => void server.close()
  process.stdin.once('end', clientGone)
  process.stdout.on('error', clientGone)
  protocolOut.on('error', clientGone)
  await server.connect(transport)
  io.stderr.write(
    `plumbline mcp ${version}: serving on stdio, files under ${startDirectory} unless the client names roots\n`,
  )
  await closed
  // A call still running (its worker threads, a model's timers) would keep the process alive for nobody.
  exit(EXIT_CLEAN)
}

/** The process's stdout for the protocol alone; everything else written to it goes to stderr. */
function protocolStdout(): Writable {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  return new Writable({ write: (chunk: Buffer, _encoding, done) => void write(chunk, done) })
}

function text(value: string): CallToolResult {
  return { content: [{ type: 'text', text: value }] }
}

/** Runs each call after the one before has finished (the model output capture is one per process). */
function serialQueue() {
  let queue: Promise<unknown> = Promise.resolve()
  return <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }
}

/** What a call threw, as a tool error: a usage or file-system error as its message, anything else as internal. */
function toolError(error: unknown, io: Io): CallToolResult {
  const message =
    error instanceof UsageError
      ? error.message
      : isFileSystemError(error)
        ? describeFileSystemError(error, io.cwd)
        : `internal error: ${error instanceof Error ? error.message : String(error)} (a bug in Plumbline: please report it)`
  if (!(error instanceof UsageError) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  return { content: [{ type: 'text', text: message }], isError: true }
}
