/**
 * Plausibility checks: facts that are well-formed but probably misread or contradicted. They
 * are warnings (never a failed validation), each with the source span of the observation.
 *
 * Comparisons between observations only use results (never targets), values that are levels
 * (no kg:direction), the same unit and the same kind of period.
 */
import type { Iris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import type { IndicatorRecord, UnitRecord } from "../rdf/scheme-records.js";
import { loadIndicators, loadUnits } from "../rdf/schemes.js";
import type { KgStore, Row } from "../store/index.js";
import type { Finding, SourceSpan } from "./findings.js";
import { type SpanIndex, termKey } from "./spans.js";

/** The checks, by constraint id, with their titles. */
export const PLAUSIBILITY_CHECKS = {
  "plausibility:share-above-100": "Share above 100 %",
  "plausibility:non-whole-count": "Count that is not a whole number",
  "plausibility:unit-mismatch": "Unit that does not fit the indicator",
  "plausibility:cumulative-decrease": "Cumulative indicator that decreases over time",
  "plausibility:county-above-prefecture": "County value above its prefecture's value",
  "plausibility:conflicting-values": "Conflicting values for the same place, indicator and period",
} as const;
type CheckId = keyof typeof PLAUSIBILITY_CHECKS;

/** One observation as the checks see it. */
export interface Fact {
  readonly node: string;
  readonly indicator: string;
  readonly value: number;
  readonly lexical: string;
  readonly unit: string;
  readonly kind: "result" | "target" | "";
  readonly direction: string;
  readonly place: string;
  readonly level: string;
  readonly parent: string;
  readonly parentLevel: string;
  readonly period: string;
  readonly start?: number;
  readonly end?: number;
}

const FACTS = `SELECT ?obs ?indicator ?value ?unit ?kind ?direction ?place ?level ?parent ?parentLevel ?period ?start ?end WHERE {
  ?obs a qb:Observation ; kg:indicator ?indicator ; sdmx-measure:obsValue ?value .
  OPTIONAL { ?obs sdmx-attribute:unitMeasure ?unit }
  OPTIONAL { ?obs kg:observationKind ?kind }
  OPTIONAL { ?obs kg:direction ?direction }
  OPTIONAL {
    ?obs sdmx-dimension:refArea ?place .
    OPTIONAL { ?place kg:level ?level }
    OPTIONAL { ?place schema:containedInPlace ?parent OPTIONAL { ?parent kg:level ?parentLevel } }
  }
  OPTIONAL {
    ?obs sdmx-dimension:refPeriod ?period .
    OPTIONAL { ?period time:hasBeginning/time:inXSDgYear ?start }
    OPTIONAL { ?period time:hasEnd/time:inXSDgYear ?end }
  }
}`;

/** Reads every observation of the store as a `Fact`. */
export function readFacts(store: KgStore, iris: Iris): Fact[] {
  const result = store.query(FACTS, { prefixes: prefixesFor(iris) });
  if (result.kind !== "bindings") return [];
  const v = (row: Row, name: string) => termKey(row.get(name));
  const year = (row: Row, name: string) => {
    const t = row.get(name);
    return t === undefined ? {} : { [name]: Number.parseInt(t.value, 10) };
  };
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const row of result.rows) {
    const node = v(row, "obs");
    if (seen.has(node)) continue; // an observation with two values is a SHACL violation already
    seen.add(node);
    const kind = v(row, "kind");
    out.push({
      node,
      indicator: strip(v(row, "indicator"), iris.indicator("")),
      lexical: v(row, "value"),
      value: Number(v(row, "value")),
      unit: strip(v(row, "unit"), iris.unit("")),
      kind: kind === iris.kg.Result ? "result" : kind === iris.kg.Target ? "target" : "",
      direction: v(row, "direction"),
      place: v(row, "place"),
      level: v(row, "level"),
      parent: v(row, "parent"),
      parentLevel: v(row, "parentLevel"),
      period: v(row, "period"),
      ...year(row, "start"),
      ...year(row, "end"),
    });
  }
  return out;
}

const strip = (iri: string, prefix: string) =>
  iri.startsWith(prefix) ? decodeURIComponent(iri.slice(prefix.length)) : iri;

/** The reference data the checks use: the indicator and unit schemes of data/. */
export interface Schemes {
  readonly indicators: ReadonlyMap<string, IndicatorRecord>;
  readonly units: ReadonlyMap<string, UnitRecord>;
}

/** The schemes of data/indicators.json and data/units.json. */
export function loadSchemes(): Schemes {
  return {
    indicators: new Map(loadIndicators().map((i) => [i.id, i])),
    units: new Map(loadUnits().map((u) => [u.code, u])),
  };
}

/** Runs every plausibility check over the facts. */
export function checkPlausibility(facts: readonly Fact[], schemes: Schemes, spans: SpanIndex): Finding[] {
  const out: Finding[] = [];
  const warn = (check: CheckId, f: Fact, message: string, related: readonly Fact[] = []) => {
    const source = spans.get(f.node);
    out.push({
      severity: "warning",
      constraint: check,
      title: PLAUSIBILITY_CHECKS[check],
      node: f.node,
      message,
      value: f.lexical,
      ...(source === undefined ? {} : { source }),
      ...(related.length === 0
        ? {}
        : {
            related: related.map((r) => {
              const s: SourceSpan | undefined = spans.get(r.node);
              return { node: r.node, value: r.lexical, ...(s === undefined ? {} : { source: s }) };
            }),
          }),
    });
  };
  const isCount = (unit: string) => schemes.units.get(unit)?.isCount === true;
  const unitFits = (f: Fact, expected: string) => {
    if (f.unit === expected) return true;
    const u = schemes.units.get(f.unit);
    if (u?.broader === expected) return true; // a specific count (HEAD) where COUNT is expected
    // A change of a rate in percentage points (poverty incidence fell by 5.95 points).
    return f.direction !== "" && expected === "PERCENT" && f.unit === "PERCENTAGE_POINT";
  };

  for (const f of facts) {
    const indicator = schemes.indicators.get(f.indicator);
    if (f.unit === "PERCENT" && f.value > 100 && f.direction === "" && !f.indicator.endsWith("-growth"))
      warn("plausibility:share-above-100", f, `a share of ${f.lexical} % is above 100 %.`);
    if (isCount(f.unit) && !Number.isInteger(f.value))
      warn("plausibility:non-whole-count", f, `${f.lexical} ${f.unit} is not a whole number of things counted.`);
    if (indicator !== undefined && !unitFits(f, indicator.unit))
      warn(
        "plausibility:unit-mismatch",
        f,
        `the unit ${f.unit} does not fit the indicator ${f.indicator}, which is given in ${indicator.unit}.`,
      );
  }

  // Levels only: results without a direction, with a place and a period.
  const levels = facts.filter((f) => f.kind === "result" && f.direction === "" && f.place !== "" && f.period !== "");
  const groupBy = (key: (f: Fact) => string) => {
    const groups = new Map<string, Fact[]>();
    for (const f of levels) {
      const k = key(f);
      const g = groups.get(k);
      if (g) g.push(f);
      else groups.set(k, [f]);
    }
    return groups;
  };

  for (const group of groupBy((f) => [f.place, f.indicator, f.period, f.unit].join(" ")).values()) {
    const values = new Set(group.map((f) => f.value));
    if (values.size < 2) continue;
    const [first, ...rest] = group;
    if (first === undefined) continue;
    warn(
      "plausibility:conflicting-values",
      first,
      `${group.length} observations give ${[...values].join(", ")} for the same place, indicator and period; all are kept, each with its source.`,
      rest,
    );
  }

  for (const group of groupBy((f) => [f.place, f.indicator, f.unit, f.start ?? ""].join(" ")).values()) {
    if (schemes.indicators.get(group[0]?.indicator ?? "")?.cumulative !== true) continue;
    const dated = group.filter((f) => f.end !== undefined).sort((a, b) => (a.end ?? 0) - (b.end ?? 0));
    for (let i = 1; i < dated.length; i++) {
      const later = dated[i];
      const earlier = dated.slice(0, i).find((e) => (e.end ?? 0) < (later?.end ?? 0) && e.value > (later?.value ?? 0));
      if (later === undefined || earlier === undefined) continue;
      warn(
        "plausibility:cumulative-decrease",
        later,
        `the cumulative indicator ${later.indicator} is ${later.lexical} by ${later.end}, below ${earlier.lexical} by ${earlier.end}.`,
        [earlier],
      );
    }
  }

  const additive = (f: Fact) => isCount(f.unit) || schemes.indicators.get(f.indicator)?.cumulative === true;
  const byPlace = groupBy((f) => [f.place, f.indicator, f.period, f.unit].join(" "));
  for (const f of levels) {
    if (f.level.endsWith("County") === false || f.parentLevel.endsWith("Prefecture") === false || !additive(f))
      continue;
    const prefecture = byPlace.get([f.parent, f.indicator, f.period, f.unit].join(" ")) ?? [];
    const smaller = prefecture.find((p) => p.value < f.value);
    if (smaller !== undefined)
      warn(
        "plausibility:county-above-prefecture",
        f,
        `the county's ${f.indicator} (${f.lexical}) is above its prefecture's (${smaller.lexical}) for the same period.`,
        [smaller],
      );
  }
  return out;
}
