/**
 * What every response of `plumbline serve` carries, and who may ask. Scripts come from the
 * site only (the viewer has no inline script), nothing is sniffed, framed or referred, and a
 * request whose Host is not this server's own name is refused: a web page elsewhere that
 * re-points its domain at 127.0.0.1 (DNS rebinding) cannot read the site.
 */
import path from 'node:path'
import { VIEWER_CSP } from '@plumbline/render'

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${VIEWER_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
}

export const ALLOWED_METHODS = ['GET', 'HEAD'] as const

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
}

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** The loopback names a browser on this machine uses. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/**
 * The `Host` values this server answers to: its loopback names (or, with `--host`, that
 * name; for a wildcard address, every name of this machine: `machineNames`), with its port.
 * A browser always sends the port it connected to unless it is 80.
 */
export function allowedHosts(
  host: string | undefined,
  port: number,
  machineNames: readonly string[] = [],
): Set<string> {
  const names =
    host === undefined || isLoopback(host)
      ? LOOPBACK_NAMES
      : WILDCARDS.includes(host)
        ? [...LOOPBACK_NAMES, ...machineNames]
        : [host]
  return new Set(
    names
      .map((name) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name))
      .flatMap((name) => [`${name}:${port}`, ...(port === 80 ? [name] : [])])
      .map(lower),
  )
}

/** Addresses that listen on every interface. */
const WILDCARDS = ['0.0.0.0', '::', '[::]']

export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  return header !== undefined && allowed.has(lower(header))
}

/** A request from a page of this site: no Origin (same-origin GET), or this server's own origin. */
export function isSameOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true
  return origin.startsWith('http://') && allowed.has(lower(origin.slice('http://'.length)))
}

export function isLoopback(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(lower(host))
}

function lower(text: string): string {
  return text.toLowerCase()
}
