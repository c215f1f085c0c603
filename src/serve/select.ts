/** Runs a SELECT through the pool and returns its rows as plain values (for the web page's JSON API). */
import type { ServeContext } from "./context.js";

/** One row: variable → the term's value (IRI, lexical form or blank node label); unbound variables are absent. */
export type PlainRow = Record<string, string>;

interface SparqlJson {
  readonly results?: { readonly bindings: readonly Record<string, { readonly value: string }>[] };
  readonly boolean?: boolean;
}

/** Rows of a SELECT (over the union of all graphs, with the predeclared prefixes). */
export async function select(ctx: ServeContext, query: string, timeoutMs?: number): Promise<PlainRow[]> {
  const body = await ctx.pool.read({ op: "query", text: query, format: "json", dataset: {} }, timeoutMs);
  const json = JSON.parse(body) as SparqlJson;
  return (json.results?.bindings ?? []).map((b) => {
    const row: PlainRow = {};
    for (const [k, v] of Object.entries(b)) row[k] = v.value;
    return row;
  });
}

/** Answer of an ASK. */
export async function ask(ctx: ServeContext, query: string): Promise<boolean> {
  const body = await ctx.pool.read({ op: "query", text: query, format: "json", dataset: {} });
  return (JSON.parse(body) as SparqlJson).boolean === true;
}

/** A string as a SPARQL literal. */
export function literal(s: string): string {
  return `"${s.replace(/[\\"\n\r\t]/gu, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? c)}"`;
}

/** An IRI for a SPARQL query (refused if it could break out of `<…>`). */
export function iriRef(iri: string): string {
  if (/[\s<>"{}|^`\\]/u.test(iri)) throw new Error(`not an IRI: ${iri}`);
  return `<${iri}>`;
}
