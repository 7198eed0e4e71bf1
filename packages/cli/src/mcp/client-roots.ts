/**
 * The roots a tool call works under (`roots.ts`), asked of the client (MCP `roots/list`) on each
 * call when it declares it has roots, else the folder the server serves. A client whose answer
 * is an error, is not a list of `file://` roots, or does not come within ROOTS_TIMEOUT_MS, has
 * the call refused with why: nothing is read then, and the server does not fall back to its own
 * folder, which the client did not offer.
 */
import { fileURLToPath } from 'node:url'
import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js'
import type { z } from 'zod'
import { UsageError } from '../errors.js'
import { rootsFrom, type Roots } from './roots.js'

/** Every call waits for the answer, so a client that never gives one must not hold each for the SDK's 60 s. */
const ROOTS_TIMEOUT_MS = 5000

/** The roots, when the client's could not be had: the tool error says why. */
class UnusableRootsError extends UsageError {
  constructor(reason: string) {
    super(`the client's roots could not be used: ${reason}; nothing was read`)
  }
}

/** The roots for one call: the client's, asked now (they may change), else `startDirectory`. */
export function clientRoots(server: Server, startDirectory: string): () => Promise<Roots> {
  return async () => {
    if (!server.getClientCapabilities()?.roots) return rootsFrom(undefined, startDirectory)
    const listed = await server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS }).catch((error: unknown) => {
      throw new UnusableRootsError(whyUnusable(error))
    })
    return rootsFrom(
      listed.roots.map(({ uri }) => folderOf(uri)),
      startDirectory,
    )
  }
}

function whyUnusable(error: unknown): string {
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout)
    return `the client did not answer roots/list within ${ROOTS_TIMEOUT_MS / 1000} s`
  if (error instanceof McpError) return `the client answered roots/list with an error (${error.message})`
  if (isSchemaError(error))
    return `the client's answer to roots/list is not a list of roots (${error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ')})`
  return `roots/list failed: ${error instanceof Error ? error.message : String(error)}`
}

function folderOf(uri: string): string {
  try {
    return fileURLToPath(uri)
  } catch {
    throw new UnusableRootsError(`${uri} is not a file:// URI of a folder on this machine`)
  }
}

/** The SDK's schema rejected the answer: a zod error, known by its issues (the SDK's zod need not be this bundle's copy). */
function isSchemaError(error: unknown): error is Pick<z.ZodError, 'issues'> {
  return error instanceof Error && Array.isArray((error as Partial<z.ZodError>).issues)
}
