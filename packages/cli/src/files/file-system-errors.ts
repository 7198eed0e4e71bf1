/**
 * A file-system error is the user's to fix, not a bug: a folder that is a file, a path
 * without permission, a full disk. Each known code becomes one line naming the path and
 * what to do, ending the command with exit code 2 like any other unusable input.
 */
import { displayPath } from '../load/find-model-files.js'

interface FileSystemError extends Error {
  code: string
  syscall?: string
  path?: string
  dest?: string
}

const WHAT_TO_DO: Readonly<Record<string, string>> = {
  ENOTDIR: 'a part of the path is a file, not a folder: choose a path through folders',
  EISDIR: 'it is a folder where a file is expected: name a file',
  ENOENT: 'no such file or folder: check the path, or create its folder',
  EACCES: 'permission denied: make it accessible to this user, or choose another path',
  EPERM: 'operation not permitted: make it accessible to this user, or choose another path',
  ENAMETOOLONG: 'the name is too long for the file system: choose a shorter path',
  EROFS: 'the file system is read-only: choose a writable path',
  ENOSPC: 'no space left on the device: free some space, or choose another path',
  EDQUOT: 'the disk quota is exhausted: free some space, or choose another path',
  ELOOP: 'too many symbolic links (a loop?): check the links on the path',
  EMFILE: 'too many open files: raise the limit (ulimit -n) or check fewer files at once',
  EBUSY: 'the file is busy: close the program using it and run again',
}

const VERBS: Readonly<Record<string, string>> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  rename: 'cannot write',
  link: 'cannot write',
  mkdir: 'cannot create the folder',
  scandir: 'cannot read the folder',
  opendir: 'cannot read the folder',
  stat: 'cannot read',
  lstat: 'cannot read',
  realpath: 'cannot resolve',
  unlink: 'cannot remove',
  chmod: 'cannot set the mode of',
}

export function isFileSystemError(error: unknown): error is FileSystemError {
  if (!(error instanceof Error)) return false
  const { code } = error as { code?: unknown }
  return typeof code === 'string' && Object.hasOwn(WHAT_TO_DO, code)
}

/** `cannot write docs/x.md: a part of the path is a file, not a folder: … (ENOTDIR)`. */
export function describeFileSystemError(error: FileSystemError, cwd: string): string {
  // A rename or link names the temporary first; the user knows the destination.
  const target = error.dest ?? error.path
  const verb = (error.syscall !== undefined && VERBS[error.syscall]) || 'cannot use'
  const where = target === undefined ? '' : ` ${displayPath(target, cwd)}`
  return `${verb}${where}: ${WHAT_TO_DO[error.code]} (${error.code})`
}
