/**
 * The indicator and unit schemes: data/indicators.json and data/units.json as typed records
 * (for the extractor) and as SKOS concept schemes (for the graph and ontology/*.ttl).
 *
 * The quad builders are pure; only `loadIndicators` / `loadUnits` read files, once each.
 */
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import { dataJson, dataUrl } from "../data/load.js";
import { KgError } from "../errors.js";
import type { UnitCode } from "../types.js";
import { type Iris, iris as makeIris } from "./iri.js";
import { DCTERMS, QUDT, RDF as RDFV, SKOS, UN_SDG, WD, XSD } from "./vocab.js";

const { namedNode, literal, quad, defaultGraph } = DataFactory;

/** A label in the three languages every concept carries. */
export interface Labels {
  readonly en: string;
  readonly "zh-Hans": string;
  readonly "zh-Hant": string;
}

/** The language tags of `Labels`, in output order. */
export const LABEL_LANGUAGES = ["zh-Hans", "zh-Hant", "en"] as const satisfies readonly (keyof Labels)[];

/** The 15 core indicator kinds of the evaluation corpus (/work/shared/corpus/README.md). */
export const GOLD_CATEGORIES = [
  "POVERTY_EXIT_PERSONS",
  "POVERTY_EXIT_HOUSEHOLDS",
  "POOR_POPULATION",
  "POOR_HOUSEHOLDS",
  "POVERTY_INCIDENCE",
  "VILLAGES_EXITED",
  "POOR_VILLAGES",
  "COUNTIES_DELISTED",
  "INCOME_PER_CAPITA",
  "INCOME_GROWTH",
  "RELOCATED_PERSONS",
  "RELOCATED_HOUSEHOLDS",
  "HOUSING_RENOVATED",
  "ROAD_KM",
  "FUNDS_INVESTED",
] as const;
export type GoldCategory = (typeof GOLD_CATEGORIES)[number];

/** One concept of the indicator scheme (an entry of data/indicators.json). */
export interface IndicatorRecord {
  /** Stable kebab-case id; the concept IRI is `iris.indicator(id)`. */
  readonly id: string;
  readonly prefLabel: Labels;
  readonly definition: { readonly en: string };
  /** Id of a broader indicator of the scheme. */
  readonly broader?: string;
  /** Base unit code the value is expected in. */
  readonly unit: UnitCode;
  /** Whether the value only grows over time for a place (cumulative totals). */
  readonly cumulative: boolean;
  /** A stock (how many poor villages there are) rather than an event (how many exited). */
  readonly stock?: boolean;
  /** The gold category when the indicator IS that kind. */
  readonly category?: GoldCategory;
  /** UN SDG indicator code ("1.2.1") of a close match. */
  readonly sdg?: string;
  /** Id of the program (data/programs.json) that governs every fact of this indicator. */
  readonly program?: string;
  /**
   * Simplified-Chinese keywords that signal this indicator in a clause. A cue "A+B" matches
   * when every part occurs in the clause (in any order, not necessarily adjacent).
   */
  readonly cues: readonly string[];
}

/** A written form of a unit and the factor that scales a written number to the unit ("亿元" → 1e8). */
export interface UnitForm {
  /** Simplified-Chinese (or ASCII) form as written after a number. */
  readonly form: string;
  /** Exact decimal multiplier to the unit. */
  readonly factor: string;
  /** Only after a Chinese numeral (七成 = 70 %, but "3成" is not written). */
  readonly chineseNumeralOnly?: boolean;
}

/** One concept of the unit scheme (an entry of data/units.json). */
export interface UnitRecord {
  /** The code: skos:notation, and the IRI `iris.unit(code)`. */
  readonly code: UnitCode;
  readonly prefLabel: Labels;
  /** Code of a broader unit (a specific count unit has `COUNT`). */
  readonly broader?: string;
  /** Whether values are counts of things (else a measure: money, length, area, rate). */
  readonly isCount: boolean;
  /** QUDT unit IRI (skos:exactMatch). */
  readonly qudt?: string;
  /** Wikidata item id, "Q11229" (skos:exactMatch). */
  readonly wikidata?: string;
  readonly forms: readonly UnitForm[];
}

/**
 * IRI of a UN SDG indicator in the UN SDG KOS: indicator 1.2.1 is `http://metadata.un.org/sdg/C010201`
 * ("C" + goal, target, indicator as two digits each). Targets with letters (1.a) are not supported.
 */
export function sdgIndicatorIri(code: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/u.exec(code);
  if (!m) throw new KgError("E_VALIDATION", `SDG indicator code "${code}" is not of the form 1.2.1.`);
  const two = (s: string | undefined) => (s ?? "").padStart(2, "0");
  return `${UN_SDG.$}C${two(m[1])}${two(m[2])}${two(m[3])}`;
}

// ---------------------------------------------------------------- validation

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const CODE = /^[A-Z][A-Z0-9_]*$/u;
const DECIMAL = /^\d+(?:\.\d+)?$/u;
const QID = /^Q\d+$/u;

export type Json = Record<string, unknown>;

/** Shared with the program scheme (program-scheme.ts). */
export function fail(file: string, message: string): never {
  throw new KgError("E_VALIDATION", `${file}: ${message}`, { context: { file } });
}

/** Shared with the program scheme (program-scheme.ts). */
export function obj(v: unknown, file: string, where: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(file, `${where} must be an object.`);
  return v as Json;
}

/** Shared with the program scheme (program-scheme.ts). */
export function text(v: unknown, file: string, where: string): string {
  if (typeof v !== "string" || v.trim() === "") fail(file, `${where} must be a non-empty string.`);
  return v;
}

/** Shared with the program scheme (program-scheme.ts). */
export function optText(v: unknown, file: string, where: string): string | undefined {
  return v === undefined ? undefined : text(v, file, where);
}

/** Shared with the program scheme (program-scheme.ts). */
export function labels(v: unknown, file: string, where: string): Labels {
  const o = obj(v, file, where);
  return {
    en: text(o.en, file, `${where}.en`),
    "zh-Hans": text(o["zh-Hans"], file, `${where}.zh-Hans`),
    "zh-Hant": text(o["zh-Hant"], file, `${where}.zh-Hant`),
  };
}

/** Shared with the program scheme (program-scheme.ts). */
export function list(v: unknown, file: string, where: string): unknown[] {
  if (!Array.isArray(v)) fail(file, `${where} must be an array.`);
  return v;
}

/** Checks that ids are unique and every `broader` names an entry; returns the entries. */
/** Shared with the program scheme (program-scheme.ts). */
export function checkTree<T extends { readonly broader?: string }>(
  items: T[],
  key: (t: T) => string,
  file: string,
): T[] {
  const ids = new Set<string>();
  for (const t of items) {
    if (ids.has(key(t))) fail(file, `"${key(t)}" is declared twice; ids must be unique.`);
    ids.add(key(t));
  }
  for (const t of items)
    if (t.broader !== undefined && !ids.has(t.broader))
      fail(file, `"${key(t)}" has broader "${t.broader}", which is not declared.`);
  return items;
}

/** Validates the parsed content of data/indicators.json; `units` are the known unit codes. */
export function parseIndicators(
  json: unknown,
  units: ReadonlySet<string>,
  file = "data/indicators.json",
): IndicatorRecord[] {
  const root = obj(json, file, "the file");
  const out = list(root.indicators, file, "indicators").map((raw, i): IndicatorRecord => {
    const o = obj(raw, file, `indicators[${i}]`);
    const id = text(o.id, file, `indicators[${i}].id`);
    const w = `indicator "${id}"`;
    if (!ID.test(id)) fail(file, `${w}: the id must be kebab-case ASCII (it is part of IRIs).`);
    const unit = text(o.unit, file, `${w}.unit`);
    if (!units.has(unit)) fail(file, `${w}: unit "${unit}" is not a code of data/units.json.`);
    if (typeof o.cumulative !== "boolean") fail(file, `${w}: cumulative must be true or false.`);
    const category = optText(o.category, file, `${w}.category`);
    if (category !== undefined && !(GOLD_CATEGORIES as readonly string[]).includes(category))
      fail(file, `${w}: category "${category}" is not one of ${GOLD_CATEGORIES.join(", ")}.`);
    const sdg = optText(o.sdg, file, `${w}.sdg`);
    if (sdg !== undefined) sdgIndicatorIri(sdg);
    const cues = list(o.cues, file, `${w}.cues`).map((c, j) => text(c, file, `${w}.cues[${j}]`));
    const broader = optText(o.broader, file, `${w}.broader`);
    const program = optText(o.program, file, `${w}.program`);
    if (program !== undefined && !ID.test(program)) fail(file, `${w}: program "${program}" is not a program id.`);
    return {
      id,
      prefLabel: labels(o.prefLabel, file, `${w}.prefLabel`),
      definition: { en: text(obj(o.definition, file, `${w}.definition`).en, file, `${w}.definition.en`) },
      ...(broader === undefined ? {} : { broader }),
      unit,
      cumulative: o.cumulative,
      ...(o.stock === true ? { stock: true } : {}),
      ...(category === undefined ? {} : { category: category as GoldCategory }),
      ...(sdg === undefined ? {} : { sdg }),
      ...(program === undefined ? {} : { program }),
      cues,
    };
  });
  const seen = new Map<string, string>();
  for (const r of out) {
    if (r.category === undefined) continue;
    const other = seen.get(r.category);
    if (other !== undefined)
      fail(file, `category ${r.category} is on both "${other}" and "${r.id}"; one kind, one indicator.`);
    seen.set(r.category, r.id);
  }
  return checkTree(out, (r) => r.id, file);
}

/** Validates the parsed content of data/units.json. */
export function parseUnits(json: unknown, file = "data/units.json"): UnitRecord[] {
  const root = obj(json, file, "the file");
  const out = list(root.units, file, "units").map((raw, i): UnitRecord => {
    const o = obj(raw, file, `units[${i}]`);
    const code = text(o.code, file, `units[${i}].code`);
    const w = `unit "${code}"`;
    if (!CODE.test(code)) fail(file, `${w}: the code must be UPPER_SNAKE_CASE.`);
    if (typeof o.isCount !== "boolean") fail(file, `${w}: isCount must be true or false.`);
    const qudt = optText(o.qudt, file, `${w}.qudt`);
    if (qudt !== undefined && !qudt.startsWith(QUDT.$)) fail(file, `${w}: qudt must be a QUDT IRI.`);
    const wikidata = optText(o.wikidata, file, `${w}.wikidata`);
    if (wikidata !== undefined && !QID.test(wikidata)) fail(file, `${w}: wikidata must be an item id like Q11229.`);
    const broader = optText(o.broader, file, `${w}.broader`);
    const forms = list(o.forms ?? [], file, `${w}.forms`).map((f, j): UnitForm => {
      const fo = obj(f, file, `${w}.forms[${j}]`);
      const factor = text(fo.factor, file, `${w}.forms[${j}].factor`);
      if (!DECIMAL.test(factor)) fail(file, `${w}.forms[${j}]: factor "${factor}" is not a decimal.`);
      return {
        form: text(fo.form, file, `${w}.forms[${j}].form`),
        factor,
        ...(fo.chineseNumeralOnly === true ? { chineseNumeralOnly: true } : {}),
      };
    });
    return {
      code,
      prefLabel: labels(o.prefLabel, file, `${w}.prefLabel`),
      ...(broader === undefined ? {} : { broader }),
      isCount: o.isCount,
      ...(qudt === undefined ? {} : { qudt }),
      ...(wikidata === undefined ? {} : { wikidata }),
      forms,
    };
  });
  for (const u of out)
    if (u.broader === "COUNT" && !u.isCount)
      fail(file, `unit "${u.code}": a unit narrower than COUNT must be a count.`);
  return checkTree(out, (u) => u.code, file);
}

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
