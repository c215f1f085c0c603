/**
 * `export`: the whole store in one format. TriG and N-Quads keep the named graphs (one per
 * article plus the reference graph); Turtle and N-Triples merge them (they have no graphs).
 */
import type { RdfFormat } from "../rdf/serialize.js";
import type { KgStore } from "../store/index.js";
import { type Output, withOutput, writeBatches } from "./write.js";

/** Options of `exportStore`. */
export interface ExportOptions {
  readonly format: RdfFormat;
  /** A file (written atomically) or stdout when undefined or "-". */
  readonly output?: Output;
  readonly prefixes?: Readonly<Record<string, string>>;
}

/** Writes every graph of the store (default graph first, then named graphs in order); returns the quad count. */
export async function exportStore(store: KgStore, options: ExportOptions): Promise<number> {
  let count = 0;
  function* batches() {
    yield store.quadsOf(null);
    for (const g of store.graphs()) yield store.quadsOf(g);
  }
  await withOutput(options.output, async (sink) => {
    count = await writeBatches(batches(), options.format, options.prefixes ?? {}, sink);
  });
  return count;
}
