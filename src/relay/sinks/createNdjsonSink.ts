import { createReadStream } from 'node:fs';
import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  unlink,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ForgetQuery, NdjsonSinkOptions, Sink, StoredRecord } from '../types';
import { matchesForget } from './createMemorySink';

/**
 * One record as one NDJSON line. JSON.stringify leaves U+2028 and U+2029 raw; they are valid
 * JSON but line terminators to JavaScript and to many line readers, so one stored line could
 * be read as two. Escaped, every reader splits only at `\n`.
 */
const toLine = (record: StoredRecord): string =>
  `${JSON.stringify(record)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;

/** `YYYY-MM-DD.ndjson`, the only files this sink reads, rewrites or deletes. */
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.ndjson$/;
const MS_PER_DAY = 864e5;
/** How often the retention sweep runs at most (an hour). */
const SWEEP_EVERY_MS = 36e5;
const NEWLINE = 0x0a;

const dayOf = (iso: string) => iso.slice(0, 10);

const parseLine = (line: string): StoredRecord | null => {
  try {
    return line ? (JSON.parse(line) as StoredRecord) : null;
  } catch {
    return null;
  }
};

/**
 * The embedded store: one NDJSON file per UTC day. Every change goes through one serialised
 * writer (a promise chain), so lines never interleave and `/forget` never races an append.
 * Appends are group-committed: records arriving while a write is in flight are joined into the
 * next single `appendFile` of whole lines. Forget rewrites a file to a temp file and renames it
 * over the original, so a crash leaves either the old or the new file, never half of one.
 */
export const createNdjsonSink = (
  { dir, retentionDays = 30 }: NdjsonSinkOptions,
  now: () => number = Date.now,
): Sink => {
  let chain: Promise<unknown> = Promise.resolve();
  let pending: { day: string; text: string }[] = [];
  let flushing: Promise<void> | null = null;
  let ready: Promise<void> | null = null;
  const repaired = new Set<string>();
  /** Open append handles, by path: opening and closing per batch costs more than the write. */
  const handles = new Map<string, FileHandle>();
  let lastSweep = 0;

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => {});
    return run;
  };

  // A failed mkdir is not kept: once the directory can be created again, writes must resume.
  const ensureDir = () =>
    (ready ??= mkdir(dir, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        ready = null;
        throw error;
      },
    ));

  /** A crash mid-append can leave a partial last line: cut it off before appending after it. */
  const repairTail = async (path: string) => {
    if (repaired.has(path)) return;
    repaired.add(path);
    const handle = await open(path, 'r+').catch(() => null);
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size === 0) return;
      const tail = Buffer.alloc(Math.min(size, 65536));
      await handle.read(tail, 0, tail.length, size - tail.length);
      if (tail[tail.length - 1] === NEWLINE) return;
      const lastNewline = tail.lastIndexOf(NEWLINE);
      await handle.truncate(
        lastNewline < 0 ? size - tail.length : size - tail.length + lastNewline + 1,
      );
    } finally {
      await handle.close();
    }
  };

  /** Closes the handle of `path` (before a rename or delete), or every handle. */
  const release = async (path?: string) => {
    for (const [key, handle] of handles) {
      if (path !== undefined && key !== path) continue;
      handles.delete(key);
      await handle.close().catch(() => {});
    }
  };

  const handleFor = async (path: string): Promise<FileHandle> => {
    let handle = handles.get(path);
    if (!handle) {
      await repairTail(path);
      // Yesterday's file is done with once today's opens; keep at most two (around midnight).
      if (handles.size >= 2) await release(handles.keys().next().value);
      handle = await open(path, 'a');
      handles.set(path, handle);
    }
    return handle;
  };

  const files = async (): Promise<string[]> => {
    await ensureDir();
    return (await readdir(dir)).filter((name) => DAY_FILE.test(name)).sort();
  };

  const sweep = async () => {
    if (now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now();
    const oldest = dayOf(new Date(now() - retentionDays * MS_PER_DAY).toISOString());
    for (const name of await files()) {
      if (name.slice(0, 10) >= oldest) continue;
      await release(join(dir, name));
      await unlink(join(dir, name)).catch(() => {});
    }
  };

  const flush = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    const byDay = new Map<string, string>();
    for (const { day, text } of batch) byDay.set(day, (byDay.get(day) ?? '') + text);
    await ensureDir();
    for (const [day, text] of byDay) {
      const handle = await handleFor(join(dir, `${day}.ndjson`));
      try {
        await handle.appendFile(text);
      } catch (error) {
        // A handle that failed once (disk full, file removed) is reopened on the next write.
        await release(join(dir, `${day}.ndjson`));
        throw error;
      }
    }
    await sweep();
  };

  /** Joins everything queued so far into the next write; resolves when that write is done. */
  const schedule = (): Promise<void> => {
    if (flushing) return flushing;
    flushing = serial(async () => {
      flushing = null;
      await flush();
    });
    return flushing;
  };

  const forgetIn = async (name: string, query: ForgetQuery): Promise<number> => {
    const path = join(dir, name);
    const lines = (await readFile(path, 'utf8')).split('\n');
    const kept = lines.filter((line) => {
      const record = parseLine(line);
      return !record || !matchesForget(record, query);
    });
    const removed = lines.length - kept.length;
    if (removed === 0) return 0;
    const temp = join(dir, `.${name}.${process.pid}.${now()}.tmp`);
    await writeFile(temp, kept.join('\n'));
    await release(path);
    await rename(temp, path);
    return removed;
  };

  return {
    name: 'ndjson',
    write(records) {
      for (const record of records) {
        pending.push({ day: dayOf(record.received), text: toLine(record) });
      }
      return schedule();
    },
    forget(query) {
      return serial(async () => {
        let removed = 0;
        for (const name of await files()) removed += await forgetIn(name, query);
        return removed;
      });
    },
    async recent(limit) {
      const result: StoredRecord[] = [];
      const names = await files();
      for (let i = names.length - 1; i >= 0 && result.length < limit; i--) {
        const lines = (await readFile(join(dir, names[i]), 'utf8')).split('\n');
        for (let j = lines.length - 1; j >= 0 && result.length < limit; j--) {
          const record = parseLine(lines[j]);
          if (record) result.push(record);
        }
      }
      return result.reverse();
    },
    async *scan() {
      for (const name of await files()) {
        const lines = createInterface({
          input: createReadStream(join(dir, name)),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          const record = parseLine(line);
          if (record) yield record;
        }
      }
    },
  };
};
