/**
 * `export`: the whole store in one format, one graph at a time (never a second copy of the
 * whole store). TriG, N-Quads and JSON-LD keep the named graphs (one per article plus the
 * reference, link and description graphs); Turtle and N-Triples merge them (they have no
 * graphs), so a triple stated in two graphs is written twice there.
 */
import type * as RDF from "@rdfjs/types";
import type { Store } from "../store/index.js";
import { type ExportFormat, isTextFormat } from "./formats.js";
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
  async function* batches(): AsyncGenerator<RDF.Quad[]> {
    if (options.graphs === undefined) yield await store.quadsOf(null);
    for (const g of options.graphs ?? (await store.graphs())) yield await store.quadsOf(g);
  }
  const prefixes = options.prefixes ?? {};
  const format = options.format;
  await withOutput(options.output, async (sink) => {
    count = isTextFormat(format)
      ? await writeBatches(batches(), format, prefixes, sink)
      : await writeJsonLd(batches(), sink, {
          prefixes,
          ...(options.contextIri === undefined ? {} : { contextIri: options.contextIri }),
        });
  });
  return count;
}
