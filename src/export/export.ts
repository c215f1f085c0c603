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
import { canonicalLanguage } from "../rdf/language.js";
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
    const format = options.format;
    const texts = function* (): Generator<string> {
      for (const g of names) yield withCanonicalTags(store.graphText(g, format));
    };
    const out = merged ? linesOnce(texts, names.length > 1) : texts();
    await withOutput(options.output, async (sink) => {
      for (const text of out) {
        count += lineCount(text);
        if (text !== "") await sink.write(text);
      }
    });
    return count;
  }
  const batches = merged ? () => onceEach(all, names.length > 1) : all;
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

const termKey = (t: RDF.Term): string => `${t.termType[0]}${t.value}`;
const tripleKey = (q: RDF.Quad): string =>
  `${termKey(q.subject)}\u0000${q.predicate.value}\u0000${termKey(q.object)}\u0000${
    q.object.termType === "Literal" ? `${q.object.language.toLowerCase()}\u0000${q.object.datatype.value}` : ""
  }`;

/** The batches with every triple once (graphs merged): repeats across graphs dropped. */
async function* onceEach(
  batches: () => AsyncGenerator<RDF.Quad[]>,
  severalGraphs: boolean,
): AsyncGenerator<RDF.Quad[]> {
  // Pass 1: subjects that occur in more than one graph (only their triples can repeat across graphs).
  const shared = new Set<string>();
  if (severalGraphs) {
    const seenIn = new Map<string, number>();
    let graph = 0;
    for await (const batch of batches()) {
      graph++;
      for (const q of batch) {
        const k = termKey(q.subject);
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
      const key = tripleKey(q);
      const seen = shared.has(termKey(q.subject)) ? written : local;
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

/**
 * `onceEach` on the store's own N-Triples text: every triple once over all graphs. A line is a
 * triple in canonical form (the same triple is the same line), and its subject is the line up
 * to the first space (N-Triples IRIs and blank-node labels have none).
 */
function* linesOnce(texts: () => Generator<string>, severalGraphs: boolean): Generator<string> {
  const subjectOf = (line: string) => line.slice(0, line.indexOf(" "));
  const shared = new Set<string>();
  if (severalGraphs) {
    const seenIn = new Map<string, number>();
    let graph = 0;
    for (const text of texts()) {
      graph++;
      for (const line of text.split("\n")) {
        if (line === "") continue;
        const k = subjectOf(line);
        const first = seenIn.get(k);
        if (first === undefined) seenIn.set(k, graph);
        else if (first !== graph) shared.add(k);
      }
    }
  }
  const written = new Set<string>();
  for (const text of texts()) {
    const local = new Set<string>();
    const kept: string[] = [];
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const seen = shared.has(subjectOf(line)) ? written : local;
      if (seen.has(line)) continue;
      seen.add(line);
      kept.push(line, "\n");
    }
    yield kept.join("");
  }
}

/**
 * N-Triples/N-Quads text of the store with its language tags in BCP 47 case (the store keeps
 * them lower-cased). A tag is the one that ends a statement: literals cannot hold a line break
 * (N-Triples escapes it), so `"@tag` followed by the end of the statement is the object's tag.
 */
function withCanonicalTags(text: string): string {
  if (!text.includes('"@')) return text;
  return text.replace(
    /"@([A-Za-z0-9-]+)(?= (?:<[^<>"\s]*> |_:\S+ )?\.\n)/gu,
    (_m, tag: string) => `"@${canonicalLanguage(tag)}`,
  );
}
