/**
 * RDF text output through n3's Writer: formats by name, prefixes, and subject grouping for
 * Turtle (Turtle has no graphs, so quads are written as triples).
 */
import type * as RDF from "@rdfjs/types";
import { DataFactory, Writer } from "n3";
import { FORMAT_INFO, keepsGraphs, n3FormatOf, type RdfFormat } from "./formats.js";
import { withCanonicalLanguage } from "./language.js";

/** Moves a quad to the default graph. */
export const asTriple = (q: RDF.Quad): RDF.Quad => DataFactory.quad(q.subject, q.predicate, q.object);

/** Orders quads by graph then subject so the writer groups them (`;`-lists in Turtle/TriG). */
export function groupBySubject(quads: Iterable<RDF.Quad>): RDF.Quad[] {
  const key = (t: RDF.Term) => `${t.termType[0]}${t.value}`;
  return [...quads].sort((a, b) => {
    const g = key(a.graph).localeCompare(key(b.graph));
    if (g !== 0) return g;
    const s = key(a.subject) < key(b.subject) ? -1 : key(a.subject) > key(b.subject) ? 1 : 0;
    return s !== 0 ? s : a.predicate.value < b.predicate.value ? -1 : a.predicate.value > b.predicate.value ? 1 : 0;
  });
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
