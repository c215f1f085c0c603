/**
 * The indicator and unit schemes: data/indicators.json and data/units.json loaded as typed
 * records (scheme-records.ts, checked by scheme-parse.ts) for the extractor, and written as
 * SKOS concept schemes (for the graph and ontology/*.ttl).
 *
 * The quad builders are pure; only `loadIndicators` / `loadUnits` read files, once each.
 */
import type * as RDF from "@rdfjs/types";
import { dataJson, dataUrl } from "../data/load.js";
import { type Iris, iris as makeIris } from "./iri.js";
import { DataFactory } from "./n3-parts.js";
import { parseIndicators, parseUnits } from "./scheme-parse.js";
import {
  type IndicatorRecord,
  LABEL_LANGUAGES,
  type Labels,
  sdgIndicatorIri,
  type UnitRecord,
} from "./scheme-records.js";
import { DCTERMS, RDF as RDFV, SKOS, WD, XSD } from "./vocab.js";

const { namedNode, literal, quad, defaultGraph } = DataFactory;

// ---------------------------------------------------------------- loading

/** Location of data/indicators.json in the package. */
export const INDICATORS_FILE = dataUrl("indicators.json");
/** Location of data/units.json in the package. */
export const UNITS_FILE = dataUrl("units.json");

let unitsCache: readonly UnitRecord[] | undefined;
let indicatorsCache: readonly IndicatorRecord[] | undefined;

/** The unit scheme of data/units.json, read and validated once. */
export function loadUnits(): readonly UnitRecord[] {
  unitsCache ??= Object.freeze(parseUnits(dataJson("units.json"), UNITS_FILE.pathname));
  return unitsCache;
}

/** The indicator scheme of data/indicators.json, read and validated once (units checked too). */
export function loadIndicators(): readonly IndicatorRecord[] {
  indicatorsCache ??= Object.freeze(
    parseIndicators(dataJson("indicators.json"), new Set(loadUnits().map((u) => u.code)), INDICATORS_FILE.pathname),
  );
  return indicatorsCache;
}

// ---------------------------------------------------------------- RDF

/** Options of the scheme builders. */
export interface SchemeOptions {
  /** IRIs to mint under (default: the default base). */
  readonly iris?: Iris;
  /** Graph to put the quads in (default: the default graph; the builder uses `iris.referenceGraph`). */
  readonly graph?: string;
}

/** Shared with the program scheme (program-scheme.ts). */
export function writer(options: SchemeOptions) {
  const g = options.graph === undefined ? defaultGraph() : namedNode(options.graph);
  const quads: RDF.Quad[] = [];
  const add = (s: string, p: string, o: string | RDF.Literal) => {
    quads.push(quad(namedNode(s), namedNode(p), typeof o === "string" ? namedNode(o) : o, g));
  };
  return { quads, add };
}

/** Shared with the program scheme (program-scheme.ts). */
export function addLabels(add: (s: string, p: string, o: RDF.Literal) => void, s: string, l: Labels): void {
  for (const tag of LABEL_LANGUAGES) add(s, SKOS.prefLabel, literal(l[tag], tag));
}

/** The indicator scheme as SKOS: one `skos:ConceptScheme`, each indicator a `skos:Concept` and `kg:Indicator`. */
export function indicatorSchemeQuads(indicators: readonly IndicatorRecord[], options: SchemeOptions = {}): RDF.Quad[] {
  const ir = options.iris ?? makeIris();
  const kg = ir.kg;
  const { quads, add } = writer(options);
  const scheme = ir.indicatorScheme;
  add(scheme, RDFV.type, SKOS.ConceptScheme);
  add(scheme, SKOS.prefLabel, literal("扶贫报道指标体系", "zh-Hans"));
  add(scheme, SKOS.prefLabel, literal("扶貧報道指標體系", "zh-Hant"));
  add(scheme, SKOS.prefLabel, literal("Indicators of poverty-alleviation reports", "en"));
  add(scheme, DCTERMS.source, literal("data/indicators.json"));
  for (const r of indicators) {
    const s = ir.indicator(r.id);
    add(s, RDFV.type, SKOS.Concept);
    add(s, RDFV.type, ir.kg.Indicator);
    add(s, SKOS.inScheme, scheme);
    add(s, SKOS.notation, literal(r.id));
    if (r.category !== undefined) add(s, SKOS.notation, literal(r.category));
    addLabels(add, s, r.prefLabel);
    add(s, SKOS.definition, literal(r.definition.en, "en"));
    add(s, kg.expectedUnit, ir.unit(r.unit));
    add(s, kg.cumulative, literal(String(r.cumulative), namedNode(XSD.boolean)));
    // Cues are search keys, not names: skos:hiddenLabel (disjoint from prefLabel, so a cue equal to
    // it is skipped). Co-occurrence cues ("A+B") are matching rules, not labels: left out.
    for (const cue of r.cues)
      if (cue !== r.prefLabel["zh-Hans"] && !cue.includes("+")) add(s, SKOS.hiddenLabel, literal(cue, "zh-Hans"));
    if (r.broader === undefined) {
      add(s, SKOS.topConceptOf, scheme);
      add(scheme, SKOS.hasTopConcept, s);
    } else {
      add(s, SKOS.broader, ir.indicator(r.broader));
      add(ir.indicator(r.broader), SKOS.narrower, s);
    }
    if (r.sdg !== undefined) add(s, SKOS.closeMatch, sdgIndicatorIri(r.sdg));
    if (r.program !== undefined) add(s, ir.kg.impliesProgram, ir.program(r.program));
  }
  return quads;
}

/** The unit scheme as SKOS: one `skos:ConceptScheme`, each unit a `skos:Concept` and `kg:Unit`. */
export function unitSchemeQuads(units: readonly UnitRecord[], options: SchemeOptions = {}): RDF.Quad[] {
  const ir = options.iris ?? makeIris();
  const { quads, add } = writer(options);
  const scheme = ir.unitScheme;
  add(scheme, RDFV.type, SKOS.ConceptScheme);
  add(scheme, SKOS.prefLabel, literal("计量单位", "zh-Hans"));
  add(scheme, SKOS.prefLabel, literal("計量單位", "zh-Hant"));
  add(scheme, SKOS.prefLabel, literal("Units of measure", "en"));
  add(scheme, DCTERMS.source, literal("data/units.json"));
  for (const u of units) {
    const s = ir.unit(u.code);
    add(s, RDFV.type, SKOS.Concept);
    add(s, RDFV.type, ir.kg.Unit);
    add(s, SKOS.inScheme, scheme);
    add(s, SKOS.notation, literal(u.code));
    addLabels(add, s, u.prefLabel);
    if (u.broader === undefined) {
      add(s, SKOS.topConceptOf, scheme);
      add(scheme, SKOS.hasTopConcept, s);
    } else {
      add(s, SKOS.broader, ir.unit(u.broader));
      add(ir.unit(u.broader), SKOS.narrower, s);
    }
    if (u.qudt !== undefined) add(s, SKOS.exactMatch, u.qudt);
    if (u.wikidata !== undefined) add(s, SKOS.exactMatch, WD.$ + u.wikidata);
  }
  return quads;
}
