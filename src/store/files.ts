/** File helpers of the store: chunked reading and atomic replacement. */
import { closeSync, openSync, readSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** Reads a file in chunks (a synchronous iterable, as the store's `load()` wants). */
export function* readChunks(file: string, chunkSize = 4 << 20): Generator<Uint8Array> {
  const fd = openSync(file, "r");
  try {
    for (;;) {
      const buf = new Uint8Array(chunkSize);
      const n = readSync(fd, buf, 0, chunkSize, null);
      if (n === 0) return;
      yield n === chunkSize ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Something that can be written piece by piece. */
export interface ChunkSink {
  write(text: string): Promise<void>;
}

/**
 * Writes a file atomically: `file.tmp` is written by `fill`, fsynced, then renamed over
 * `file` (and the directory fsynced). On failure the temporary file is removed and `file`
 * is untouched.
 */
export async function writeAtomically(file: string, fill: (sink: ChunkSink) => Promise<void>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  try {
    await fill({
      write: async (text) => {
        await handle.write(text, null, "utf8");
      },
    });
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, file);
  try {
    const dir = await open(dirname(file), "r");
    await dir.sync().finally(() => dir.close());
  } catch {
    // fsync of a directory is not supported everywhere (e.g. Windows); the rename is done.
  }
}
