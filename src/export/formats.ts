/** Every RDF format the project writes or reads, with its media type and file extension. */
import { RDF_FORMATS, type RdfFormat } from "../rdf/serialize.js";

/** Formats of `export`: the n3 text formats plus JSON-LD. */
export const EXPORT_FORMATS = [...RDF_FORMATS, "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats `import` and `link` read (RDF/XML too). */
export const READ_FORMATS = [...EXPORT_FORMATS, "rdfxml"] as const;
export type ReadFormat = (typeof READ_FORMATS)[number];

/** Media type, usual file extensions (the first is written), whether it keeps named graphs, and a title. */
export const FORMAT_INFO: Readonly<
  Record<
    ReadFormat,
    { readonly mediaType: string; readonly ext: readonly string[]; readonly graphs: boolean; readonly title: string }
  >
> = {
  turtle: { mediaType: "text/turtle", ext: ["ttl", "turtle"], graphs: false, title: "Turtle" },
  trig: { mediaType: "application/trig", ext: ["trig"], graphs: true, title: "TriG" },
  nquads: { mediaType: "application/n-quads", ext: ["nq", "nquads"], graphs: true, title: "N-Quads" },
  ntriples: { mediaType: "application/n-triples", ext: ["nt", "ntriples"], graphs: false, title: "N-Triples" },
  jsonld: { mediaType: "application/ld+json", ext: ["jsonld", "json"], graphs: true, title: "JSON-LD" },
  rdfxml: { mediaType: "application/rdf+xml", ext: ["rdf", "owl", "xml"], graphs: false, title: "RDF/XML" },
};

/** Whether a format is one of n3's text formats (the rest need their own writer). */
export const isTextFormat = (f: ExportFormat): f is RdfFormat => (RDF_FORMATS as readonly string[]).includes(f);

/** The format of a file name by its extension (`.ttl`, `.nq`, `.jsonld`, `.rdf` …), if known. */
export function formatOfFile(file: string): ReadFormat | undefined {
  const ext = /\.([a-z]+)(?:\.gz)?$/iu.exec(file)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  return (Object.keys(FORMAT_INFO) as ReadFormat[]).find((f) => FORMAT_INFO[f].ext.includes(ext));
}
