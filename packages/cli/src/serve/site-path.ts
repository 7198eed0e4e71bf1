/**
 * Which file of the site a request names, if any: the one job between a URL and the disk.
 * Anything that could leave the site folder is no file at all (404): `..` and `.` segments
 * (percent-encoded too, decoded once, as the server sees them), backslashes, NUL, absolute
 * request targets, hidden names (the atomic writes' temporaries), and any path whose real
 * location — symlinks followed — is outside the folder, or is not one of the files the
 * site was rendered into (a folder given to `--out` may hold files of the user's). A folder
 * is never listed: `/` and `…/` are their `index.html`, and a folder named without the
 * slash is no file.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * `target`: the request's target as sent (`/a/b.html?x`); `root`: the site folder; `files`:
 * the site's files, relative to it with `/` between segments. Returns an absolute real path.
 */
export async function resolveSitePath(
  root: string,
  target: string,
  files: ReadonlySet<string>,
): Promise<string | undefined> {
  const segments = requestSegments(target)
  if (segments === undefined) return undefined
  const last = segments.length - 1
  if (segments[last] === '') segments[last] = 'index.html'
  if (!files.has(segments.join('/'))) return undefined
  const realRoot = await realpath(root).catch(() => undefined)
  const real = await realpath(path.join(root, ...segments)).catch(() => undefined)
  if (realRoot === undefined || real === undefined || !real.startsWith(`${realRoot}${path.sep}`)) return undefined
  const stats = await stat(real).catch(() => undefined)
  return stats?.isFile() ? real : undefined
}

/** The decoded path segments of an origin-form target (`/…`), or undefined for one that may not name a site file. */
export function requestSegments(target: string): string[] | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined
  const pathname = target.split(/[?#]/u, 1)[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (/[\\\0]/u.test(decoded)) return undefined
  const segments = decoded.slice(1).split('/')
  const inner = segments.slice(0, -1)
  const last = segments[segments.length - 1] ?? ''
  if (inner.some((segment) => segment === '') || [...inner, last].some((segment) => segment.startsWith('.')))
    return undefined
  return segments
}
