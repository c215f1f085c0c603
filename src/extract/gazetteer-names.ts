/**
 * Short-name rules of the gazetteer: the forms a division is written under besides its
 * official name (汉中市 → 汉中, 凉山彝族自治州 → 凉山州 and 凉山, 六枝特区 → 六枝).
 * Pure functions; the gazetteer applies the stop list and collision rules on top.
 */
import { placeNamesData } from "../data/load.js";
import type { PlaceLevel } from "../types.js";

/**
 * Ethnic-group names as they occur inside autonomous-division names, longest first so that
 * 土家 is tried before 土 (data/place-names.json).
 */
const ETHNIC: readonly string[] = placeNamesData().ethnicGroups;

/** Whether `s` is an ethnic-group name (with or without 族), e.g. 东乡族, 鄂伦春. */
export function isEthnicName(s: string): boolean {
  const bare = s.endsWith("族") ? s.slice(0, -1) : s;
  return ETHNIC.includes(bare);
}

/**
 * Strips trailing ethnic-group names from the stem of an autonomous division
 * (湘西土家族苗族 → 湘西, 克孜勒苏柯尔克孜 → 克孜勒苏). A name without 族 is stripped only when
 * it has two or more characters (蒙古, 哈萨克), and nothing is stripped that would leave fewer
 * than two characters (内蒙古 stays). Returns the stem unchanged when nothing is left
 * (鄂伦春 of 鄂伦春自治旗).
 */
export function stripEthnic(stem: string): string {
  let s = stem;
  for (;;) {
    let next: string | undefined;
    for (const e of ETHNIC) {
      if (s.endsWith(`${e}族`)) next = s.slice(0, -(e.length + 1));
      else if (e.length >= 2 && s.endsWith(e)) next = s.slice(0, -e.length);
      if (next !== undefined) break;
    }
    if (next === undefined || [...next].length < 2) return s;
    s = next;
  }
}

/** Strips the first suffix of `suffixes` that `name` ends with; undefined when none does. */
function strip(name: string, suffixes: readonly string[]): { stem: string; suffix: string } | undefined {
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) return { stem: name.slice(0, -suffix.length), suffix };
  }
  return undefined;
}

/** Administrative suffixes by level, tried in order (data/place-names.json). */
const SUFFIXES = placeNamesData().suffixes;

/**
 * Short names of a division by rule, before the stop list: the stem without its
 * administrative suffix (and, for autonomous divisions, without the ethnic names), plus
 * stem + 州/县/旗 for autonomous prefectures, counties and banners (凉山州, 石柱县). A bare stem
 * needs two characters and is not produced when it is itself an ethnic name (东乡族自治县
 * gives 东乡县, not 东乡).
 */
export function shortNames(name: string, level: PlaceLevel): string[] {
  const hit = strip(name, SUFFIXES[level]);
  if (hit === undefined) return [];
  const autonomous = hit.suffix.startsWith("自治") ? hit.suffix : undefined;
  const stripped = autonomous ? stripEthnic(hit.stem) : hit.stem;
  // 鄂温克族自治旗 → 鄂温克旗: a stem that is only an ethnic name loses its 族.
  const stem = isEthnicName(stripped) && stripped.endsWith("族") ? stripped.slice(0, -1) : stripped;
  const out: string[] = [];
  if (autonomous === "自治州") out.push(`${stem}州`);
  else if (autonomous === "自治县") out.push(`${stem}县`);
  else if (autonomous === "自治旗") out.push(`${stem}旗`);
  if ([...stem].length >= 2 && !isEthnicName(stem)) out.push(stem);
  if (hit.suffix === "旗") out.push(...bannerAbbreviations(stem));
  return out.filter((s) => s !== name);
}

/**
 * The usual abbreviations of Inner Mongolia's banners, by rule from the stem (without 旗):
 * 科尔沁右翼前 → 科右前旗, 察哈尔右翼中 → 察右中旗 (first character + wing + position);
 * 土默特左 → 土左旗, 鄂托克前 → 鄂前旗, 杭锦后 → 杭后旗 (first character + position);
 * 东乌珠穆沁 → 东乌旗 (a long stem after 东/西: its first two characters).
 */
export function bannerAbbreviations(stem: string): string[] {
  const chars = [...stem];
  const wing = /^(.+?)([左右])翼([前中后])$/u.exec(stem);
  if (wing !== null) return [`${[...(wing[1] as string)][0]}${wing[2]}${wing[3]}旗`];
  const last = chars.at(-1) ?? "";
  if (chars.length >= 3 && "左右前中后".includes(last)) return [`${chars[0]}${last}旗`];
  if (chars.length >= 4 && (chars[0] === "东" || chars[0] === "西")) return [`${chars[0]}${chars[1]}旗`];
  return [];
}
