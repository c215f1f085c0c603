/**
 * Values from outside (a request path, a query parameter) go into a query through its parsed
 * syntax tree, never by pasting text: a template names a variable (`?entity`), `bindTerms`
 * parses it with sparqljs, puts the RDF term in every place the variable stands (subqueries
 * and filters included) or the rows of its VALUES clause, and generates the query text. A
 * literal's quotes, braces or `} ; DROP ALL ; {` stay inside the literal; an IRI is checked
 * first (the generator writes it as it is between `<` and `>`).
 */
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import sparqljs from "sparqljs";
import { KgError } from "../errors.js";

/** What may stand in an IRI reference (`IRIREF` of the SPARQL grammar), with a scheme. */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^<>"{}|^`\\]*$/iu;

/** Longest IRI accepted from outside (characters). */
export const MAX_IRI_LENGTH = 4096;

/** Whether a string can be bound as an IRI. */
export function isAbsoluteIri(value: string): boolean {
  // no spaces or control characters (U+0000–U+0020) either
  return value.length <= MAX_IRI_LENGTH && ABSOLUTE_IRI.test(value) && ![...value].some((c) => c <= " ");
}

/** An IRI term from an outside value; anything else is E_USAGE (a 400 on the server). */
export function iriTerm(value: string, what = "value"): RDF.NamedNode {
  if (!isAbsoluteIri(value))
    throw new KgError(
      "E_USAGE",
      `the ${what} must be an absolute IRI without spaces, quotes, <, >, {, }, |, ^, \` or \\; got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}".`,
    );
  return DataFactory.namedNode(value);
}

/** A plain string literal (any characters: the generator escapes them). */
export const stringTerm = (value: string): RDF.Literal => DataFactory.literal(value);

type Binding = RDF.Term | readonly RDF.Term[];

/**
 * The template with each named variable bound: a term replaces the variable wherever it
 * stands; a list of terms becomes the rows of the template's `VALUES ?var { … }` clause.
 * Every named variable must occur in the template (a missing one is a bug of the template).
 */
export function bindTerms(
  template: string,
  bindings: Readonly<Record<string, Binding>>,
  prefixes: Readonly<Record<string, string>> = {},
): string {
  const parsed = new sparqljs.Parser({ prefixes: { ...prefixes } }).parse(template);
  const used = new Set<string>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i]);
      return node;
    }
    if (node === null || typeof node !== "object") return node;
    const o = node as Record<string, unknown>;
    if (o.termType === "Variable" && typeof o.value === "string" && Object.hasOwn(bindings, o.value)) {
      const b = bindings[o.value];
      if (!Array.isArray(b)) {
        used.add(o.value);
        return b;
      }
      return node;
    }
    if (o.type === "values" && Array.isArray(o.values)) {
      const rows = o.values as Record<string, unknown>[];
      const vars = Object.keys(rows[0] ?? {});
      const mine = vars.filter((v) => Array.isArray(bindings[v.slice(1)]));
      if (mine.length === 1 && vars.length === 1) {
        const name = (mine[0] as string).slice(1);
        used.add(name);
        o.values = (bindings[name] as readonly RDF.Term[]).map((t) => ({ [`?${name}`]: t }));
        return node;
      }
    }
    for (const k of Object.keys(o)) if (k !== "prefixes") o[k] = walk(o[k]);
    return node;
  };
  walk(parsed);
  const missing = Object.keys(bindings).filter((k) => !used.has(k));
  if (missing.length > 0) throw new Error(`query template without ?${missing.join(", ?")}`);
  return new sparqljs.Generator().stringify(parsed);
}
