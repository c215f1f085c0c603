/** Parsing and validating the scheme files: a mistake names the file and the entry. */
import { KgError } from "../errors.js";
import {
  GOLD_CATEGORIES,
  type GoldCategory,
  type IndicatorRecord,
  type Labels,
  sdgIndicatorIri,
  type UnitForm,
  type UnitRecord,
} from "./scheme-records.js";
import { QUDT } from "./vocab.js";

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
