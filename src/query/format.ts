/**
 * Query results as text: an aligned table, CSV and TSV (SPARQL 1.1 Query Results CSV/TSV),
 * JSON (SPARQL 1.1 Query Results JSON); graphs (CONSTRUCT/DESCRIBE) as Turtle.
 */
import type * as RDF from "@rdfjs/types";
import { canonicalLanguage } from "../rdf/language.js";
import { quadsToString } from "../rdf/serialize.js";
import { XSD } from "../rdf/vocab.js";
import type { QueryResult, Row } from "../store/index.js";
import { displayOf, displayWidth, escapeString, ntriplesOf } from "./terms.js";

/** Output formats of `query`. */
export const RESULT_FORMATS = ["table", "csv", "tsv", "json"] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** Checks a format name given by a user. */
export function isResultFormat(f: string): f is ResultFormat {
  return (RESULT_FORMATS as readonly string[]).includes(f);
}

/** Formats a result; graphs are always Turtle (with the prefixes). Ends with a newline. */
export async function formatResult(
  result: QueryResult,
  format: ResultFormat,
  prefixes: Readonly<Record<string, string>> = {},
): Promise<string> {
  if (result.kind === "quads") return quadsToString(result.quads, "turtle", prefixes);
  if (format === "json") return `${JSON.stringify(toSparqlJson(result), null, 2)}\n`;
  if (result.kind === "boolean") return `${result.value}\n`;
  switch (format) {
    case "csv":
      return toCsv(result.variables, result.rows);
    case "tsv":
      return toTsv(result.variables, result.rows);
    case "table":
      return toTable(result.variables, result.rows, prefixes);
  }
}

/** SPARQL 1.1 Query Results JSON of one term. */
export function sparqlJsonTerm(t: RDF.Term): Record<string, string> {
  switch (t.termType) {
    case "NamedNode":
      return { type: "uri", value: t.value };
    case "BlankNode":
      return { type: "bnode", value: t.value };
    case "Literal":
      if (t.language) return { type: "literal", value: t.value, "xml:lang": canonicalLanguage(t.language) };
      if (t.datatype.value === XSD.string) return { type: "literal", value: t.value };
      return { type: "literal", value: t.value, datatype: t.datatype.value };
    default:
      return { type: "literal", value: ntriplesOf(t) };
  }
}

/** SPARQL 1.1 Query Results JSON document of a boolean or bindings result. */
export function toSparqlJson(result: Exclude<QueryResult, { kind: "quads" }>): unknown {
  if (result.kind === "boolean") return { head: {}, boolean: result.value };
  return {
    head: { vars: result.variables },
    results: {
      bindings: result.rows.map((row) => {
        const b: Record<string, Record<string, string>> = {};
        for (const [k, v] of row) b[k] = sparqlJsonTerm(v);
        return b;
      }),
    },
  };
}

function csvField(s: string): string {
  return /[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** SPARQL 1.1 CSV: plain values (IRIs, lexical forms, `_:b`), CRLF line ends. */
export function toCsv(variables: readonly string[], rows: readonly Row[]): string {
  const value = (t: RDF.Term | undefined) =>
    t === undefined ? "" : t.termType === "BlankNode" ? `_:${t.value}` : t.value;
  const lines = [variables.map(csvField).join(",")];
  for (const row of rows) lines.push(variables.map((v) => csvField(value(row.get(v)))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** SPARQL 1.1 TSV: `?var` header, terms in Turtle/N-Triples syntax. */
export function toTsv(variables: readonly string[], rows: readonly Row[]): string {
  const value = (t: RDF.Term | undefined) => {
    if (t === undefined) return "";
    if (t.termType === "Literal" && !t.language) {
      const dt = t.datatype.value;
      if (dt.endsWith("#integer") || dt.endsWith("#decimal")) return t.value;
    }
    return t.termType === "Literal" ? ntriplesOf(t).replace(/\t/gu, "\\t") : ntriplesOf(t);
  };
  const lines = [variables.map((v) => `?${v}`).join("\t")];
  for (const row of rows) lines.push(variables.map((v) => value(row.get(v))).join("\t"));
  return `${lines.join("\n")}\n`;
}

/** An aligned text table with prefixed names, and a row count. */
export function toTable(
  variables: readonly string[],
  rows: readonly Row[],
  prefixes: Readonly<Record<string, string>> = {},
): string {
  const cells = rows.map((row) =>
    variables.map((v) => {
      const t = row.get(v);
      return t === undefined ? "" : displayOf(t, prefixes).replace(/[\r\n\t]/gu, (c) => escapeString(c));
    }),
  );
  return alignedTable(variables, cells);
}

/** Text cells aligned in columns under a header (CJK counts double width), and a row count. */
export function alignedTable(header: readonly string[], cells: readonly (readonly string[])[]): string {
  const widths = header.map((v, i) => Math.max(displayWidth(v), ...cells.map((r) => displayWidth(r[i] ?? ""))));
  const pad = (s: string, i: number) => s + " ".repeat((widths[i] ?? 0) - displayWidth(s));
  const line = (r: readonly string[]) => r.map(pad).join(" │ ").trimEnd();
  const out = [line(header), widths.map((w) => "─".repeat(w)).join("─┼─"), ...cells.map(line)];
  out.push(`(${cells.length} row${cells.length === 1 ? "" : "s"})`);
  return `${out.join("\n")}\n`;
}
