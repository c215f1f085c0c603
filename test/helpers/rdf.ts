/** Test helpers: RDF in Turtle/TriG, compared as graphs (canonical N-Quads via rdf-ext). */
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import rdf from "rdf-ext";
import { expect } from "vitest";
import { PREFIXES } from "../../src/rdf/vocab.js";

const BASE = "https://w3id.org/article-kg/";
const PROLOGUE = Object.entries({ ...PREFIXES, kg: `${BASE}ontology#` })
  .map(([p, ns]) => `@prefix ${p}: <${ns}> .`)
  .join("\n");

/**
 * Parses TriG (Turtle is TriG) with the project's prefixes predeclared; `base:a/b` (followed
 * by white space) is shorthand for `<https://w3id.org/article-kg/a/b>`.
 */
export function trig(text: string): RDF.Quad[] {
  const expanded = text.replace(/\bbase:([^\s;,]+)/gu, `<${BASE}$1>`);
  return new Parser({ format: "application/trig" }).parse(`${PROLOGUE}\n${expanded}`);
}

/** Canonical N-Quads of a set of quads (blank nodes relabelled), for isomorphism checks. */
export function canonical(quads: Iterable<RDF.Quad>): string {
  return rdf.dataset([...quads]).toCanonical();
}

/** Asserts two quad sets are the same graph (isomorphic), showing a line diff on failure. */
export function expectIsomorphic(actual: Iterable<RDF.Quad>, expected: Iterable<RDF.Quad>): void {
  const a = canonical(actual).split("\n").sort();
  const e = canonical(expected).split("\n").sort();
  expect(a).toEqual(e);
}
