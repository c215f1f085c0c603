/**
 * SPARQL 1.1 Protocol requests: which operation (query, update or service description) a
 * request asks for, with its dataset, following the protocol's rules on methods, media types,
 * parameters and charsets. Violations are KgErrors with 4xx codes.
 */
import { DataFactory } from "n3";
import sparqljs from "sparqljs";
import { KgError } from "../errors.js";
import { sparqlPrologue } from "../rdf/prefixes.js";
import { parseSparql } from "../store/index.js";
import type { Dataset } from "./jobs.js";

/** What a request to the endpoint asks for. */
export type Operation =
  | { readonly kind: "query"; readonly text: string; readonly dataset: Dataset; readonly format?: string }
  | { readonly kind: "update"; readonly text: string; readonly using: Dataset }
  | { readonly kind: "description"; readonly format?: string };

/** The parts of an HTTP request the protocol looks at. */
export interface ProtocolRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  readonly contentType: string | undefined;
  /** Raw body text (undefined for GET). */
  readonly body: string | undefined;
}

const FORM = "application/x-www-form-urlencoded";
const QUERY = "application/sparql-query";
const UPDATE = "application/sparql-update";

function mediaType(contentType: string | undefined): { type: string; charset: string | undefined } {
  if (contentType === undefined) return { type: "", charset: undefined };
  const [type = "", ...params] = contentType.split(";").map((s) => s.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^"]+)"?$/iu.exec(p)?.[1])
    .find((c): c is string => c !== undefined);
  return { type: type.toLowerCase(), charset: charset?.toLowerCase() };
}

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new KgError("E_BAD_REQUEST", `more than one "${name}" parameter`);
  return all[0];
}

function datasetOf(...sources: URLSearchParams[]): Dataset {
  const d = sources.flatMap((p) => p.getAll("default-graph-uri"));
  const n = sources.flatMap((p) => p.getAll("named-graph-uri"));
  return { ...(d.length > 0 ? { defaultGraphs: d } : {}), ...(n.length > 0 ? { namedGraphs: n } : {}) };
}

function usingOf(...sources: URLSearchParams[]): Dataset {
  const d = sources.flatMap((p) => p.getAll("using-graph-uri"));
  const n = sources.flatMap((p) => p.getAll("using-named-graph-uri"));
  return { ...(d.length > 0 ? { defaultGraphs: d } : {}), ...(n.length > 0 ? { namedGraphs: n } : {}) };
}

function format(...sources: URLSearchParams[]): { format?: string } {
  for (const p of sources) {
    const f = p.get("format") ?? p.get("output");
    if (f !== null) return { format: f };
  }
  return {};
}

/** Decides the operation of a request to the endpoint. */
export function parseOperation(req: ProtocolRequest): Operation {
  const url = new URL(req.url, "http://endpoint");
  const params = url.searchParams;
  if (req.method === "GET" || req.method === "HEAD") {
    if (params.has("update"))
      throw new KgError("E_BAD_REQUEST", "an update must be sent with POST, not GET", {
        headers: { allow: "POST" },
      });
    const query = single(params, "query");
    if (query === undefined) return { kind: "description", ...format(params) };
    return { kind: "query", text: query, dataset: datasetOf(params), ...format(params) };
  }
  if (req.method !== "POST")
    throw new KgError("E_METHOD", `${req.method} is not a SPARQL Protocol method; use GET or POST`, {
      headers: { allow: "GET, POST, OPTIONS" },
    });
  const { type, charset } = mediaType(req.contentType);
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8")
    throw new KgError("E_MEDIA_TYPE", `the body must be UTF-8; got charset=${charset}`);
  const body = req.body ?? "";
  if (type === FORM) {
    const form = new URLSearchParams(body);
    const query = single(form, "query");
    const update = single(form, "update");
    if (query !== undefined && update !== undefined)
      throw new KgError("E_BAD_REQUEST", 'send either "query" or "update", not both');
    if (query !== undefined)
      return { kind: "query", text: query, dataset: datasetOf(form, params), ...format(form, params) };
    if (update !== undefined) return { kind: "update", text: update, using: usingOf(form, params) };
    throw new KgError("E_BAD_REQUEST", 'a form POST needs a "query" or an "update" parameter');
  }
  if (type === QUERY) return { kind: "query", text: body, dataset: datasetOf(params), ...format(params) };
  if (type === UPDATE) return { kind: "update", text: body, using: usingOf(params) };
  throw new KgError(
    "E_MEDIA_TYPE",
    `POST a body of type ${QUERY}, ${UPDATE} or ${FORM}; got ${type === "" ? "no Content-Type" : type}`,
  );
}

/** Form of a query, checked for syntax (error with line and column) with the predeclared prefixes. */
export function queryForm(
  text: string,
  prefixes: Readonly<Record<string, string>>,
  baseIri?: string,
): "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE" | "UPDATE" {
  const base = baseIri === undefined ? "" : ` BASE <${baseIri}>`;
  return parseSparql(`${sparqlPrologue(prefixes)}${base}\n${text}`, 1).form;
}

/**
 * Applies `using-graph-uri` / `using-named-graph-uri` to an update, as SPARQL 1.1 Update and
 * the Protocol (§2.2.3) define them: they give the dataset of every operation that has a WHERE
 * clause — each DELETE/INSERT becomes `… USING <g1> USING <g2> USING NAMED <n> WHERE …` (the
 * default graph is the merge of the using-graph-uri graphs; with only using-named-graph-uri it
 * is empty), and `DELETE WHERE { P }` is read as its long form `DELETE { P } USING … WHERE { P }`.
 * Operations without a WHERE clause (INSERT DATA, DROP, CLEAR, …) are unchanged. An update
 * that names its own dataset (USING or WITH) as well is refused, as the protocol requires.
 */
export function applyUsing(
  text: string,
  using: Dataset,
  prefixes: Readonly<Record<string, string>>,
  baseIri?: string,
): string {
  if (using.defaultGraphs === undefined && using.namedGraphs === undefined) return text;
  const parsed = new sparqljs.Parser(baseIri === undefined ? {} : { baseIRI: baseIri }).parse(
    `${sparqlPrologue(prefixes)}\n${text}`,
  );
  if (parsed.type !== "update") throw new KgError("E_BAD_REQUEST", "using-graph-uri applies to updates only");
  const dataset = {
    default: (using.defaultGraphs ?? []).map((g) => DataFactory.namedNode(g)),
    named: (using.namedGraphs ?? []).map((g) => DataFactory.namedNode(g)),
  };
  parsed.updates = parsed.updates.map((op) => {
    if (!("updateType" in op)) return op;
    if (op.updateType === "deletewhere") return { ...longForm(op.delete), using: dataset };
    if (op.updateType !== "insertdelete") return op;
    if (
      (op.using !== undefined && (op.using.default.length > 0 || op.using.named.length > 0)) ||
      op.graph !== undefined
    )
      throw new KgError(
        "E_BAD_REQUEST",
        "the update names its dataset (USING or WITH) and the request gives using-graph-uri/using-named-graph-uri: use one",
      );
    return { ...op, using: dataset };
  });
  return new sparqljs.Generator().stringify(parsed);
}

/** `DELETE WHERE { P }` as `DELETE { P } WHERE { P }`. */
function longForm(quads: sparqljs.Quads[]): sparqljs.InsertDeleteOperation {
  const where: sparqljs.Pattern[] = quads.map((q) =>
    q.type === "bgp"
      ? { type: "bgp", triples: q.triples }
      : { type: "graph", name: q.name, patterns: [{ type: "bgp", triples: q.triples }] },
  );
  return { updateType: "insertdelete", delete: quads, insert: [], where };
}
