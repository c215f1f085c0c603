/**
 * The graph to validate: a store directory or an RDF file, loaded into a fresh in-memory
 * store. Validation never writes to the user's store.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { KgError } from "../errors.js";
import { FORMAT_INFO, type RdfMediaType, READ_FORMATS, storeMediaTypeOf } from "../rdf/formats.js";
import { isRemoteStore, KgStore, openStore, STORE_FILE } from "../store/index.js";

/** File extensions of the formats the store loads, with their media types. */
const MEDIA_TYPES: ReadonlyMap<string, RdfMediaType> = new Map(
  READ_FORMATS.flatMap((f) => {
    const mediaType = storeMediaTypeOf(f);
    return mediaType === undefined ? [] : FORMAT_INFO[f].ext.map((e) => [`.${e}`, mediaType] as const);
  }),
);

/** The media type of an RDF file from its extension, or a usage error. */
export function mediaTypeOf(file: string): RdfMediaType {
  const type = MEDIA_TYPES.get(extname(file).toLowerCase());
  if (type === undefined)
    throw new KgError(
      "E_USAGE",
      `${file}: unknown RDF file extension; use one of ${[...MEDIA_TYPES.keys()].join(", ")}.`,
      { context: { file } },
    );
  return type;
}

/**
 * Opens what to validate: a store directory (must hold a store file), a SPARQL server
 * (`sparql+http://…`: its named graphs are copied, graph by graph, into memory) or an RDF file.
 */
export async function openInput(path: string): Promise<KgStore> {
  if (isRemoteStore(path)) {
    const remote = await openStore(path);
    const copy = KgStore.memory();
    for (const graph of await remote.graphs()) copy.loadQuads(await remote.quadsOf(graph), graph);
    return copy;
  }
  if (!existsSync(path)) throw new KgError("E_INPUT_NOT_FOUND", `${path}: no such file or store directory.`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, STORE_FILE)))
      throw new KgError(
        "E_INPUT_NOT_FOUND",
        `${path} is not a store (no ${STORE_FILE}); run "article-kg build" first.`,
        {
          context: { file: path },
        },
      );
    return KgStore.open(path);
  }
  const store = KgStore.memory();
  store.loadText(readFileSync(path, "utf8"), mediaTypeOf(path));
  return store;
}
