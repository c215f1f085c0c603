/** How terms are shown: N-Triples syntax, prefixed names, and display width of CJK text. */
import type * as RDF from "@rdfjs/types";
import { canonicalLanguage } from "../rdf/language.js";
import { XSD } from "../rdf/vocab.js";

/** Escapes a string for an N-Triples/Turtle quoted literal. */
export function escapeString(s: string): string {
  return s.replace(
    /[\\"\n\r\t]/gu,
    (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? c,
  );
}

/** A term in N-Triples syntax (`<iri>`, `_:b`, `"v"@lang`, `"v"^^<dt>`). */
export function ntriplesOf(t: RDF.Term): string {
  switch (t.termType) {
    case "NamedNode":
      return `<${t.value}>`;
    case "BlankNode":
      return `_:${t.value}`;
    case "Literal":
      if (t.language) return `"${escapeString(t.value)}"@${canonicalLanguage(t.language)}`;
      if (t.datatype.value === XSD.string) return `"${escapeString(t.value)}"`;
      return `"${escapeString(t.value)}"^^<${t.datatype.value}>`;
    case "Variable":
      return `?${t.value}`;
    case "DefaultGraph":
      return "";
    case "Quad":
      return `<< ${ntriplesOf(t.subject)} ${ntriplesOf(t.predicate)} ${ntriplesOf(t.object)} >>`;
  }
}

/** Shortens an IRI to `prefix:local` with the longest matching namespace, if the local part is simple. */
export function shorten(iri: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(prefixes))
    if (iri.startsWith(ns) && (best === undefined || ns.length > best[1].length)) best = [p, ns];
  if (!best) return undefined;
  const local = iri.slice(best[1].length);
  return /^[\p{L}\p{N}_]([\p{L}\p{N}_.-]*[\p{L}\p{N}_-])?$|^$/u.test(local) ? `${best[0]}:${local}` : undefined;
}

const NUMERIC = new Set(
  (["decimal", "integer", "nonNegativeInteger", "positiveInteger", "long", "int", "short"] as const).map((d) => XSD[d]),
);

/** A number as a reader writes it: the integer part grouped by thousands (13087000000 → 13,087,000,000). */
export function groupDigits(lexical: string): string {
  const m = /^([+-]?)(\d+)(\.\d*)?$/u.exec(lexical.trim());
  if (!m) return lexical;
  const [, sign = "", int = "", frac = ""] = m;
  return `${sign === "-" ? "-" : ""}${int.replace(/\B(?=(\d{3})+$)/gu, ",")}${frac}`;
}

/**
 * A term as shown in a table: IRIs as prefixed names, literals as their plain value (no
 * `@lang`, no `^^datatype`), numbers grouped by thousands.
 */
export function displayOf(t: RDF.Term, prefixes: Readonly<Record<string, string>>): string {
  switch (t.termType) {
    case "NamedNode":
      return shorten(t.value, prefixes) ?? `<${t.value}>`;
    case "Literal":
      return !t.language && NUMERIC.has(t.datatype.value) ? groupDigits(t.value) : t.value;
    default:
      return ntriplesOf(t);
  }
}

/** Columns a string takes in a terminal (CJK and full-width characters take two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x300 && c <= 0x36f)) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}
