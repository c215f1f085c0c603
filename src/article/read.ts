/**
 * Reads an article file: decodes it (decode.ts: UTF-8, UTF-16, GB18030/GBK, Big5, detected or
 * forced), drops a leading byte-order mark, and finds its title, script and publication date.
 * Nothing else in the text is changed, so offsets stay valid.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { KgError } from "../errors.js";
import type { Article } from "../types.js";
import { decodeBytes, knownEncoding } from "./decode.js";
import { declaredCharset, looksLikeHtml, readHtml } from "./html.js";
import { detectScript } from "./script.js";

/** Options for reading one article. */
export interface ReadOptions {
  /** Publication date `YYYY-MM-DD`; overrides a date found in the header. */
  readonly published?: string;
  /** Article id; default: slug of the file name. */
  readonly id?: string;
  /** Encoding of the file (an iconv-lite name); default: detected. */
  readonly encoding?: string;
}

/**
 * Decodes article bytes (UTF-8 with or without BOM, UTF-16, GB18030/GBK, Big5; see decode.ts),
 * or with a forced `encoding`. Refuses binary and undecodable files with E_INPUT_ENCODING.
 */
export function decode(bytes: Uint8Array, file = "<input>", encoding?: string): string {
  return decodeBytes(bytes, file, encoding).text;
}

/** Slug of a file name usable in IRIs: letters, digits, '-', '_' and CJK kept. */
export function slugOf(file: string): string {
  const s = basename(file, extname(file))
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return s || "article";
}

const DATE_PATTERNS: readonly RegExp[] = [/(?<![\d])((?:19|20)\d\d)[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?/u];

/** Finds a publication date in the header (the first lines after the title). */
export function findHeaderDate(text: string): string | undefined {
  const header = text.split(/\r?\n/u).slice(0, 6).join("\n");
  for (const re of DATE_PATTERNS) {
    const m = re.exec(header);
    if (m) {
      const [, y, mo, d] = m;
      const month = Number(mo);
      const day = Number(d);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
        return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    }
  }
  return undefined;
}

/** Validates a `YYYY-MM-DD` date given by the user. */
export function checkDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || Number.isNaN(Date.parse(date)))
    throw new KgError("E_USAGE", `--published expects a date as YYYY-MM-DD, got "${date}".`);
  return date;
}

/** Makes an Article from already decoded text. */
export function articleFromText(text: string, source: string, options: ReadOptions = {}): Article {
  const title = text
    .split(/\r?\n/u)
    .find((l) => l.trim() !== "")
    ?.trim();
  if (title === undefined)
    throw new KgError("E_INPUT_EMPTY", `${source}: the file is empty.`, { context: { file: source } });
  const published = options.published !== undefined ? checkDate(options.published) : findHeaderDate(text);
  return {
    id: options.id ?? slugOf(source),
    source,
    title,
    text,
    script: detectScript(text),
    ...(published !== undefined ? { published } : {}),
  };
}

/** Largest article file read (a report is a few hundred KiB; a bigger file is a dump or a mistake). */
export const MAX_ARTICLE_BYTES = 32 * 2 ** 20;

/** Reads and decodes one article file. */
export async function readArticle(file: string, options: ReadOptions = {}): Promise<Article> {
  return articleFromBytes(readArticleBytes(file), file, options);
}

/**
 * The bytes of an article file: a regular file of at most MAX_ARTICLE_BYTES, else a KgError
 * (E_INPUT_NOT_FOUND, E_INPUT_TOO_LARGE). Synchronous, on one descriptor: a build reads
 * thousands of small files, and the promise API's round trips through the thread pool (stat,
 * open, fstat, read, close) cost more than the reads (10,000 files: ~1.5 s of two workers' time).
 */
export function readArticleBytes(file: string): Uint8Array {
  try {
    // non-blocking: opening a FIFO by mistake must not wait for a writer
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new KgError("E_INPUT_NOT_FOUND", `${file}: not a file.`, { context: { file } });
      if (st.size > MAX_ARTICLE_BYTES)
        throw new KgError(
          "E_INPUT_TOO_LARGE",
          `${file}: ${(st.size / 2 ** 20).toFixed(0)} MiB is too large for one article (at most ${MAX_ARTICLE_BYTES / 2 ** 20} MiB); split it into one file per article.`,
          { context: { file } },
        );
      return readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof KgError) throw e;
    throw new KgError(
      "E_INPUT_NOT_FOUND",
      `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? "error"}).`,
      {
        context: { file },
        cause: e,
      },
    );
  }
}

/** File name endings read as saved web pages (other files too when they start like a page). */
const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml", ".shtml"]);

/**
 * Makes an Article from the bytes of a file: a saved web page becomes its article text
 * (html.ts; a charset the page declares is used when it decodes cleanly), anything else is
 * decoded as text.
 */
export function articleFromBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Article {
  const html = HTML_EXTENSIONS.has(extname(file).toLowerCase());
  let text: string | undefined;
  const declared = html && options.encoding === undefined ? declaredCharset(bytes) : undefined;
  if (declared !== undefined && knownEncoding(declared)) {
    try {
      text = decode(bytes, file, declared);
    } catch {
      text = undefined; // the declaration lies: detect instead
    }
  }
  text ??= decode(bytes, file, options.encoding);
  if (html || looksLikeHtml(text)) return articleFromText(readHtml(text).text, file, options);
  return articleFromText(text, file, options);
}
