/**
 * Every serialisation the project reads or writes, declared once: RDF formats (export, import,
 * extract, validate, the store file, the endpoint's graph results and Graph Store bodies) and
 * SPARQL results formats (the endpoint). Names, aliases, media types, file extensions, whether
 * a format carries named graphs, and the ids n3 and Oxigraph know it by are all read from here.
 */

/** One RDF format. */
export interface RdfFormatInfo {
  /** Human name ("Turtle"). */
  readonly title: string;
  /** Media type written and sent (the first of `accepts`). */
  readonly mediaType: string;
  /** Media types that select it (content negotiation, request bodies, remote answers). */
  readonly accepts: readonly string[];
  /** Older media types also read as this format in a remote server's answer, never negotiated. */
  readonly readsAlso?: readonly string[];
  /** Other short names for it in a `format` request parameter (the format's own name always works). */
  readonly aliases: readonly string[];
  /** Usual file extensions, without the dot; the first is written. */
  readonly ext: readonly string[];
  /** Whether it carries named graphs (TriG, N-Quads, JSON-LD); else quads are written as triples. */
  readonly graphs: boolean;
  /** Whether it declares prefixes (N-Triples and N-Quads are one statement a line, IRIs in full). */
  readonly prefixes: boolean;
  /** n3's Writer format, when n3 writes it (the "text formats"); JSON-LD and RDF/XML have their own writers. */
  readonly n3: "Turtle" | "TriG" | "N-Quads" | "N-Triples" | undefined;
  /** Oxigraph's id for it as a query result serialisation (`results_format`). */
  readonly oxigraph: string;
  /** Whether the store engine loads it from text (JSON-LD is converted to N-Quads first). */
  readonly storeLoads: boolean;
  /** Local name of its W3C format IRI (`FMT` of vocab.ts: `fmt:Turtle`). */
  readonly w3c: string;
}

/** The RDF formats by name; names are what `--format` takes, in the order they are listed. */
export const RDF_FORMAT_TABLE = {
  turtle: {
    title: "Turtle",
    mediaType: "text/turtle",
    accepts: ["text/turtle", "application/x-turtle"],
    readsAlso: ["text/rdf+n3"],
    aliases: ["ttl", "n3"],
    ext: ["ttl", "turtle"],
    graphs: false,
    prefixes: true,
    n3: "Turtle",
    oxigraph: "ttl",
    storeLoads: true,
    w3c: "Turtle",
  },
  trig: {
    title: "TriG",
    mediaType: "application/trig",
    accepts: ["application/trig"],
    aliases: [],
    ext: ["trig"],
    graphs: true,
    prefixes: true,
    n3: "TriG",
    oxigraph: "trig",
    storeLoads: true,
    w3c: "TriG",
  },
  nquads: {
    title: "N-Quads",
    mediaType: "application/n-quads",
    accepts: ["application/n-quads"],
    aliases: ["nq"],
    ext: ["nq", "nquads"],
    graphs: true,
    prefixes: false,
    n3: "N-Quads",
    oxigraph: "nq",
    storeLoads: true,
    w3c: "N-Quads",
  },
  ntriples: {
    title: "N-Triples",
    mediaType: "application/n-triples",
    accepts: ["application/n-triples", "text/plain"],
    aliases: ["nt"],
    ext: ["nt", "ntriples"],
    graphs: false,
    prefixes: false,
    n3: "N-Triples",
    oxigraph: "nt",
    storeLoads: true,
    w3c: "N-Triples",
  },
  jsonld: {
    title: "JSON-LD",
    mediaType: "application/ld+json",
    accepts: ["application/ld+json", "application/json"],
    aliases: ["json-ld"],
    ext: ["jsonld", "json"],
    graphs: true,
    prefixes: true,
    n3: undefined,
    oxigraph: "jsonld",
    storeLoads: false,
    w3c: "JSON-LD",
  },
  rdfxml: {
    title: "RDF/XML",
    mediaType: "application/rdf+xml",
    accepts: ["application/rdf+xml"],
    aliases: ["rdf"],
    ext: ["rdf", "owl", "xml"],
    graphs: false,
    prefixes: true,
    n3: undefined,
    oxigraph: "rdf",
    storeLoads: true,
    w3c: "RDF_XML",
  },
} as const satisfies Record<string, RdfFormatInfo>;

type Table = typeof RDF_FORMAT_TABLE;

/** Every RDF format the project reads (`import`, `link`, `query --data`). */
export type ReadFormat = keyof Table;
/** The formats n3 writes as text (`extract`, and `export` through one streaming writer). */
export type RdfFormat = { [K in ReadFormat]: Table[K]["n3"] extends string ? K : never }[ReadFormat];
/** Formats of `export`: the text formats plus JSON-LD. */
export type ExportFormat = RdfFormat | "jsonld";
/** Media types the store engine loads from text. */
export type RdfMediaType = {
  [K in ReadFormat]: Table[K]["storeLoads"] extends true ? Table[K]["mediaType"] : never;
}[ReadFormat];
/** Oxigraph ids of the RDF formats a query result can be serialised to. */
export type RdfResultFormat = Table[ReadFormat]["oxigraph"];

/** Media type, extensions, graphs, title … of each RDF format. */
export const FORMAT_INFO: Readonly<Record<ReadFormat, RdfFormatInfo>> = RDF_FORMAT_TABLE;

/** Every RDF format name, in table order. */
export const READ_FORMATS = Object.keys(RDF_FORMAT_TABLE) as readonly ReadFormat[];

/** The text formats (written by n3): turtle, trig, nquads, ntriples. */
export const RDF_FORMATS = READ_FORMATS.filter((f) => FORMAT_INFO[f].n3 !== undefined) as readonly RdfFormat[];

/** Formats of `export`. */
export const EXPORT_FORMATS = [...RDF_FORMATS, "jsonld"] as const satisfies readonly ExportFormat[];

/** Whether a format is one of n3's text formats (the rest need their own writer). */
export const isTextFormat = (f: string): f is RdfFormat => (RDF_FORMATS as readonly string[]).includes(f);

/** Checks a text format name given by a user. */
export const isRdfFormat = isTextFormat;

/** Whether a format is an RDF format name. */
export const isReadFormat = (f: string): f is ReadFormat => (READ_FORMATS as readonly string[]).includes(f);

/** Whether the format keeps named graphs. */
export const keepsGraphs = (f: ReadFormat): boolean => FORMAT_INFO[f].graphs;

/** n3's Writer format name of a text format. */
export const n3FormatOf = (f: RdfFormat): string => FORMAT_INFO[f].n3 as string;

/** The format of a file name by its extension (`.ttl`, `.nq`, `.jsonld`, `.rdf` …, also `.gz`), if known. */
export function formatOfFile(file: string): ReadFormat | undefined {
  const ext = /\.([a-z]+)(?:\.gz)?$/iu.exec(file)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  return READ_FORMATS.find((f) => FORMAT_INFO[f].ext.includes(ext));
}

/** The media type the store engine loads for a format, if it loads it from text. */
export function storeMediaTypeOf(f: ReadFormat): RdfMediaType | undefined {
  const info = FORMAT_INFO[f];
  return info.storeLoads ? (info.mediaType as RdfMediaType) : undefined;
}

/** The RDF format a media type (without parameters) selects, if any. */
export function formatOfMediaType(mediaType: string): ReadFormat | undefined {
  const t = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return READ_FORMATS.find((f) => FORMAT_INFO[f].accepts.includes(t));
}

/** The Oxigraph result ids of the SPARQL results formats. */
export type ResultsFormat = "json" | "xml" | "csv" | "tsv";

/** One SPARQL results serialisation (SELECT and ASK answers of the endpoint). */
export interface ResultsFormatInfo {
  readonly title: string;
  readonly mediaType: string;
  readonly accepts: readonly string[];
  readonly aliases: readonly string[];
  /** Whether it can carry a boolean (ASK) answer. */
  readonly boolean: boolean;
  readonly w3c: string;
}

/** The SPARQL results formats, by Oxigraph's id. */
export const RESULTS_FORMATS: Readonly<Record<ResultsFormat, ResultsFormatInfo>> = {
  json: {
    title: "SPARQL Results JSON",
    mediaType: "application/sparql-results+json",
    accepts: ["application/sparql-results+json", "application/json"],
    aliases: ["srj"],
    boolean: true,
    w3c: "SPARQL_Results_JSON",
  },
  xml: {
    title: "SPARQL Results XML",
    mediaType: "application/sparql-results+xml",
    accepts: ["application/sparql-results+xml", "application/xml", "text/xml"],
    aliases: ["srx"],
    boolean: true,
    w3c: "SPARQL_Results_XML",
  },
  csv: {
    title: "SPARQL Results CSV",
    mediaType: "text/csv",
    accepts: ["text/csv"],
    aliases: [],
    boolean: false,
    w3c: "SPARQL_Results_CSV",
  },
  tsv: {
    title: "SPARQL Results TSV",
    mediaType: "text/tab-separated-values",
    accepts: ["text/tab-separated-values"],
    aliases: [],
    boolean: false,
    w3c: "SPARQL_Results_TSV",
  },
};

/** Every id `KgStore.queryRaw` serialises a result to. */
export type RawFormat = ResultsFormat | RdfResultFormat;
