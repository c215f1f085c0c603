/**
 * A SPARQL 1.1 server as the graph store (Virtuoso, Fuseki, Oxigraph server, QLever …): reads
 * through the SPARQL Protocol, writes each named graph with the Graph Store HTTP Protocol (PUT
 * replaces, so a rebuild is idempotent) or, without a Graph Store endpoint, with SPARQL Update.
 * Writes go in batches of `batch` triples, each request under the client timeout.
 */
import type * as RDF from "@rdfjs/types";
import { DataFactory, Parser, Writer } from "n3";
import { KgError } from "../errors.js";
import { RDF_FORMAT_TABLE } from "../rdf/formats.js";
import { sparqlPrologue } from "../rdf/prefixes.js";
import type { QueryOptions, UpdateOptions } from "./kg-store.js";
import { HttpClient, type HttpResponse } from "./remote-http.js";
import { parseRemoteStore, type RemoteEndpoint } from "./remote-url.js";
import type { QueryResult, Row } from "./result.js";
import { type ParsedQuery, parseSparql } from "./sparql.js";
import type { Store } from "./store.js";

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

/**
 * Graphs a server keeps for itself (Virtuoso's system graphs): never listed, counted or
 * exported as data.
 */
export const SYSTEM_GRAPHS: readonly string[] = [
  "http://www.openlinksw.com/schemas/virtrdf#",
  "http://www.w3.org/ns/ldp#",
  "http://localuriqaserver/",
  "http://www.openlinksw.com/schemas/",
  "urn:activitystreams-owl:map",
];

const PAGE = 10000;
const RESULTS_JSON = "application/sparql-results+json";
const { ntriples: NTRIPLES, turtle: TURTLE } = RDF_FORMAT_TABLE;
/** What a graph answer may come as: N-Triples, else Turtle (n3 reads both as Turtle). */
const RDF_ACCEPT = `${NTRIPLES.mediaType}, ${TURTLE.mediaType};q=0.9, ${NTRIPLES.accepts[1]};q=0.5`;
const RDF_ANSWERS: readonly string[] = [...NTRIPLES.accepts, ...TURTLE.accepts, ...TURTLE.readsAlso, ""];

/** A store behind a SPARQL 1.1 endpoint. */
export class RemoteStore implements Store {
  readonly endpoint: RemoteEndpoint;
  readonly #http: HttpClient;

  constructor(endpoint: RemoteEndpoint) {
    this.endpoint = endpoint;
    this.#http = new HttpClient(endpoint);
  }

  /** Connects to a `sparql+http(s)://` address and checks that the endpoint answers. */
  static async open(spec: string): Promise<RemoteStore> {
    const store = new RemoteStore(parseRemoteStore(spec));
    await store.query("ASK { }");
    return store;
  }

  async graphs(): Promise<string[]> {
    const r = await this.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    if (r.kind !== "bindings") return [];
    return r.rows
      .map((row) => row.get("g"))
      .filter((t): t is RDF.NamedNode => t?.termType === "NamedNode" && !isSystemGraph(t.value))
      .map((t) => t.value)
      .sort();
  }

  async countQuads(): Promise<number> {
    const notSystem = SYSTEM_GRAPHS.map((g) => `!STRSTARTS(STR(?g), ${JSON.stringify(g)})`).join(" && ");
    const r = await this.query(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(${notSystem}) }`);
    const n = r.kind === "bindings" ? r.rows[0]?.get("n")?.value : undefined;
    return Number(n ?? 0);
  }

  async loadQuads(quads: Iterable<RDF.Quad>, graph?: string): Promise<number> {
    const byGraph = new Map<string, RDF.Quad[]>();
    let count = 0;
    for (const q of quads) {
      const g = graph ?? (q.graph.termType === "NamedNode" ? q.graph.value : "");
      const list = byGraph.get(g);
      if (list) list.push(q);
      else byGraph.set(g, [q]);
      count++;
    }
    for (const [g, list] of byGraph) await this.#write(g === "" ? null : g, list, false);
    return count;
  }

  async replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Promise<number> {
    return this.#write(checkIri(graphIri), quads, true);
  }

  async dropGraph(graphIri: string): Promise<void> {
    const g = checkIri(graphIri);
    if (this.endpoint.gsp !== undefined) {
      const res = await this.#http.send({ method: "DELETE", url: this.#gspUrl(g) });
      if (res.status !== 404) expectOk(res, `DELETE graph <${g}>`);
    } else await this.update(`DROP SILENT GRAPH <${g}>`);
  }

  /** The triples of a named graph, read in pages; the default graph of a server is not read (always empty). */
  async quadsOf(graph: string | null): Promise<RDF.Quad[]> {
    if (graph === null) return [];
    const g = namedNode(checkIri(graph));
    const out: RDF.Quad[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const r = await this.query(
        `SELECT ?s ?p ?o WHERE { GRAPH <${g.value}> { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT ${PAGE} OFFSET ${offset}`,
      );
      if (r.kind !== "bindings") break;
      for (const row of r.rows) {
        const s = row.get("s");
        const p = row.get("p");
        const o = row.get("o");
        if (s && p && o) out.push(quad(s as RDF.Quad_Subject, p as RDF.Quad_Predicate, o as RDF.Quad_Object, g));
      }
      if (r.rows.length < PAGE) break;
    }
    return out;
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const { text, parsed } = prepare(sparql, options);
    const params = new URLSearchParams({ query: text });
    for (const g of options.defaultGraphs ?? []) params.append("default-graph-uri", g);
    for (const g of options.namedGraphs ?? []) params.append("named-graph-uri", g);
    const graphForm = parsed.form === "CONSTRUCT" || parsed.form === "DESCRIBE";
    if (parsed.form === "UPDATE") throw new KgError("E_USAGE", "query() expects a query; use update().");
    const res = await this.#http.send({
      method: "POST",
      url: this.endpoint.query,
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        accept: graphForm ? RDF_ACCEPT : RESULTS_JSON,
      },
      body: params.toString(),
    });
    expectOk(res, "query");
    if (graphForm) return { kind: "quads", quads: parseTriples(res) };
    return parseResultsJson(res.text, parsed);
  }

  async update(sparql: string, options: Pick<UpdateOptions, "prefixes"> = {}): Promise<void> {
    const { text, parsed } = prepare(sparql, options);
    if (parsed.form !== "UPDATE") throw new KgError("E_USAGE", "update() expects a SPARQL UPDATE; use query().");
    await this.#update(text);
  }

  /** Nothing to do: every write is already on the server. */
  async save(): Promise<void> {}

  async #update(text: string): Promise<void> {
    const res = await this.#http.send({
      method: "POST",
      url: this.endpoint.update,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", accept: "*/*" },
      body: new URLSearchParams({ update: text }).toString(),
    });
    expectOk(res, "update");
  }

  /**
   * Writes the triples of one graph (`null`: the default graph) in batches; `replace` makes the
   * first request a PUT (or a DROP first). A graph with blank nodes goes in one request, so its
   * blank nodes stay the same nodes.
   */
  async #write(graph: string | null, quads: Iterable<RDF.Quad>, replace: boolean): Promise<number> {
    const writer = new Writer({ format: NTRIPLES.n3 });
    const batches: string[][] = [[]];
    let blank = false;
    let count = 0;
    for (const q of quads) {
      const current = batches.at(-1) as string[];
      if (current.length >= this.endpoint.batch) batches.push([]);
      (batches.at(-1) as string[]).push(writer.quadToString(q.subject, q.predicate, q.object));
      blank ||= q.subject.termType === "BlankNode" || q.object.termType === "BlankNode";
      count++;
    }
    const bodies = blank ? [batches.flat().join("")] : batches.map((b) => b.join(""));
    if (count === 0) {
      if (replace && graph !== null) await this.dropGraph(graph);
      return 0;
    }
    if (this.endpoint.gsp === undefined && replace && graph !== null)
      await this.#update(`DROP SILENT GRAPH <${graph}>`);
    for (const [i, body] of bodies.entries()) {
      if (body === "") continue;
      if (this.endpoint.gsp !== undefined) {
        const method = replace && i === 0 ? "PUT" : "POST";
        const res = await this.#http.send({
          method,
          url: this.#gspUrl(graph),
          headers: { "content-type": `${TURTLE.mediaType}; charset=utf-8` },
          body,
        });
        expectOk(res, `${method} graph ${graph === null ? "(default)" : `<${graph}>`}`);
      } else {
        const data = graph === null ? body : `GRAPH <${graph}> { ${body} }`;
        await this.#update(`INSERT DATA { ${data} }`);
      }
    }
    return count;
  }

  #gspUrl(graph: string | null): string {
    const url = new URL(this.endpoint.gsp as string);
    if (graph === null) url.searchParams.set("default", "");
    else url.searchParams.set("graph", graph);
    return url.toString();
  }
}

/** Whether a graph IRI is one of a server's own graphs. */
export const isSystemGraph = (iri: string): boolean => SYSTEM_GRAPHS.some((g) => iri.startsWith(g));

function prepare(sparql: string, options: Pick<QueryOptions, "prefixes">): { text: string; parsed: ParsedQuery } {
  const prologue = options.prefixes ? sparqlPrologue(options.prefixes) : "";
  const text = prologue ? `${prologue}\n${sparql}` : sparql;
  return { text, parsed: parseSparql(text, prologue ? 1 : 0) };
}

function expectOk(res: HttpResponse, what: string): void {
  if (res.status >= 200 && res.status < 300) return;
  const detail = res.text.replace(/\s+/gu, " ").trim().slice(0, 400);
  const hint = res.status === 401 || res.status === 403 ? " (check the user and password of --store)" : "";
  throw new KgError("E_STORE", `the SPARQL server refused the ${what}: HTTP ${res.status}${hint}: ${detail}`);
}

function checkIri(iri: string): string {
  if (/[\s<>"{}|^`\\]/u.test(iri)) throw new KgError("E_USAGE", `not a valid IRI: ${iri}`);
  return iri;
}

interface JsonTerm {
  readonly type: string;
  readonly value: string;
  readonly datatype?: string;
  readonly "xml:lang"?: string;
}

/** A term of SPARQL 1.1 Query Results JSON (also Virtuoso's older `typed-literal`). */
export function termOfJson(t: JsonTerm): RDF.Term {
  switch (t.type) {
    case "uri":
      return namedNode(t.value);
    case "bnode":
      return blankNode(t.value.replace(/[^A-Za-z0-9_-]/gu, "_"));
    default:
      if (t["xml:lang"]) return literal(t.value, t["xml:lang"]);
      return t.datatype ? literal(t.value, namedNode(t.datatype)) : literal(t.value);
  }
}

function parseResultsJson(text: string, parsed: ParsedQuery): QueryResult {
  let json: { boolean?: boolean; head?: { vars?: string[] }; results?: { bindings?: Record<string, JsonTerm>[] } };
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new KgError("E_STORE", `the SPARQL server did not answer in SPARQL JSON: ${text.slice(0, 200)}`, {
      cause: e,
    });
  }
  if (typeof json.boolean === "boolean") return { kind: "boolean", value: json.boolean };
  const variables = parsed.variables.length > 0 ? [...parsed.variables] : [...(json.head?.vars ?? [])];
  const rows: Row[] = (json.results?.bindings ?? []).map((b) => {
    const row = new Map<string, RDF.Term>();
    for (const [k, v] of Object.entries(b)) row.set(k, termOfJson(v));
    return row;
  });
  return { kind: "bindings", variables, rows };
}

/** A SPARQL Protocol answer (JSON results, or RDF for CONSTRUCT and DESCRIBE) as one typed result. */
export function parseQueryAnswer(res: HttpResponse, parsed: ParsedQuery): QueryResult {
  if (parsed.form === "CONSTRUCT" || parsed.form === "DESCRIBE") return { kind: "quads", quads: parseTriples(res) };
  return parseResultsJson(res.text, parsed);
}

function parseTriples(res: HttpResponse): RDF.Quad[] {
  const type = res.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!RDF_ANSWERS.includes(type))
    throw new KgError("E_STORE", `the SPARQL server answered a graph as ${type}, not N-Triples or Turtle.`);
  try {
    return new Parser({ format: TURTLE.mediaType })
      .parse(res.text)
      .map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
  } catch (e) {
    throw new KgError("E_STORE", `cannot read the graph the SPARQL server sent: ${(e as Error).message}`, { cause: e });
  }
}
