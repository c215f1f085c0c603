/**
 * Links by GB/T 2260 code: the places of our graph (`skos:notation` "610722") joined with the
 * items of an external graph that state the same code, e.g. Wikidata's P442 ("China
 * administrative division code"), which groups digits and drops trailing zero groups:
 * "61" = 610000, "61 07" = 610700, "61 07 22" = 610722.
 */
import type * as RDF from "@rdfjs/types";
import type { Iris } from "../rdf/iri.js";
import { GraphWriter } from "../rdf/terms.js";
import { OWL, WDT } from "../rdf/vocab.js";

/** Wikidata's direct (truthy) P442 property. */
export const P442 = WDT.P442;

/**
 * The six-digit GB/T 2260 code of a written code: "610722", "61 07 22", "61 07", "61".
 * Longer codes (township level, 9 or 12 digits) and anything else give undefined.
 */
export function gb2260Of(written: string): string | undefined {
  const digits = written.replace(/[\s\u00a0-]/gu, "");
  if (!/^\d{2}(?:\d{2}){0,2}$/u.test(digits)) return undefined;
  const code = digits.padEnd(6, "0");
  return /^00/u.test(code) ? undefined : code;
}

/** One external item stating a code. */
export interface CodedItem {
  readonly item: string;
  readonly code: string;
}

/** The outcome of a join. */
export interface LinkResult {
  readonly quads: RDF.Quad[];
  /** Places linked (code → item). */
  readonly linked: ReadonlyMap<string, string>;
  /** Codes stated by more than one item: left out, a human must choose. */
  readonly ambiguous: ReadonlyMap<string, readonly string[]>;
  /** Items whose code is none of our places. */
  readonly unmatched: number;
}

/**
 * `<place> owl:sameAs <item>` for every place code stated by exactly one item; a code stated
 * by several items (a division and its predecessor, say) is reported, not linked.
 */
export function linkByCode(
  placeCodes: Iterable<string>,
  items: Iterable<CodedItem>,
  iris: Iris,
  graph: string,
): LinkResult {
  const byCode = new Map<string, Set<string>>();
  for (const { item, code } of items) {
    const set = byCode.get(code);
    if (set) set.add(item);
    else byCode.set(code, new Set([item]));
  }
  const ours = new Set(placeCodes);
  const g = new GraphWriter(graph);
  const linked = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  let unmatched = 0;
  for (const [code, set] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!ours.has(code)) {
      unmatched += set.size;
      continue;
    }
    const list = [...set].sort();
    if (list.length > 1) {
      ambiguous.set(code, list);
      continue;
    }
    const item = list[0] as string;
    linked.set(code, item);
    g.add(iris.place(code), OWL.sameAs, item);
  }
  return { quads: g.quads, linked, ambiguous, unmatched };
}
