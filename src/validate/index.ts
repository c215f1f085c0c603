/**
 * `validate`: checks a graph against the SHACL shapes of the graph contract and the 21 W3C
 * Data Cube integrity constraints (violations), and runs the plausibility checks (warnings).
 * The store given is only read: the integrity constraints run on a normalised copy.
 */
import type * as RDF from "@rdfjs/types";
import type { Iris } from "../rdf/iri.js";
import type { KgStore } from "../store/index.js";
import type { Finding, ValidationReport } from "./findings.js";
import { checkIntegrity, INTEGRITY_CONSTRAINTS, normalisedCopy } from "./integrity.js";
import { checkPlausibility, loadSchemes, PLAUSIBILITY_CHECKS, readFacts } from "./plausibility.js";
import { checkShapes, loadShapes } from "./shacl.js";
import { SpanIndex } from "./spans.js";

export type { Checked, Finding, SourceSpan, ValidationReport } from "./findings.js";
export { INTEGRITY_CONSTRAINTS } from "./integrity.js";
export { openInput } from "./load.js";
export { PLAUSIBILITY_CHECKS } from "./plausibility.js";

/** Every quad of the store, all graphs. */
function* allQuads(store: KgStore): Generator<RDF.Quad> {
  yield* store.quadsOf(null);
  for (const g of store.graphs()) if (!g.startsWith("_:")) yield* store.quadsOf(g);
}

/** Validates a store; the result lists violations and warnings, each with its source span where there is one. */
export async function validate(store: KgStore, iris: Iris): Promise<ValidationReport> {
  const quads = [...allQuads(store)];
  const spans = new SpanIndex(store);
  const withSource = (f: Finding): Finding => {
    if (f.source !== undefined) return f;
    const source = spans.get(f.node);
    return source === undefined ? f : { ...f, source };
  };

  const shapes = loadShapes(iris.base);
  const shaclFindings = await checkShapes(quads, shapes);
  const integrity = checkIntegrity(normalisedCopy(quads));
  const facts = readFacts(store, iris);
  const warnings = checkPlausibility(facts, loadSchemes(), spans);

  const all = [...shaclFindings, ...integrity].map(withSource);
  const violations = all.filter((f) => f.severity === "violation");
  return {
    conforms: violations.length === 0,
    checked: {
      shapes: shapes.nodeShapes,
      propertyShapes: shapes.propertyShapes,
      integrityConstraints: INTEGRITY_CONSTRAINTS.length,
      plausibilityChecks: Object.keys(PLAUSIBILITY_CHECKS).length,
      quads: quads.length,
      observations: facts.length,
    },
    violations,
    warnings: [...all.filter((f) => f.severity === "warning"), ...warnings],
  };
}
