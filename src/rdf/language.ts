/**
 * Language tags in their conventional case (BCP 47 §2.1.1: `zh-Hans`, `zh-Hant`, `en-US`).
 * Oxigraph and n3 store tags lower-cased (RDF allows it: tags compare case-insensitively), so
 * everything shown or written to a user goes through `canonicalLanguage`.
 */
import type * as RDF from "@rdfjs/types";

const canonical = new Map<string, string>();

/** A tag with its subtags in conventional case: language lower, script title, region upper. */
export function canonicalLanguage(tag: string): string {
  // a graph has a handful of tags on thousands of literals: each is worked out once (the
  // split and the case-insensitive Unicode tests cost a few µs a literal on a cold start)
  let out = canonical.get(tag);
  if (out === undefined) {
    out = canonicalOf(tag);
    if (canonical.size < 1024) canonical.set(tag, out);
  }
  return out;
}

function canonicalOf(tag: string): string {
  if (tag === "") return tag;
  const parts = tag.split("-");
  let private_ = false;
  return parts
    .map((p, i) => {
      if (i === 0 || private_) return p.toLowerCase();
      if (p.length === 1) {
        private_ = true; // after a singleton (x-, u-, …) subtags keep lower case
        return p.toLowerCase();
      }
      if (/^[a-z]{4}$/iu.test(p)) return p.charAt(0).toUpperCase() + p.slice(1).toLowerCase();
      if (/^[a-z]{2}$/iu.test(p)) return p.toUpperCase();
      return p.toLowerCase();
    })
    .join("-");
}

/** A literal with its language tag in conventional case (a plain RDF/JS object; n3's factory would lower-case it). */
export function withCanonicalLanguage<T extends RDF.Term>(t: T): T {
  if (t.termType !== "Literal" || t.language === "") return t;
  const language = canonicalLanguage(t.language);
  if (language === t.language) return t;
  const literal: RDF.Literal = {
    termType: "Literal",
    value: t.value,
    language,
    datatype: t.datatype,
    equals: (other) =>
      other?.termType === "Literal" &&
      other.value === t.value &&
      (other as RDF.Literal).language.toLowerCase() === language.toLowerCase(),
  };
  return literal as T;
}

/** A term-aware scan of N-Triples/N-Quads/Turtle/TSV text: IRIs and string literals with their tags, in order. */
const TERMS = /<[^<>"\s]*>|"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z0-9-]+)?/gu;
const withTag = (literal: string) => {
  const at = literal.lastIndexOf('"@');
  return at < 0 || literal.endsWith('"')
    ? literal
    : `${literal.slice(0, at + 2)}${canonicalLanguage(literal.slice(at + 2))}`;
};

/** The language tags of N-Triples, N-Quads, Turtle, TriG or SPARQL TSV text in BCP 47 case. */
export function canonicalTagsInText(text: string): string {
  // a tagged literal ends in "@ (and a text without one has nothing to scan for)
  if (!text.includes('"@')) return text;
  return text.replace(TERMS, (t) => (t.startsWith('"') ? withTag(t) : t));
}
