/**
 * `export`: the whole store in one format, one graph at a time (never a second copy of the
 * whole store). TriG, N-Quads and JSON-LD keep the named graphs (one per article plus the
 * reference, link and description graphs); Turtle and N-Triples merge them (they have no
 * graphs) and write each triple once: a first pass finds the subjects stated in more than one
 * graph, and only their triples are remembered to drop repeats (memory grows with the shared
 * subjects, not with the store).
 */
import type * as RDF from "@rdfjs/types";
import { type ExportFormat, isTextFormat, keepsGraphs } from "../rdf/formats.js";
import { canonicalTagsInText } from "../rdf/language.js";
import { KgStore, type Store } from "../store/index.js";
import { writeJsonLd } from "./jsonld.js";
import { type Output, withOutput, writeBatches } from "./write.js";

/** Options of `exportStore`. */
export interface ExportOptions {
  readonly format: ExportFormat;
  /** A file (written atomically) or stdout when undefined or "-". */
  readonly output?: Output;
  readonly prefixes?: Readonly<Record<string, string>>;
  /** JSON-LD only: refer to this published context instead of writing the context inline. */
  readonly contextIri?: string;
  /** Only these named graphs (default: every graph, the default graph first). */
  readonly graphs?: readonly string[];
}

/** Writes every graph of the store (default graph first, then named graphs in order); returns the quad count. */
export async function exportStore(store: Store, options: ExportOptions): Promise<number> {
  let count = 0;
  const names: (string | null)[] = [
    ...(options.graphs === undefined ? [null] : []),
    ...(options.graphs ?? (await store.graphs())),
  ];
  async function* all(): AsyncGenerator<RDF.Quad[]> {
    for (const g of names) yield await store.quadsOf(g);
  }
  const merged = isTextFormat(options.format) && !keepsGraphs(options.format);
  // N-Quads and N-Triples of the embedded store: its own writer, line by line (10-20x faster)
  if (store instanceof KgStore && (options.format === "nquads" || options.format === "ntriples")) {
    const [embedded, format] = [store, options.format];
    const text = (g: string | null) => canonicalTagsInText(embedded.graphText(g, format));
    async function* lines(): AsyncGenerator<string[]> {
      for (const g of names) yield text(g).split("\n").slice(0, -1);
    }
    await withOutput(options.output, async (sink) => {
      if (!merged)
        for (const g of names) {
          const t = text(g);
          count += lineCount(t);
          if (t !== "") await sink.write(t);
        }
      else
        for await (const batch of onceEach(lines, names.length > 1, LINE_KEYS)) {
          count += batch.length;
          if (batch.length > 0) await sink.write(`${batch.join("\n")}\n`);
        }
    });
    return count;
  }
  const batches = merged ? () => onceEach(all, names.length > 1, QUAD_KEYS) : all;
  const prefixes = options.prefixes ?? {};
  const format = options.format;
  await withOutput(options.output, async (sink) => {
    count = isTextFormat(format)
      ? await writeBatches(batches(), format, prefixes, sink)
      : await writeJsonLd(all(), sink, {
          prefixes,
          ...(options.contextIri === undefined ? {} : { contextIri: options.contextIri }),
        });
  });
  return count;
}

/** How `onceEach` tells a statement's subject and the statement itself. */
interface StatementKeys<T> {
  readonly subject: (t: T) => string;
  readonly triple: (t: T) => string;
}

const termKey = (t: RDF.Term): string => `${t.termType[0]}${t.value}`;
const QUAD_KEYS: StatementKeys<RDF.Quad> = {
  subject: (q) => termKey(q.subject),
  triple: (q) =>
    `${termKey(q.subject)}\u0000${q.predicate.value}\u0000${termKey(q.object)}\u0000${
      q.object.termType === "Literal" ? `${q.object.language.toLowerCase()}\u0000${q.object.datatype.value}` : ""
    }`,
};
/**
 * The store's N-Triples lines: a line is a triple in canonical form (the same triple is the same
 * line), and its subject is the line up to the first space (IRIs and blank-node labels have none).
 */
const LINE_KEYS: StatementKeys<string> = {
  subject: (line) => line.slice(0, line.indexOf(" ")),
  triple: (line) => line,
};

/** The batches with every triple once (graphs merged): repeats across graphs dropped. */
async function* onceEach<T>(
  batches: () => AsyncGenerator<T[]>,
  severalGraphs: boolean,
  keys: StatementKeys<T>,
): AsyncGenerator<T[]> {
  // Pass 1: subjects that occur in more than one graph (only their triples can repeat across graphs).
  const shared = new Set<string>();
  if (severalGraphs) {
    const seenIn = new Map<string, number>();
    let graph = 0;
    for await (const batch of batches()) {
      graph++;
      for (const q of batch) {
        const k = keys.subject(q);
        const first = seenIn.get(k);
        if (first === undefined) seenIn.set(k, graph);
        else if (first !== graph) shared.add(k);
      }
    }
  }
  // Pass 2: write, remembering the triples of shared subjects (and dropping repeats within a batch).
  const written = new Set<string>();
  for await (const batch of batches()) {
    const local = new Set<string>();
    yield batch.filter((q) => {
      const key = keys.triple(q);
      const seen = shared.has(keys.subject(q)) ? written : local;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** Statements in N-Triples/N-Quads text (one per line). */
function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) n++;
  return n;
}
