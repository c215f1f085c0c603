/**
 * The read stage: paths → article files → articles, as async iterables. A file that cannot be
 * read as an article can be reported and skipped instead of stopping the run.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { type ReadOptions, readArticle } from "../article/read.js";
import { KgError } from "../errors.js";
import type { Article } from "../types.js";

/** File name endings of articles in a folder: plain text and saved web pages. */
const ARTICLE_EXTENSIONS = new Set([".txt", ".html", ".htm"]);

/**
 * Every article file (`*.txt`, `*.html`, `*.htm`) under the given files or folders
 * (recursively, sorted); a missing path is an error.
 */
export async function* articleFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new KgError("E_INPUT_NOT_FOUND", `${p}: no such file or folder.`, { context: { file: p } });
    if (st.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** The article files under the given paths, as a list; none is an E_INPUT_NOT_FOUND. */
export async function articleFileList(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for await (const f of articleFiles(paths)) files.push(f);
  if (files.length === 0)
    throw new KgError("E_INPUT_NOT_FOUND", `no article files (*.txt, *.html, *.htm) under ${paths.join(", ")}.`);
  return files;
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())) yield full;
  }
}

/** Errors that make one input file unusable (the file's fault, not the program's). */
const BAD_FILE_CODES: ReadonlySet<string> = new Set([
  "E_INPUT_NOT_FOUND",
  "E_INPUT_ENCODING",
  "E_INPUT_EMPTY",
  "E_INPUT_TOO_LARGE",
]);

/** Whether an error makes one input file unusable rather than stopping the whole run. */
export function isBadFile(e: unknown): e is KgError {
  return e instanceof KgError && BAD_FILE_CODES.has(e.code);
}

/** Options of the read stage. */
export interface SourceOptions extends ReadOptions {
  /** The article's URL (its dcterms:source), for a build of one article. */
  readonly url?: string;
  /** Handed each file that cannot be read as an article, which is then skipped; absent: it stops the run. */
  readonly onBadFile?: (error: KgError, file: string) => void;
}

/**
 * Reads each file as an article. With `onBadFile`, a file that cannot be read as an article
 * (missing, empty, binary, undecodable) is handed to it and skipped; without, it stops the run.
 */
export async function* readArticles(
  files: AsyncIterable<string> | Iterable<string>,
  options: SourceOptions = {},
): AsyncGenerator<Article> {
  const { url, onBadFile, ...read } = options;
  for await (const f of files) {
    let article: Article;
    try {
      article = await readArticle(f, read);
    } catch (e) {
      if (onBadFile !== undefined && isBadFile(e)) {
        onBadFile(e, f);
        continue;
      }
      throw e;
    }
    yield url === undefined ? article : { ...article, url };
  }
}

/** Reads one article file (the `extract` command's input). */
export async function readOneArticle(file: string, options: Omit<SourceOptions, "onBadFile"> = {}): Promise<Article> {
  const { url, ...read } = options;
  const article = await readArticle(file, read);
  return url === undefined ? article : { ...article, url };
}

/** The text of an article file, or undefined when it cannot be read (for stores built before the text was stored). */
export async function sourceText(file: string): Promise<string | undefined> {
  return readArticle(file).then(
    (a) => a.text,
    () => undefined,
  );
}
