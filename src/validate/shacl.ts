/**
 * SHACL validation (ontology/shapes.ttl) with a real SHACL engine, shacl-engine, over the
 * union of all graphs. The shapes are written for the default base; another base rewrites them.
 */
import { readFileSync } from "node:fs";
import type * as RDF from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { FORMAT_INFO } from "../rdf/formats.js";
import { DEFAULT_BASE } from "../rdf/iri.js";
import { RDFS, RDF as RDFV, SH } from "../rdf/vocab.js";
import type { Finding } from "./findings.js";
import { termKey } from "./spans.js";

/** Location of the shapes in the package. */
export const SHAPES_FILE = new URL("../../ontology/shapes.ttl", import.meta.url);

/** The shapes, parsed, for a base IRI. */
export interface Shapes {
  readonly quads: readonly RDF.Quad[];
  /** Number of node shapes and of property shapes. */
  readonly nodeShapes: number;
  readonly propertyShapes: number;
}

/** Reads ontology/shapes.ttl, with the default base replaced by `base`. */
export function loadShapes(base: string = DEFAULT_BASE): Shapes {
  const text = readFileSync(SHAPES_FILE, "utf8");
  const quads = new Parser({ format: FORMAT_INFO.turtle.mediaType }).parse(
    base === DEFAULT_BASE ? text : text.replaceAll(DEFAULT_BASE, base),
  );
  const nodeShapes = quads.filter((q) => q.predicate.value === RDFV.type && q.object.value === SH.NodeShape).length;
  // A property shape is anything with an sh:path, except the members of an sh:or of paths.
  const propertyShapes = quads.filter((q) => q.predicate.value === SH.property).length;
  return { quads, nodeShapes, propertyShapes };
}

/** Runs the shapes over the quads (graph names are ignored: the union of all graphs). */
export async function checkShapes(quads: Iterable<RDF.Quad>, shapes: Shapes): Promise<Finding[]> {
  // loaded here, not at start-up: with its SPARQL parser the engine is most of `validate --help`'s start
  const [{ default: rdf }, { Validator }] = await Promise.all([import("rdf-ext"), import("shacl-engine")]);
  const data: RDF.DatasetCore = rdf.dataset();
  // Language tags are case-insensitive (BCP 47); the engine compares them as written.
  const object = (o: RDF.Quad["object"]) =>
    o.termType === "Literal" && o.language !== "" ? DataFactory.literal(o.value, o.language.toLowerCase()) : o;
  for (const q of quads) data.add(DataFactory.quad(q.subject, q.predicate, object(q.object)));
  const shapeSet: RDF.DatasetCore = rdf.dataset();
  for (const q of shapes.quads) shapeSet.add(q);
  const validator = new Validator(shapeSet, { factory: rdf });
  const report = await validator.validate({ dataset: data });
  if (report.conforms) return [];
  return resultsOf(report.dataset, shapes);
}

/** The sh:result entries of a validation report as findings. */
function resultsOf(report: RDF.DatasetCore, shapes: Shapes): Finding[] {
  const one = (s: RDF.Term, p: string): RDF.Term | undefined => {
    for (const q of report.match(s, DataFactory.namedNode(p))) return q.object;
    return undefined;
  };
  const shapeLabel = (shape: RDF.Term | undefined): string | undefined => {
    if (shape === undefined) return undefined;
    const label = shapes.quads.find(
      (q) => q.subject.equals(shape) && q.predicate.value === RDFS.label && q.object.termType === "Literal",
    );
    return label?.object.value;
  };
  // The node shape a property shape belongs to, for a readable title.
  const owner = (shape: RDF.Term | undefined): RDF.Term | undefined =>
    shape === undefined
      ? undefined
      : (shapes.quads.find((q) => q.predicate.value === SH.property && q.object.equals(shape))?.subject ?? shape);
  const out: Finding[] = [];
  for (const q of report.match(null, DataFactory.namedNode(SH.result))) {
    const r = q.object;
    const severity = one(r, SH.resultSeverity)?.value ?? SH.Violation;
    const component = one(r, SH.sourceConstraintComponent)?.value ?? "";
    const shape = owner(one(r, SH.sourceShape));
    const path = one(r, SH.resultPath);
    const value = one(r, SH.value);
    const messages = [...report.match(r, DataFactory.namedNode(SH.resultMessage))].map((m) => m.object.value);
    const shapeName = shape === undefined ? "shape" : (shapeLabel(shape) ?? termKey(shape).replace(/^.*[#/]/u, ""));
    out.push({
      severity: severity === SH.Violation ? "violation" : "warning",
      constraint: `sh:${component.replace(SH.$, "")}`,
      title: `SHACL ${shapeName}`,
      node: termKey(one(r, SH.focusNode)),
      message: messages[0] ?? `${component.replace(SH.$, "")} not satisfied.`,
      ...(path?.termType === "NamedNode" ? { path: path.value } : {}),
      ...(value === undefined ? {} : { value: value.value }),
    });
  }
  return out;
}
