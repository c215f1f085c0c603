/** The validation report as text (one finding per paragraph) or JSON. */
import type { Finding, SourceSpan, ValidationReport } from "./findings.js";

/** Output formats of `article-kg validate`. */
export const REPORT_FORMATS = ["text", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const span = (s: SourceSpan) => `${s.article} [${s.start}, ${s.end}) “${s.exact}”`;

function findingText(f: Finding): string {
  const lines = [`${f.severity} ${f.constraint} (${f.title})`, `  node: ${f.node}`];
  if (f.path !== undefined) lines.push(`  path: ${f.path}`);
  if (f.value !== undefined) lines.push(`  value: ${f.value}`);
  lines.push(`  ${f.message}`);
  if (f.source !== undefined) lines.push(`  source: ${span(f.source)}`);
  for (const r of f.related ?? [])
    lines.push(
      `  also: ${r.node}${r.value === undefined ? "" : ` = ${r.value}`}${r.source ? ` at ${span(r.source)}` : ""}`,
    );
  return lines.join("\n");
}

/** A one-line summary of what was checked and found. */
export function summaryLine(r: ValidationReport): string {
  const c = r.checked;
  return (
    `${r.conforms ? "Valid" : "INVALID"}: ${c.quads} quads, ${c.observations} observations checked against ` +
    `${c.shapes} SHACL node shapes (${c.propertyShapes} property shapes), ${c.integrityConstraints} Data Cube ` +
    `integrity constraints and ${c.plausibilityChecks} plausibility checks: ` +
    `${r.violations.length} violation${r.violations.length === 1 ? "" : "s"}, ` +
    `${r.warnings.length} warning${r.warnings.length === 1 ? "" : "s"}.`
  );
}

/** The report in a format. */
export function formatReport(r: ValidationReport, format: ReportFormat): string {
  if (format === "json") return `${JSON.stringify(r, null, 2)}\n`;
  const parts = [...r.violations, ...r.warnings].map(findingText);
  return `${[...parts, summaryLine(r)].join("\n\n")}\n`;
}
