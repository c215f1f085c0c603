/**
 * The build pipeline as async iterables: paths → files → articles → extractions → mapped
 * quads. Each stage pulls one item at a time, so nothing holds the whole corpus.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { type ReadOptions, readArticle } from "../article/read.js";
import { KgError } from "../errors.js";
import { extract } from "../extract/index.js";
import { articleTextQuads } from "../rdf/article-text.js";
import type { Iris } from "../rdf/iri.js";
import { type MappedArticle, mapExtraction } from "../rdf/map.js";
import type { Article, Extraction } from "../types.js";

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

/**
 * Reads each file as an article. With `onBadFile`, a file that cannot be read as an article
 * (missing, empty, binary, undecodable) is handed to it and skipped; without, it stops the run.
 */
export async function* readArticles(
  files: AsyncIterable<string>,
  options: ReadOptions = {},
  onBadFile?: (error: KgError, file: string) => void,
): AsyncGenerator<Article> {
  for await (const f of files) {
    let article: Article;
    try {
      article = await readArticle(f, options);
    } catch (e) {
      if (onBadFile !== undefined && e instanceof KgError && BAD_FILE_CODES.has(e.code)) {
        onBadFile(e, f);
        continue;
      }
      throw e;
    }
    yield article;
  }
}

/** Extracts the facts of each article. */
export async function* extractAll(articles: AsyncIterable<Article>): AsyncGenerator<Extraction> {
  for await (const a of articles) yield extract(a);
}

/** One article's quads with the extraction they came from. */
export interface Built {
  readonly extraction: Extraction;
  readonly mapped: MappedArticle;
}

/** Maps each extraction to its quads. */
export async function* mapAll(extractions: AsyncIterable<Extraction>, iris: Iris): AsyncGenerator<Built> {
  for await (const extraction of extractions) {
    const mapped = mapExtraction(extraction, iris);
    // The article text rides along (schema:text) so readers can show facts in their sentences.
    yield {
      extraction,
      mapped: { ...mapped, quads: [...mapped.quads, ...articleTextQuads(extraction.article, iris)] },
    };
  }
}
