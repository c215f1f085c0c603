/**
 * Files of the store: chunked reading, atomic replacement keeping the previous generation, and
 * the self-checking store file. `store.nq` opens with a header line and ends with a line that
 * holds the number of quads, the number of bytes before it and their SHA-256 (N-Quads
 * comments, so any N-Quads reader still reads it):
 *
 *     # article-kg store 1
 *     <s> <p> <o> <g> .
 *     …
 *     # article-kg end: quads=27428 bytes=6178871 sha256=…
 *
 * A file cut short or changed on disk fails that check on load; a file without the header
 * (written before the check existed) is read as it is.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { copyFile, link, mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** First line of a store file written with a checksum. */
export const STORE_HEADER = "# article-kg store 1\n";
const TRAILER = "# article-kg end:";
const TRAILER_LINE = /^# article-kg end: quads=(\d+) bytes=(\d+) sha256=([0-9a-f]{64})\n$/u;
/** Bytes held back from the running hash until the end is known (the trailer is shorter). */
const TAIL = 512;

/** Suffix of the previous generation of a saved file (`store.nq.prev`). */
export const PREVIOUS = ".prev";

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

/** What reading a store file found out. */
export type FileCheck =
  | { readonly ok: true; readonly legacy: boolean; readonly quads?: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a store file in chunks (to hand to the store's `load()`) and checks it on the way:
 * once the iteration is over, `check()` says whether the header, the end line and the checksum
 * agree.
 */
export class CheckedReader {
  readonly #file: string;
  #hash: Hash = createHash("sha256");
  #hashed = 0;
  #tail = Buffer.alloc(0);
  #first = true;
  #legacy = false;
  #done = false;

  constructor(file: string) {
    this.#file = file;
  }

  /** The chunks of the file, hashed as they go by. */
  *chunks(chunkSize = 4 << 20): Generator<Uint8Array> {
    for (const chunk of readChunks(this.#file, chunkSize)) {
      if (this.#first) {
        this.#first = false;
        this.#legacy = !Buffer.from(chunk.subarray(0, STORE_HEADER.length)).equals(Buffer.from(STORE_HEADER));
      }
      if (!this.#legacy) this.#feed(chunk);
      yield chunk;
    }
    this.#done = true;
  }

  /** Reads the whole file without using it, to check it. */
  checkOnly(): FileCheck {
    for (const _ of this.chunks()) {
      // hashing only
    }
    return this.check();
  }

  /** The verdict, once every chunk was read. */
  check(): FileCheck {
    if (!this.#done) return { ok: false, reason: "it was not read to the end" };
    if (this.#first) return { ok: true, legacy: true }; // an empty file: an empty store of an old version
    if (this.#legacy) return { ok: true, legacy: true };
    const tail = this.#tail;
    const at = tail.lastIndexOf(`\n${TRAILER}`);
    if (at < 0) return { ok: false, reason: "it is cut short (its end line is missing)" };
    const m = TRAILER_LINE.exec(tail.subarray(at + 1).toString("utf8"));
    if (!m) return { ok: false, reason: "its end line is damaged or followed by more text" };
    this.#hash.update(tail.subarray(0, at + 1));
    const bytes = this.#hashed + at + 1;
    if (bytes !== Number(m[2]))
      return { ok: false, reason: `it has ${bytes} bytes of data where ${m[2]} were written` };
    if (this.#hash.digest("hex") !== m[3]) return { ok: false, reason: "its checksum does not match its content" };
    return { ok: true, legacy: false, quads: Number(m[1]) };
  }

  #feed(chunk: Uint8Array): void {
    const all = this.#tail.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#tail, chunk]);
    const keep = Math.min(TAIL, all.length);
    const head = all.subarray(0, all.length - keep);
    if (head.length > 0) {
      this.#hash.update(head);
      this.#hashed += head.length;
    }
    this.#tail = Buffer.from(all.subarray(all.length - keep));
  }
}

/** Something that can be written piece by piece. */
export interface ChunkSink {
  write(text: string): Promise<void>;
}

/** Options of `writeAtomically`. */
export interface AtomicWriteOptions {
  /** Keep the file being replaced as `file.prev` (one generation). */
  readonly keepPrevious?: boolean;
  /** Frame the content as a store file: header line, and an end line with the quad count and checksum. */
  readonly checksum?: { readonly quads: () => number };
}

/**
 * Writes a file atomically: `file.tmp` is written by `fill`, fsynced, then renamed over
 * `file` (and the directory fsynced), so `file` is always the old or the new content, even
 * after a `kill -9` or a power cut. With `keepPrevious` the old content stays as `file.prev`
 * (hard-linked before the rename, so `file` never goes missing). On failure the temporary
 * file is removed and `file` is untouched.
 */
export async function writeAtomically(
  file: string,
  fill: (sink: ChunkSink) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let hashing = options.checksum !== undefined;
  const write = async (text: string) => {
    if (text === "") return;
    const buf = Buffer.from(text, "utf8");
    if (hashing) {
      hash.update(buf);
      bytes += buf.length;
    }
    for (let at = 0; at < buf.length; ) at += (await handle.write(buf, at)).bytesWritten;
  };
  try {
    if (options.checksum) await write(STORE_HEADER);
    await fill({ write });
    if (options.checksum) {
      const end = `${TRAILER} quads=${options.checksum.quads()} bytes=${bytes} sha256=${hash.digest("hex")}\n`;
      hashing = false; // the end line is not part of the checksum
      await write(end);
    }
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  if (options.keepPrevious && existsSync(file)) await keepAside(file);
  await rename(tmp, file);
  await syncDir(dirname(file));
}

/** Makes `file.prev` the current content of `file`, which stays in place. */
async function keepAside(file: string): Promise<void> {
  const prevTmp = `${file}${PREVIOUS}.tmp`;
  await rm(prevTmp, { force: true });
  try {
    await link(file, prevTmp);
  } catch {
    await copyFile(file, prevTmp); // no hard links on this file system
  }
  await rename(prevTmp, `${file}${PREVIOUS}`);
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    await handle.sync().finally(() => handle.close());
  } catch {
    // fsync of a directory is not supported everywhere (e.g. Windows); the rename is done.
  }
}
