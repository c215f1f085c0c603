/**
 * The project ontology (ontology/kg.ttl) as a linked-data document: `<base>ontology` and every
 * `kg:` term (`<base>ontology#indicator`, a fragment of it) dereference to `GET /ontology`.
 * Turtle is the hand-written file itself (its prefixes, comments and order); the other
 * formats are written from its triples. The file is written for the default base; a server
 * with another base rewrites it.
 */
import { readFileSync } from "node:fs";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { DEFAULT_BASE } from "../rdf/iri.js";

/** Location of the ontology in the package. */
export const ONTOLOGY_FILE = new URL("../../ontology/kg.ttl", import.meta.url);

/** Path of the ontology document under the base. */
export const ONTOLOGY_PATH = "/ontology";

/** The ontology for one base: its Turtle text and its triples. */
export interface Ontology {
  readonly iri: string;
  readonly turtle: string;
  readonly quads: readonly RDF.Quad[];
}

const cache = new Map<string, Ontology>();

/** The ontology with its IRIs under `base` (read and parsed once per base). */
export function ontologyFor(base: string): Ontology {
  let o = cache.get(base);
  if (o === undefined) {
    const text = readFileSync(ONTOLOGY_FILE, "utf8");
    const turtle = base === DEFAULT_BASE ? text : text.replaceAll(DEFAULT_BASE, base);
    o = { iri: `${base}ontology`, turtle, quads: new Parser({ format: "text/turtle" }).parse(turtle) };
    cache.set(base, o);
  }
  return o;
}

/** Whether an IRI is the ontology or one of its terms. */
export function isOntologyIri(iri: string, base: string): boolean {
  return iri === `${base}ontology` || iri.startsWith(`${base}ontology#`);
}
