// The local runner's file handling: every file it writes appears complete or not at all (written
// beside its target, flushed, then renamed), carries the input's file mode, and every failure is one
// line naming the path and what to do. One run at a time per input workbook (a lock file beside
// it, and one beside the output), and an append-only journal beside the input that records each
// sent mail before the next one goes.

import { constants } from 'node:fs';
import { chmod, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fill } from '../i18n/catalogue';
import { say, terminalWords } from './messages';

/** A file-system failure, told as one line with the path and what to do; exit code 2. */
export class FileError extends Error {}

/** The one-line reason for a file-system error code, and what the user can do about it. */
export function fileError(error: unknown, path: string, action: string): FileError {
  if (error instanceof FileError) return error;
  const code = (error as { code?: string }).code;
  const words = terminalWords();
  const reason = code ? words.fileReasons[code] : undefined;
  const why = fill(reason ?? words.fileReasons.other, { folder: dirname(path), message: (error as Error).message ?? String(error) });
  const what = words.fileActions[action] ? fill(words.fileActions[action], { path }) : `Cannot ${action} ${path}`;
  return new FileError(`${what}: ${why}`);
}

/** Runs one file-system step; a failure becomes a FileError naming the path. */
export async function step<T>(path: string, action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fileError(error, path, action);
  }
}

const TEMP_MARK = '.cadans-tmp-';

/** The temporary name a file is written under before it is renamed into place. */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}`);
}

/**
 * Writes `data` to `path` atomically: into a temporary file beside it (created exclusively,
 * flushed to disk), given `mode`, then renamed over the target. On any failure the temporary file
 * is removed and the target is as it was.
 */
export async function writeAtomically(path: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info && !info.isFile()) throw new FileError(say('fileTargetNotFile', { path }));
  const temporary = temporaryPath(path);
  try {
    await rm(temporary, { force: true });
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The open mode is narrowed by the umask; the input's mode is what the output must have.
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw fileError(error, path, 'write');
  }
}

/**
 * Removes the temporary files that runs killed earlier left in `dir` (those starting with `prefix`,
 * '' for all): only those of a process that is gone, so a live run's file is never taken away.
 */
export async function removeLeftovers(dir: string, prefix = ''): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const mark = name.lastIndexOf(TEMP_MARK);
    if (mark < 0 || !name.startsWith(prefix)) continue;
    const pid = Number(name.slice(mark + TEMP_MARK.length));
    if (Number.isInteger(pid) && (pid === process.pid || alive(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

/** Is the workbook at `a` the same file as `b` (same path after resolving links, or same inode)? */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const { realpath } = await import('node:fs/promises');
  const real = async (p: string) => {
    try {
      return await realpath(p);
    } catch {
      return join(await realpath(dirname(p)).catch(() => dirname(p)), basename(p));
    }
  };
  return (await real(a)) === (await real(b));
}

// ---- One run at a time ---------------------------------------------------------------------------

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

/** A lock older than this is taken over whatever its process: no run of Cadans takes hours. */
export const STALE_LOCK_MS = 6 * 60 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function isStale(holder: LockHolder | null, now: number): boolean {
  if (!holder) return true; // unreadable: a run that died while writing it
  const started = Date.parse(holder.started);
  if (!Number.isFinite(started) || now - started > STALE_LOCK_MS) return true;
  return holder.host === hostname() && !alive(holder.pid);
}

export interface Lock {
  path: string;
  release(): Promise<void>;
}

/**
 * Takes the lock `path` (created exclusively, holding pid, host and start time). While another
 * live run holds it, waits up to `waitMs`, then stops with a message naming that run. A lock left
 * by a run that is gone (its process ended on this host, or it is hours old) is taken over.
 */
export async function acquireLock(path: string, waitMs: number, onWait?: (holder: LockHolder) => void): Promise<Lock> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    try {
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await handle.writeFile(`${JSON.stringify(me)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        path,
        release: async () => {
          // Only our own lock is removed.
          const now = await readFile(path, 'utf8').catch(() => '');
          if (now.includes(`"pid":${me.pid},`) && now.includes(me.started)) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw fileError(error, path, 'create the lock file');
    }
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue; // released in between
    let holder: LockHolder | null = null;
    try {
      holder = JSON.parse(text) as LockHolder;
    } catch {
      holder = null;
    }
    // A lock file still being written is a few bytes for a few microseconds; give it a moment.
    const age = Date.now() - ((await stat(path).catch(() => null))?.mtimeMs ?? 0);
    if (isStale(holder, Date.now()) && (holder !== null || age > 2000)) {
      // Take it over: move it aside under a name of our own, so two runs cannot both take it.
      const aside = `${path}.stale-${process.pid}`;
      try {
        await rename(path, aside);
        await rm(aside, { force: true });
      } catch {
        // another run took it over first
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? say('fileLockHolder', { pid: holder.pid, host: holder.host, started: holder.started }) : say('fileLockStarting');
      throw new FileError(say('fileLocked', { who, path }));
    }
    if (!told && holder) {
      onWait?.(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// ---- The journal ---------------------------------------------------------------------------------

/**
 * An append-only file of JSON lines beside the input workbook. Each line is written and flushed to
 * disk before append returns (the file opened for that line alone, so a journal that became
 * unwritable is noticed at once), and what it records survives a crash the moment after.
 */
export class Journal {
  private constructor(
    readonly path: string,
    private readonly mode: number,
  ) {}

  /** Opens (creates) the journal once, to prove it can be written before anything is sent. */
  static async open(path: string, mode?: number): Promise<Journal> {
    const info = await stat(path).catch(() => null);
    if (info && !info.isFile()) throw new FileError(say('fileJournalNotFile', { path }));
    const handle = await step(path, 'open the journal', () => open(path, 'a', mode ?? 0o644));
    await handle.close();
    return new Journal(path, mode ?? 0o644);
  }

  static async read(path: string): Promise<unknown[]> {
    const text = await readFile(path, 'utf8').catch((error: { code?: string }) => {
      if (error.code === 'ENOENT') return '';
      throw fileError(error, path, 'read the journal');
    });
    const records: unknown[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        // The last line of a run killed while writing it: that record never completed.
      }
    }
    return records;
  }

  async append(record: unknown): Promise<void> {
    await step(this.path, 'write the journal', async () => {
      const handle = await open(this.path, 'a', this.mode);
      try {
        // A leading newline ends a line a killed run left half written, so this record stands alone.
        await handle.write(`\n${JSON.stringify(record)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }
}
