/** How terms are shown: N-Triples syntax, prefixed names, and display width of CJK text. */
import type * as RDF from "@rdfjs/types";

const XSD = "http://www.w3.org/2001/XMLSchema#";

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
      if (t.language) return `"${escapeString(t.value)}"@${t.language}`;
      if (t.datatype.value === `${XSD}string`) return `"${escapeString(t.value)}"`;
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

/** A term as shown in a table: prefixed name, plain strings and numbers, typed values with a short datatype. */
export function displayOf(t: RDF.Term, prefixes: Readonly<Record<string, string>>): string {
  switch (t.termType) {
    case "NamedNode":
      return shorten(t.value, prefixes) ?? `<${t.value}>`;
    case "Literal": {
      if (t.language) return `${t.value}@${t.language}`;
      const dt = t.datatype.value;
      if ([`${XSD}string`, `${XSD}decimal`, `${XSD}integer`, `${XSD}nonNegativeInteger`, `${XSD}double`].includes(dt))
        return t.value;
      return `${t.value}^^${shorten(dt, prefixes) ?? `<${dt}>`}`;
    }
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
