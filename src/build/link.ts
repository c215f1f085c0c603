/**
 * Linking our places to an external graph by GB/T 2260 code: the external file read, its coded
 * items matched against the places of the store, the link graph replaced, the store saved.
 */
import { basename } from "node:path";
import type { ReadFormat } from "../export/index.js";
import { readRdfFile } from "../import/read.js";
import { type CodedItem, gb2260Of, linkByCode } from "../link/gb2260.js";
import { linkGraph } from "../link/reference-links.js";
import type { Iris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import { openBuilt } from "./open.js";

const PLACES = `SELECT DISTINCT ?code WHERE { ?place a kg:Place ; skos:notation ?code }`;

/** The default link graph of an external file: `<base>graph/links/gb2260/<file name>`. */
export function gb2260LinkGraph(iris: Iris, file: string): string {
  return linkGraph(
    iris,
    `gb2260/${encodeURIComponent(
      basename(file)
        .replace(/\.[^.]*$/u, "")
        .toLowerCase(),
    )}`,
  );
}

/** What a linking run did. */
export interface LinkRun {
  /** owl:sameAs links written. */
  readonly links: number;
  /** Places of the store (codes). */
  readonly places: number;
  /** Items of the external graph that state a readable code. */
  readonly items: number;
  /** Code values that are not GB/T 2260 division codes. */
  readonly unreadable: number;
  /** Items whose code is not one of our places. */
  readonly unmatched: number;
  /** Codes stated by more than one item (not linked), with the items. */
  readonly ambiguous: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads the external file, then links the places of the built store `spec` names to its items
 * that state their code via `property`, replacing the link graph, and saves the store.
 */
export async function linkPlaces(
  spec: string,
  file: string,
  options: { readonly iris: Iris; readonly format: ReadFormat; readonly property: string; readonly graph: string },
): Promise<LinkRun> {
  const external = await readRdfFile(file, options.format);
  const items: CodedItem[] = [];
  let unreadable = 0;
  for (const q of external) {
    if (q.predicate.value !== options.property || q.subject.termType !== "NamedNode" || q.object.termType !== "Literal")
      continue;
    const code = gb2260Of(q.object.value);
    if (code === undefined) unreadable++;
    else items.push({ item: q.subject.value, code });
  }
  const store = await openBuilt(spec);
  const places = await store.query(PLACES, { prefixes: prefixesFor(options.iris) });
  const codes = places.kind === "bindings" ? places.rows.flatMap((r) => r.get("code")?.value ?? []) : [];
  const result = linkByCode(codes, items, options.iris, options.graph);
  const links = await store.replaceGraph(options.graph, result.quads);
  await store.save();
  return {
    links,
    places: codes.length,
    items: items.length,
    unreadable,
    unmatched: result.unmatched,
    ambiguous: result.ambiguous,
  };
}
