/** `article-kg validate [--store DIR | FILE]`: SHACL shapes, Data Cube integrity constraints and plausibility warnings. */

import { formatReport, REPORT_FORMATS } from "../../validate/format.js";
import { validate } from "../../validate/index.js";
import { openInput } from "../../validate/load.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";

export const summary = "check the graph against the shapes, the Data Cube constraints and plausibility";

export const help = `Usage: article-kg validate [--store DIR | FILE] [options]

Checks a store (default ${DEFAULT_STORE}) or an RDF file (.ttl, .trig, .nq, .nt, .rdf) against
  - the SHACL shapes of the graph contract (ontology/shapes.ttl), run by a SHACL engine;
  - the W3C RDF Data Cube integrity constraints IC-1 … IC-21, after the normalisation of the
    Recommendation (section 10.2), run on a copy: the store is never changed;
  - plausibility checks (warnings): shares above 100 %, counts that are not whole, units that
    do not fit the indicator, cumulative indicators that decrease, county values above their
    prefecture's, conflicting values for the same place, indicator and period.
Each finding names the constraint, the offending node and, for observations, the source span
(article, code point offsets, quote).

Exit status: 1 when anything is violated, 0 otherwise (warnings never change it).

Options:
  --store DIR|URL    store directory (default ${DEFAULT_STORE}) or sparql+http://… server to validate
  --format FORMAT    text (default) or json
  --base IRI         base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help         show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
  });
  const format = choice("format", values.format, REPORT_FORMATS, "text");
  if (positionals.length > 1) throw new CLIError("validate expects at most one FILE.");
  if (positionals.length === 1 && values.store !== undefined)
    throw new CLIError("give either --store DIR or a FILE, not both.");
  const store = await openInput(positionals[0] ?? values.store ?? DEFAULT_STORE);
  const report = await validate(store, irisOf(values.base));
  await out(formatReport(report, format));
  return report.conforms ? 0 : 1;
}
