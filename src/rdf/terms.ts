/**
 * Small helpers over n3's DataFactory so the mappers read like Turtle: a `GraphWriter`
 * collects the quads of one named graph.
 */
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "./n3-parts.js";
import { XSD } from "./vocab.js";

const { namedNode, literal, quad } = DataFactory;

/** An IRI term. */
export const iri = (value: string): RDF.NamedNode => namedNode(value);

/** A plain string literal (xsd:string). */
export const str = (value: string): RDF.Literal => literal(value);

/** A language-tagged literal. */
export const lang = (value: string, tag: string): RDF.Literal => literal(value, tag);

/** A typed literal. */
export const typed = (value: string, datatype: string): RDF.Literal => literal(value, namedNode(datatype));

/** An xsd:nonNegativeInteger literal. */
export const nonNegative = (n: number): RDF.Literal => typed(String(n), XSD.nonNegativeInteger);

/** An xsd:gYear literal for a year ("2016", "-0044", "0800"). */
export function gYear(year: number): RDF.Literal {
  const digits = String(Math.abs(year)).padStart(4, "0");
  return typed(year < 0 ? `-${digits}` : digits, XSD.gYear);
}

/** Collects the quads of one named graph; `add` takes IRIs as strings or any object term. */
export class GraphWriter {
  readonly quads: RDF.Quad[] = [];
  readonly #graph: RDF.NamedNode;
  constructor(graph: string) {
    this.#graph = namedNode(graph);
  }
  /** Adds `<s> <p> o`; an object given as a string is an IRI. */
  add(subject: string, predicate: string, object: string | RDF.Literal | RDF.NamedNode): this {
    const o = typeof object === "string" ? namedNode(object) : object;
    this.quads.push(quad(namedNode(subject), namedNode(predicate), o, this.#graph));
    return this;
  }
}
