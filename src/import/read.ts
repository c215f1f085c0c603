/**
 * Reads an RDF file of any common format into quads: Turtle, N-Triples, N-Quads, TriG and
 * RDF/XML through the store engine's parsers, JSON-LD through the `jsonld` package (to
 * N-Quads first; loaded only when a JSON-LD file is read, since it takes a while to load).
 * Our own published context is served from the repository, never fetched.
 */
import { readFile } from "node:fs/promises";
import type * as RDF from "@rdfjs/types";
import type jsonldTypes from "jsonld";
import { KgError } from "../errors.js";
import { CONTEXT_IRI, jsonldContext } from "../export/index.js";
import {
  formatOfFile,
  isReadFormat,
  RDF_FORMAT_TABLE,
  READ_FORMATS,
  type ReadFormat,
  storeMediaTypeOf,
} from "../rdf/formats.js";
import { iris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import { KgStore } from "../store/index.js";

/** The format of a file: given, or by its extension. */
export function formatOf(file: string, given?: string): ReadFormat {
  if (given !== undefined) {
    if (isReadFormat(given)) return given;
    throw new KgError("E_USAGE", `--format must be one of ${READ_FORMATS.join(", ")}; got "${given}".`);
  }
  const f = formatOfFile(file);
  if (f === undefined)
    throw new KgError("E_USAGE", `${file}: cannot tell the RDF format from the file name; give --format.`, {
      context: { file },
    });
  return f;
}

/** A JSON-LD document loader that serves our own context and refuses to fetch anything else. */
const documentLoader = async (url: string) => {
  if (url === CONTEXT_IRI)
    return { contextUrl: undefined, documentUrl: url, document: { "@context": jsonldContext(prefixesFor(iris())) } };
  throw new KgError("E_RDF_SYNTAX", `the JSON-LD refers to the remote context ${url}; inline it or save it locally.`);
};

/** JSON-LD text → N-Quads text. */
export async function jsonldToNQuads(text: string, source = "JSON-LD"): Promise<string> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new KgError("E_RDF_SYNTAX", `${source}: not JSON (${(e as Error).message}).`, { cause: e });
  }
  const { default: jsonld } = await import("jsonld");
  try {
    return (await jsonld.toRDF(doc as jsonldTypes.JsonLdDocument, {
      format: RDF_FORMAT_TABLE.nquads.mediaType,
      documentLoader: documentLoader as never,
    })) as unknown as string;
  } catch (e) {
    if (e instanceof KgError) throw e;
    throw new KgError("E_RDF_SYNTAX", `${source}: cannot read the JSON-LD (${(e as Error).message}).`, { cause: e });
  }
}

/** Every quad of an RDF file (named graphs kept; triples in the default graph). */
export async function readRdfFile(file: string, format?: string): Promise<RDF.Quad[]> {
  const f = formatOf(file, format);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new KgError("E_INPUT_NOT_FOUND", `${file}: cannot read it (${(e as NodeJS.ErrnoException).code}).`, {
      context: { file },
      cause: e,
    });
  }
  const store = KgStore.memory();
  try {
    const mediaType = storeMediaTypeOf(f);
    if (mediaType === undefined) store.loadText(await jsonldToNQuads(text, file), RDF_FORMAT_TABLE.nquads.mediaType);
    else store.loadText(text, mediaType);
  } catch (e) {
    if (e instanceof KgError) throw new KgError(e.code, `${file}: ${e.message}`, { context: { file }, cause: e });
    throw e;
  }
  return [...store.quadsOf(null), ...store.graphs().flatMap((g) => store.quadsOf(g))];
}
