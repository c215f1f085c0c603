/**
 * Tables prepared once per build instead of once per process. Some tables are derived from
 * the data files by work that every run repeated at start-up (the gazetteer: ~3,200 divisions,
 * their short names by rule, the Simplified forms of ~7,000 surfaces; about a third of a
 * one-article `extract`). `npm run build` (scripts/build-dist.mjs) computes them with the
 * compiled code and saves them as dist/prepared/NAME.json; the compiled code then reads them.
 *
 * The data files stay the source of truth: a saved table starts with the SHA-256 of the
 * contents of every file it was computed from, and is used only while they still hash the
 * same (an edited data file, another package version: the table is computed again, as when
 * running from src/, where there is no prepared/ folder). A saved table is the JSON of what
 * `compute` returned, so `compute` must return plain JSON data.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";

/** A table derived from files. */
export interface PreparedTable<T> {
  /** The file name under prepared/, without `.json`. */
  readonly name: string;
  /** The files it is computed from (data files, package files), in a fixed order. */
  readonly inputs: () => readonly URL[];
  /** Computes it from the inputs: plain JSON data (no Map, no undefined in arrays). */
  readonly compute: () => T;
}

/** prepared/ beside the code (dist/prepared/ for dist/data/prepared.js; src/prepared/ does not exist). */
const PREPARED_DIR = new URL("../prepared/", import.meta.url);

/**
 * SHA-256 (hex) of the contents of the inputs, each preceded by its length, and of the
 * platform's byte order (a table may hold typed arrays: article/unit-trie.ts).
 */
function fingerprint(inputs: readonly URL[]): string {
  const hash = createHash("sha256");
  hash.update(endianness());
  for (const url of inputs) {
    const bytes = readFileSync(url);
    hash.update(`${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/**
 * The table: read from prepared/NAME.json when that was made from the same inputs, else computed.
 * `dir` is for tests.
 */
export function loadPrepared<T>(table: PreparedTable<T>, dir: URL = PREPARED_DIR): T {
  let text: string;
  try {
    text = readFileSync(new URL(`${table.name}.json`, dir), "utf8");
  } catch {
    return table.compute(); // not built (running from src/), or removed
  }
  const newline = text.indexOf("\n");
  if (newline < 0 || text.slice(0, newline) !== fingerprint(table.inputs())) return table.compute();
  return JSON.parse(text.slice(newline + 1)) as T;
}

/** Computes the table and saves it as DIR/NAME.json (the build does this); returns the file. */
export function writePrepared(table: PreparedTable<unknown>, dir: URL = PREPARED_DIR): URL {
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${table.name}.json`, dir);
  writeFileSync(file, `${fingerprint(table.inputs())}\n${JSON.stringify(table.compute())}`);
  return file;
}
