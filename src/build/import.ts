/** Importing other people's RDF: one file into one named graph of the store, replaced, then saved. */
import { basename } from "node:path";
import { type formatOf, readRdfFile } from "../import/read.js";
import type { Iris } from "../rdf/iri.js";
import { openForBuild } from "./open.js";

/** The default graph of an imported file: `<base>imported/<file name without extension>`. */
export function importedGraph(iris: Iris, file: string): string {
  return `${iris.base}imported/${encodeURIComponent(
    basename(file)
      .replace(/\.[^.]*$/u, "")
      .toLowerCase(),
  )}`;
}

/**
 * Reads the RDF file, then opens the store `spec` names, loads the file into `graph` (replacing
 * it) and saves the store; returns the triples loaded.
 */
export async function importRdf(
  spec: string,
  file: string,
  options: { readonly graph: string; readonly format: ReturnType<typeof formatOf> },
): Promise<number> {
  const quads = await readRdfFile(file, options.format);
  const store = await openForBuild(spec);
  const n = await store.replaceGraph(options.graph, quads);
  await store.save();
  return n;
}
