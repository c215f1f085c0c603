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
 *
 * Each named graph's statements follow a line that names the graph and the length of its
 * section in bytes (`# article-kg graph <IRI> bytes=N`, a comment too). A save copies the
 * section of a graph that did not change since the file was read, instead of writing the graph
 * out of the store again (docs: README, "Store file").
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { copyFile, type FileHandle, link, mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** First line of a store file written with a checksum. */
export const STORE_HEADER = "# article-kg store 1\n";
const TRAILER = "# article-kg end:";
const TRAILER_LINE = /^# article-kg end: quads=(\d+) bytes=(\d+) sha256=([0-9a-f]{64})\n$/u;
/** Start of the line before a graph's section (after the newline that ends the line before it). */
const SECTION = "# article-kg graph ";
const SECTION_SEARCH = Buffer.from(`\n${SECTION}`);
const SECTION_START = Buffer.from(SECTION);
const BLANK = Buffer.from("_:");
const SECTION_LINE = /^# article-kg graph <([^\s<>]+)> bytes=(\d+)$/u;
/** Bytes carried over a chunk boundary when looking for section lines (a longer line is not used). */
const SECTION_CARRY = 8192;

/** The line that opens a graph's section of `bytes` bytes. */
export const sectionLine = (graph: string, bytes: number): string => `${SECTION}<${graph}> bytes=${bytes}\n`;

/** Bytes of a file: where a graph's statements are. */
export interface ByteRange {
  readonly file: string;
  readonly offset: number;
  readonly length: number;
}
/** Bytes held back from the running hash until the end is known (the trailer is shorter). */
const TAIL = 512;

/** Suffix of the previous generation of a saved file (`store.nq.prev`). */
export const PREVIOUS = ".prev";

/**
 * Reads a file in chunks (a synchronous iterable, as the store's `load()` wants); `fd`: an
 * open descriptor of it to read instead (from its start; left open).
 */
export function* readChunks(file: string, chunkSize = 4 << 20, fd?: number): Generator<Uint8Array> {
  const from = fd ?? openSync(file, "r");
  try {
    for (let at = 0; ; ) {
      const buf = new Uint8Array(chunkSize);
      const n = readSync(from, buf, 0, chunkSize, at);
      if (n === 0) return;
      at += n;
      yield n === chunkSize ? buf : buf.subarray(0, n);
    }
  } finally {
    if (fd === undefined) closeSync(from);
  }
}

/** What the end line of a store file says. */
export interface Trailer {
  readonly quads: number;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The end line of a store file, read from its last bytes alone (not checked against the
 * content: `CheckedReader` does that); undefined when it has none, or bytes after it.
 */
export function readTrailer(file: string, fd?: number): Trailer | undefined {
  const from = fd ?? openSync(file, "r");
  try {
    const size = fstatSync(from).size;
    const length = Math.min(TAIL, size);
    const buf = Buffer.alloc(length);
    for (let at = 0; at < length; ) {
      const n = readSync(from, buf, at, length - at, size - length + at);
      if (n === 0) return undefined;
      at += n;
    }
    const at = buf.lastIndexOf(`\n${TRAILER}`);
    if (at < 0) return undefined;
    const line = buf.subarray(at + 1).toString("utf8");
    const m = TRAILER_LINE.exec(line);
    if (!m || Number(m[2]) + Buffer.byteLength(line, "utf8") !== size) return undefined;
    return { quads: Number(m[1]), bytes: Number(m[2]), sha256: m[3] as string };
  } finally {
    if (fd === undefined) closeSync(from);
  }
}

/**
 * The graphs' sections that begin in `data`, bytes of a store file from `offset` on, where a
 * line begins (not checked against the file: its checksum does that); as `CheckedReader`'s,
 * those without a blank node.
 */
export function sectionsIn(data: Buffer, file: string, offset: number): Map<string, ByteRange> {
  const found = new Map<string, ByteRange>();
  // a line begins at 0 (the byte before `offset` ends one) and after each newline
  let at = data.subarray(0, SECTION_START.length).equals(SECTION_START) ? 0 : data.indexOf(SECTION_SEARCH);
  while (at >= 0) {
    const line = at === 0 && data[0] !== 0x0a ? 0 : at + 1;
    const end = data.indexOf(10, line);
    if (end < 0) break;
    const section = sectionOf(data, line, end, file, offset);
    if (section !== undefined) found.set(...section);
    at = data.indexOf(SECTION_SEARCH, end);
  }
  const blanks: number[] = [];
  blankOffsets(data, offset, blanks);
  return withoutBlanks(found, blanks);
}

/** The section the line `data[line, end)` opens (`data`: bytes of `file` from `offset` on), if it is a section line. */
function sectionOf(
  data: Buffer,
  line: number,
  end: number,
  file: string,
  offset: number,
): [string, ByteRange] | undefined {
  const m = SECTION_LINE.exec(data.subarray(line, end).toString("utf8"));
  return m ? [m[1] as string, { file, offset: offset + end + 1, length: Number(m[2]) }] : undefined;
}

/** Adds where `_:` occurs in `data` (bytes of a file from `offset` on) to `into`. */
function blankOffsets(data: Buffer, offset: number, into: number[]): void {
  for (let at = data.indexOf(BLANK); at >= 0; at = data.indexOf(BLANK, at + 2)) into.push(offset + at);
}

/**
 * The sections without a blank node. Blank-node labels are scoped to one load (the engine gives
 * them new ones), so the text of a graph with one cannot be copied: the label would no longer
 * be the one the engine writes for the same node in the other graphs. `blanks`: sorted offsets.
 */
export function withoutBlanks(
  sections: ReadonlyMap<string, ByteRange>,
  blanks: readonly number[],
): Map<string, ByteRange> {
  const out = new Map<string, ByteRange>();
  for (const [g, r] of sections) {
    // the first blank at or after the section's start
    let lo = 0;
    let hi = blanks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blanks[mid] as number) < r.offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo < blanks.length && (blanks[lo] as number) < r.offset + r.length) continue;
    out.set(g, r);
  }
  return out;
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
  readonly #fd: number | undefined;
  #hash: Hash = createHash("sha256");
  #hashed = 0;
  #tail = Buffer.alloc(0);
  #first = true;
  #legacy = false;
  #done = false;
  /** Bytes read so far. */
  #read = 0;
  /** The end of the last chunk, where a section line may begin. */
  #carry = Buffer.alloc(0);
  readonly #sections = new Map<string, ByteRange>();
  /** Where a blank-node label may begin (`_:`, in a literal too: a false alarm costs a copy only). */
  readonly #blanks: number[] = [];
  #lastByte = 0;
  #verdict: FileCheck | undefined;

  /** `fd`: an open descriptor of the file to read instead of opening it by name (left open). */
  constructor(file: string, fd?: number) {
    this.#file = file;
    this.#fd = fd;
  }

  /** The chunks of the file, hashed as they go by. */
  *chunks(chunkSize = 4 << 20): Generator<Uint8Array> {
    for (const chunk of readChunks(this.#file, chunkSize, this.#fd)) {
      if (this.#first) {
        this.#first = false;
        this.#legacy = !Buffer.from(chunk.subarray(0, STORE_HEADER.length)).equals(Buffer.from(STORE_HEADER));
      }
      if (!this.#legacy) {
        this.#feed(chunk);
        this.#scan(chunk);
        this.#findBlanks(chunk);
      }
      this.#read += chunk.length;
      yield chunk;
    }
    this.#done = true;
  }

  /**
   * The graphs' sections of a file that passed `check()`, by graph IRI: each one holds exactly
   * the statements of its graph. Empty for a file without them (legacy, or any check failed).
   */
  sections(): ReadonlyMap<string, ByteRange> {
    const check = this.check();
    if (!check.ok || check.legacy) return new Map();
    return withoutBlanks(this.#sections, this.#blanks);
  }

  /** Every section line's section (a section with a blank node too), of a file that passed `check()`. */
  allSections(): ReadonlyMap<string, ByteRange> {
    const check = this.check();
    if (!check.ok || check.legacy) return new Map();
    return this.#sections;
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
    this.#verdict ??= this.#verdictOf();
    return this.#verdict;
  }

  #verdictOf(): FileCheck {
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

  #findBlanks(chunk: Uint8Array): void {
    const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.#lastByte === 0x5f && data[0] === 0x3a) this.#blanks.push(this.#read - 1);
    blankOffsets(data, this.#read, this.#blanks);
    if (data.length > 0) this.#lastByte = data[data.length - 1] as number;
  }

  /** Finds the section lines in a chunk (and the end of the one before). */
  #scan(chunk: Uint8Array): void {
    const data =
      this.#carry.length === 0
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
        : Buffer.concat([this.#carry, chunk]);
    const base = this.#read - this.#carry.length;
    let from = 0;
    let keepFrom = Math.max(0, data.length - SECTION_SEARCH.length);
    for (;;) {
      const at = data.indexOf(SECTION_SEARCH, from);
      if (at < 0) break;
      const end = data.indexOf(10, at + 1);
      if (end < 0) {
        keepFrom = data.length - at > SECTION_CARRY ? data.length : at; // the line goes on in the next chunk
        break;
      }
      const section = sectionOf(data, at + 1, end, this.#file, base);
      if (section !== undefined) this.#sections.set(...section);
      from = end;
      keepFrom = Math.max(keepFrom, end);
    }
    this.#carry = Buffer.from(data.subarray(keepFrom));
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

/** The sink of `writeAtomically`: text, bytes, or bytes copied from another file. */
export interface FileSink extends ChunkSink {
  write(data: string | Uint8Array): Promise<void>;
  /** Copies a range of another file (ranges that follow each other in their file are read in one go). */
  copy(range: ByteRange): Promise<void>;
  /** Bytes written so far (the offset of the next byte in the file). */
  readonly written: number;
}

/** Options of `writeAtomically`. */
export interface AtomicWriteOptions {
  /** Keep the file being replaced as `file.prev` (one generation). */
  readonly keepPrevious?: boolean;
  /** Frame the content as a store file: header line, and an end line with the quad count and checksum. */
  readonly checksum?: { readonly quads: () => number };
}

/** Bytes per read when copying a range of a file. */
const COPY_CHUNK = 4 << 20;

/**
 * Writes a file atomically: `file.tmp` is written by `fill`, fsynced, then renamed over
 * `file` (and the directory fsynced), so `file` is always the old or the new content, even
 * after a `kill -9` or a power cut. With `keepPrevious` the old content stays as `file.prev`
 * (hard-linked before the rename, so `file` never goes missing). On failure the temporary
 * file is removed and `file` is untouched.
 */
export async function writeAtomically(
  file: string,
  fill: (sink: FileSink) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let hashing = options.checksum !== undefined;
  const put = async (buf: Uint8Array) => {
    if (hashing) hash.update(buf);
    for (let at = 0; at < buf.length; ) at += (await handle.write(buf, at)).bytesWritten;
  };
  // Copies wait until the next write, so that ranges which follow each other in their file
  // are copied in one go; each source file is opened once.
  let pending: { file: string; offset: number; length: number } | undefined;
  const sources = new Map<string, FileHandle>();
  const flush = async () => {
    if (pending === undefined) return;
    const range = pending;
    pending = undefined;
    let from = sources.get(range.file);
    if (from === undefined) {
      from = await open(range.file, "r");
      sources.set(range.file, from);
    }
    const buf = Buffer.allocUnsafe(Math.min(COPY_CHUNK, Math.max(1, range.length)));
    for (let done = 0; done < range.length; ) {
      const want = Math.min(buf.length, range.length - done);
      const { bytesRead } = await from.read(buf, 0, want, range.offset + done);
      if (bytesRead === 0) throw new Error(`${range.file} ends before byte ${range.offset + range.length}`);
      await put(buf.subarray(0, bytesRead));
      done += bytesRead;
    }
  };
  const sink: FileSink = {
    write: async (data) => {
      if (data.length === 0) return;
      await flush();
      const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      bytes += buf.length;
      await put(buf);
    },
    copy: async (range) => {
      if (range.length === 0) return;
      bytes += range.length;
      if (pending !== undefined && pending.file === range.file && pending.offset + pending.length === range.offset)
        pending.length += range.length;
      else {
        await flush();
        pending = { ...range };
      }
    },
    get written() {
      return bytes;
    },
  };
  const closeSources = async () => {
    for (const h of sources.values()) await h.close();
    sources.clear();
  };
  try {
    if (options.checksum) await sink.write(STORE_HEADER);
    await fill(sink);
    await flush();
    await closeSources();
    if (options.checksum) {
      const end = trailerLine(options.checksum.quads(), bytes, hash.digest("hex"));
      hashing = false; // the end line is not part of the checksum
      await sink.write(end);
    }
    await handle.sync();
  } catch (e) {
    await closeSources();
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  if (options.keepPrevious && existsSync(file)) await keepAside(file);
  await rename(tmp, file);
  await syncDir(dirname(file));
}

/** The end line of a store file: its quads, the bytes before the line and their SHA-256 (hex). */
export const trailerLine = (quads: number, bytes: number, sha256: string): string =>
  `${TRAILER} quads=${quads} bytes=${bytes} sha256=${sha256}\n`;

/** Makes `file.prev` the current content of `file`, which stays in place. */
export async function keepAside(file: string): Promise<void> {
  const prevTmp = `${file}${PREVIOUS}.tmp`;
  await rm(prevTmp, { force: true });
  try {
    await link(file, prevTmp);
  } catch {
    await copyFile(file, prevTmp); // no hard links on this file system
  }
  await rename(prevTmp, `${file}${PREVIOUS}`);
}

export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    await handle.sync().finally(() => handle.close());
  } catch {
    // fsync of a directory is not supported everywhere (e.g. Windows); the rename is done.
  }
}
