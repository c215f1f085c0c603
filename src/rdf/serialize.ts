/**
 * RDF text output through n3's Writer: formats by name, prefixes, and subject grouping for
 * Turtle (Turtle has no graphs, so quads are written as triples).
 */
import type * as RDF from "@rdfjs/types";
import { FORMAT_INFO, keepsGraphs, n3FormatOf, type RdfFormat } from "./formats.js";
import { withCanonicalLanguage } from "./language.js";
import { DataFactory, Writer } from "./n3-parts.js";

/** Moves a quad to the default graph. */
export const asTriple = (q: RDF.Quad): RDF.Quad => DataFactory.quad(q.subject, q.predicate, q.object);

/**
 * Orders quads by graph then subject so the writer groups them (`;`-lists in Turtle/TriG):
 * graphs in `localeCompare` order, then subjects (term type + IRI) and predicates in code unit
 * order; a stable sort, so quads equal on all three keep their order. Each key is computed once
 * per quad and each graph ranked once (the comparator made two strings and a locale comparison
 * per call: 12 % of a one-article `extract`).
 */
export function groupBySubject(quads: Iterable<RDF.Quad>): RDF.Quad[] {
  const key = (t: RDF.Term) => `${t.termType[0]}${t.value}`;
  const rows = [...quads].map((q) => ({ q, g: key(q.graph), s: key(q.subject), p: q.predicate.value, rank: 0 }));
  const graphs = [...new Set(rows.map((r) => r.g))].sort((a, b) => a.localeCompare(b));
  const rankOf = new Map<string, number>();
  graphs.forEach((g, i) => {
    const previous = graphs[i - 1];
    // graphs that localeCompare calls equal share a rank (and are then ordered by subject)
    const rank = previous !== undefined && previous.localeCompare(g) === 0 ? (rankOf.get(previous) as number) : i;
    rankOf.set(g, rank);
  });
  for (const r of rows) r.rank = rankOf.get(r.g) as number;
  rows.sort((a, b) => a.rank - b.rank || (a.s < b.s ? -1 : a.s > b.s ? 1 : a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return rows.map((r) => r.q);
}

/** Receives text pieces; n3's Writer calls `write` synchronously. */
export interface TextSink {
  write(text: string): void;
}

/**
 * A writer for one format that emits text to a sink (prefixes once at the top). Call `add`
 * for each quad, `flush` between batches, and `end` once.
 */
export class RdfTextWriter {
  readonly format: RdfFormat;
  readonly #writer: Writer;
  constructor(format: RdfFormat, sink: TextSink, prefixes: Readonly<Record<string, string>> = {}) {
    this.format = format;
    const lineMode = !FORMAT_INFO[format].prefixes;
    const out = {
      write: (chunk: string) => sink.write(chunk),
      end: (done?: () => void) => done?.(),
    };
    // n3's Writer accepts any object with write(); its typings ask for a full stream.
    this.#writer = new Writer(out as unknown as NodeJS.WritableStream, {
      format: n3FormatOf(format),
      ...(lineMode ? {} : { prefixes: { ...prefixes } }),
    });
  }
  /** Adds one quad (to the default graph when the format has no graphs); language tags in conventional case. */
  add(q: RDF.Quad): void {
    const graph = keepsGraphs(this.format) ? q.graph : DataFactory.defaultGraph();
    this.#writer.addQuad(q.subject, q.predicate, withCanonicalLanguage(q.object), graph);
  }
  /** Finishes the document. */
  end(): Promise<void> {
    return new Promise((resolve, reject) => this.#writer.end((error) => (error ? reject(error) : resolve())));
  }
}

/** Serialises quads to a string in one format, grouped by subject. */
export async function quadsToString(
  quads: Iterable<RDF.Quad>,
  format: RdfFormat,
  prefixes: Readonly<Record<string, string>> = {},
): Promise<string> {
  const parts: string[] = [];
  const w = new RdfTextWriter(format, { write: (t) => parts.push(t) }, prefixes);
  for (const q of groupBySubject(quads)) w.add(q);
  await w.end();
  return parts.join("");
}
