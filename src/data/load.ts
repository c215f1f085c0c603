/**
 * The one reader of the data files (data/): each file is read and parsed once per process and
 * shared by every stage that needs it (the units and indicators were parsed three times, by
 * the lexicon, the indicator matcher and the schemes). The bottom of the pipeline: article,
 * extract and rdf all read their tables here. Callers must not mutate what they get.
 */
import { readFileSync } from "node:fs";
import { KgError } from "../errors.js";
import type {
  IndicatorsData,
  LexiconData,
  PlaceAbbreviationsData,
  PlaceAliasesData,
  PlaceContextData,
  PlaceNamesData,
  ProgramsData,
  UnitsData,
  VariantsData,
} from "./types.js";

/** The files of data/. */
export type DataFile =
  | "lexicon.json"
  | "units.json"
  | "indicators.json"
  | "programs.json"
  | "place-aliases.json"
  | "place-abbreviations.json"
  | "place-context.json"
  | "place-names.json"
  | "place-names-hant.json"
  | "variants.json"
  | "place-links.csv";

/** Location of a data file in the package. */
export const dataUrl = (file: DataFile): URL => new URL(`../../data/${file}`, import.meta.url);

const texts = new Map<DataFile, string>();
const parsed = new Map<DataFile, unknown>();

/** The text of a data file, read once. */
export function dataText(file: DataFile): string {
  let text = texts.get(file);
  if (text === undefined) {
    const url = dataUrl(file);
    try {
      text = readFileSync(url, "utf8");
    } catch (cause) {
      throw new KgError("E_VALIDATION", `${url.pathname}: cannot read the data file (${String(cause)}).`, {
        context: { file: url.pathname },
        cause,
      });
    }
    texts.set(file, text);
  }
  return text;
}

/** A JSON data file, parsed once, unchecked (the schemes validate it field by field). */
export function dataJson(file: DataFile): unknown {
  if (!parsed.has(file)) {
    const url = dataUrl(file);
    try {
      parsed.set(file, JSON.parse(dataText(file)));
    } catch (cause) {
      if (cause instanceof KgError) throw cause;
      throw new KgError("E_VALIDATION", `${url.pathname}: not valid JSON (${String(cause)}).`, {
        context: { file: url.pathname },
        cause,
      });
    }
  }
  return parsed.get(file);
}

// The typed views below trust the shape of the repository's own files; the schemes of
// src/rdf validate units, indicators and programs in full (test/schemes.test.ts).

/** data/lexicon.json. */
export const lexiconData = (): LexiconData => dataJson("lexicon.json") as LexiconData;
/** data/units.json. */
export const unitsData = (): UnitsData => dataJson("units.json") as UnitsData;
/** data/indicators.json. */
export const indicatorsData = (): IndicatorsData => dataJson("indicators.json") as IndicatorsData;
/** data/programs.json. */
export const programsData = (): ProgramsData => dataJson("programs.json") as ProgramsData;
/** data/place-aliases.json. */
export const placeAliasesData = (): PlaceAliasesData => dataJson("place-aliases.json") as PlaceAliasesData;
/** data/place-abbreviations.json. */
export const placeAbbreviationsData = (): PlaceAbbreviationsData =>
  dataJson("place-abbreviations.json") as PlaceAbbreviationsData;
/** data/place-context.json. */
export const placeContextData = (): PlaceContextData => dataJson("place-context.json") as PlaceContextData;
/** data/place-names.json. */
export const placeNamesData = (): PlaceNamesData => dataJson("place-names.json") as PlaceNamesData;
/** data/variants.json. */
export const variantsData = (): VariantsData => dataJson("variants.json") as VariantsData;
