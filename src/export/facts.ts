/**
 * Tidy facts: one row per observation of an extraction, with place code and name, indicator,
 * period start/end, value in the base unit, unit, kind, the quote and its code-point offsets.
 * CSV (RFC 4180) and JSON carry the raw values; `extract --format table` prints them aligned.
 */
import type { Extraction } from "../types.js";

/** One fact as a flat record. */
export interface FactRow {
  readonly article: string;
  readonly index: number;
  readonly place_code: string;
  readonly place_name: string;
  readonly indicator: string;
  readonly period_start: number | null;
  readonly period_end: number | null;
  /** Exact decimal in the base unit, as a string (no rounding). */
  readonly value: string;
  readonly unit: string;
  readonly kind: string;
  readonly approximation: string;
  readonly quote: string;
  /** Code-point offsets of the quote in the article text. */
  readonly start: number;
  readonly end: number;
}

/** Column order of the CSV and the table. */
export const FACT_COLUMNS = [
  "article",
  "index",
  "place_code",
  "place_name",
  "indicator",
  "period_start",
  "period_end",
  "value",
  "unit",
  "kind",
  "approximation",
  "quote",
  "start",
  "end",
] as const satisfies readonly (keyof FactRow)[];

/** The facts of an extraction, in article order. */
export function factRows(x: Extraction): FactRow[] {
  return x.observations.map((o) => ({
    article: x.article.id,
    index: o.index,
    place_code: o.place?.code ?? "",
    place_name: o.place?.name ?? "",
    indicator: o.indicator,
    period_start: o.period?.start ?? null,
    period_end: o.period?.end ?? null,
    value: o.value,
    unit: o.unit,
    kind: o.kind,
    approximation: o.approximation ?? o.bound ?? "",
    quote: o.span.exact,
    start: o.span.start,
    end: o.span.end,
  }));
}

const csvField = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The cells of a row as strings (null → empty), in FACT_COLUMNS order. */
export function factCells(row: FactRow): string[] {
  return FACT_COLUMNS.map((c) => {
    const v = row[c];
    return v === null ? "" : String(v);
  });
}

/** RFC 4180 CSV with a header line and CRLF line ends. */
export function factsToCsv(rows: readonly FactRow[]): string {
  const lines = [FACT_COLUMNS.join(","), ...rows.map((r) => factCells(r).map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

/** A JSON array of the rows. */
export function factsToJson(rows: readonly FactRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
