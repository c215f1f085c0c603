/**
 * Content negotiation: which serialisation to answer with, from the `Accept` header (with
 * q-values and wildcards) or a `format` parameter (for plain download links), among the ones
 * that fit the result (bindings, a boolean, or a graph).
 */
import { KgError } from "../errors.js";
import { FORMAT_INFO, type RawFormat, RESULTS_FORMATS, type ReadFormat, type ResultsFormat } from "../rdf/formats.js";

/** A serialisation: the engine's format name, the media type sent, and the media types that select it. */
export interface Serialisation {
  readonly format: RawFormat;
  readonly contentType: string;
  readonly accepts: readonly string[];
  /** Short names accepted by the `format` parameter. */
  readonly names: readonly string[];
  /** Local name of its W3C format IRI (`FMT` of rdf/vocab.ts), for the service description. */
  readonly w3c: string;
}

/** A SPARQL results format of the table in `rdf/formats.ts` as a serialisation. */
function results(id: ResultsFormat): Serialisation {
  const info = RESULTS_FORMATS[id];
  return {
    format: id,
    contentType: `${info.mediaType}; charset=utf-8`,
    accepts: info.accepts,
    names: [id, ...info.aliases],
    w3c: info.w3c,
  };
}

/** An RDF format of the table in `rdf/formats.ts` as a serialisation. */
function rdf(name: ReadFormat): Serialisation {
  const info = FORMAT_INFO[name];
  return {
    format: info.oxigraph as RawFormat,
    contentType: `${info.mediaType}; charset=utf-8`,
    accepts: info.accepts,
    names: [...new Set([info.oxigraph, name, ...info.aliases])],
    w3c: info.w3c,
  };
}

/** Serialisations of each kind of result, the default first. */
export const SERIALISATIONS = {
  bindings: (["json", "xml", "csv", "tsv"] as const).map(results),
  boolean: (["json", "xml", "csv", "tsv"] as const).filter((f) => RESULTS_FORMATS[f].boolean).map(results),
  graph: (["turtle", "ntriples", "jsonld", "trig", "nquads", "rdfxml"] as const).map(rdf),
} as const satisfies Record<string, readonly Serialisation[]>;

/** Kind of result of a query form. */
export type ResultKind = keyof typeof SERIALISATIONS;

interface Range {
  readonly type: string;
  readonly q: number;
  readonly order: number;
}

/** Parses an Accept header into media ranges (q > 0), most preferred first. */
export function parseAccept(header: string | undefined): Range[] {
  if (header === undefined || header.trim() === "") return [{ type: "*/*", q: 1, order: 0 }];
  const ranges: Range[] = [];
  header.split(",").forEach((part, order) => {
    const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (type === "") return;
    let q = 1;
    for (const p of params) {
      const m = /^q=([0-9.]+)$/u.exec(p);
      if (m) q = Number(m[1]);
    }
    if (q > 0 && Number.isFinite(q)) ranges.push({ type, q, order });
  });
  const specificity = (t: string) => (t === "*/*" ? 0 : t.endsWith("/*") ? 1 : 2);
  return ranges.sort((a, b) => b.q - a.q || specificity(b.type) - specificity(a.type) || a.order - b.order);
}

const matches = (range: string, type: string) =>
  range === "*/*" || range === type || (range.endsWith("/*") && type.startsWith(range.slice(0, -1)));

/**
 * Picks a serialisation among `offered` (the first is the default): a `format` parameter
 * wins; else the client's most preferred media range that one of them serves; else 406.
 */
export function negotiate(
  offered: readonly Serialisation[],
  accept: string | undefined,
  formatParam?: string,
): Serialisation {
  if (formatParam !== undefined && formatParam !== "") {
    // Clients such as SPARQLWrapper send format=… next to Accept; a name we do not know
    // (or one that does not fit this result) leaves the choice to Accept.
    const f = formatParam.toLowerCase();
    const hit = offered.find((s) => s.names.includes(f) || s.accepts.includes(f));
    if (hit) return hit;
  }
  for (const range of parseAccept(accept)) {
    const hit = offered.find((s) => s.accepts.some((t) => matches(range.type, t)));
    if (hit) return hit;
  }
  throw new KgError(
    "E_NOT_ACCEPTABLE",
    `cannot answer in any type of "Accept: ${accept}"; this result is available as ${offered
      .map((s) => s.accepts[0])
      .join(", ")}`,
  );
}

/** Whether the client prefers HTML (a browser) over the given data types. */
export function prefersHtml(accept: string | undefined): boolean {
  for (const range of parseAccept(accept)) {
    if (range.type === "text/html" || range.type === "application/xhtml+xml") return true;
    if (range.type !== "*/*") return false;
  }
  return false;
}
