/** Periods as reference resources: `time:Interval`s with their beginning and end. */
import type * as RDF from "@rdfjs/types";
import type { Period } from "../types.js";
import type { Iris } from "./iri.js";
import { GraphWriter, gYear, str } from "./terms.js";
import { RDFS, RDF as RDFV, TIME } from "./vocab.js";

// ---------------------------------------------------------------- periods

/** Whether a period gives any year at all (else it has no refPeriod). */
export const hasYears = (p: Period): boolean => p.start !== undefined || p.end !== undefined;

/** Label of a period from its years: "2019", "2016–2020", "2016–", "–2020". */
export function periodLabel(p: Period): string {
  if (p.start !== undefined && p.start === p.end) return String(p.start);
  return `${p.start ?? ""}–${p.end ?? ""}`;
}

/** A `time:Interval` whose beginning and end are instants `<period>#beginning` / `#end`. */
export function periodQuads(p: Period, iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.period(p.start, p.end);
  g.add(s, RDFV.type, TIME.Interval)
    .add(s, RDFV.type, iris.kg.Period)
    .add(s, RDFS.label, str(periodLabel(p)));
  for (const [prop, year, frag] of [
    [TIME.hasBeginning, p.start, "beginning"],
    [TIME.hasEnd, p.end, "end"],
  ] as const) {
    if (year === undefined) continue;
    const instant = `${s}#${frag}`;
    g.add(s, prop, instant).add(instant, RDFV.type, TIME.Instant).add(instant, TIME.inXSDgYear, gYear(year));
  }
  return g.quads;
}
