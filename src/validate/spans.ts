/**
 * Source spans of the graph's nodes: for an observation, a mention or a selector, the article
 * and the quoted text it points to, so each finding can show where the fact was read.
 */
import { PREFIXES } from "../rdf/vocab.js";
import type { KgStore, Row } from "../store/index.js";
import type { SourceSpan } from "./findings.js";

const MENTIONS = `SELECT ?m ?article ?start ?end ?exact ?position ?quote WHERE {
  ?m oa:hasSource ?article ; oa:hasSelector ?position , ?quote .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
}`;

const DERIVED = `SELECT ?node ?m WHERE { ?node prov:wasDerivedFrom ?m }`;

/** A term as a string: IRIs as they are, blank nodes as `_:id`. */
export function termKey(t: { termType: string; value: string } | undefined): string {
  if (t === undefined) return "";
  return t.termType === "BlankNode" ? `_:${t.value}` : t.value;
}

const value = (row: Row, name: string): string => termKey(row.get(name));

/** Looks up the source span of observations, mentions and selectors. */
export class SpanIndex {
  readonly #spans = new Map<string, SourceSpan>();

  constructor(store: KgStore) {
    const mentions = store.query(MENTIONS, { prefixes: PREFIXES });
    if (mentions.kind === "bindings")
      for (const row of mentions.rows) {
        const span: SourceSpan = {
          article: value(row, "article"),
          start: Number(value(row, "start")),
          end: Number(value(row, "end")),
          exact: value(row, "exact"),
        };
        for (const key of ["m", "position", "quote"])
          if (!this.#spans.has(value(row, key))) this.#spans.set(value(row, key), span);
      }
    const derived = store.query(DERIVED, { prefixes: PREFIXES });
    if (derived.kind === "bindings")
      for (const row of derived.rows) {
        const span = this.#spans.get(value(row, "m"));
        if (span !== undefined && !this.#spans.has(value(row, "node"))) this.#spans.set(value(row, "node"), span);
      }
  }

  /** The span a node was read from, if it is (or points to) a mention. */
  get(node: string): SourceSpan | undefined {
    return this.#spans.get(node);
  }
}
