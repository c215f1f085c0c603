/**
 * Which gazetteer matches are places of facts. A name can be found where it is not one: in the
 * name of a news outlet or a dateline (香港商报网讯, 新华社西宁1月5日电), of an organisation
 * (北京大学, 贵州茅台集团), of a mountain range, river or lake (吕梁山, 嘉陵江, 鄱阳湖), or a
 * short name can be two halves of two words (复杂多样 holds 杂多). The words are data
 * (data/place-context.json); positions are UTF-16 indices into the Simplified copy.
 */
import { placeContextData } from "../data/load.js";
import type { PlaceContextData } from "../data/types.js";
import type { PlaceRef } from "../types.js";
import type { Gazetteer, PlaceMatch } from "./gazetteer.js";
import { wordList } from "./words.js";

interface Compiled {
  readonly data: PlaceContextData;
  readonly outlet: RegExp;
  readonly boundary: ReadonlySet<string>;
  readonly gapStop: ReadonlySet<string>;
}

const memo: { compiled?: Compiled } = {};
function compiled(): Compiled {
  if (memo.compiled === undefined) {
    const data = placeContextData();
    memo.compiled = {
      data,
      outlet: new RegExp(data.outlet, "u"),
      boundary: new Set(data.boundaryBefore),
      gapStop: new Set(data.organisationGapStop),
    };
  }
  return memo.compiled;
}

const HAN = /\p{Script=Han}/u;
/** A surface that ends in an administrative suffix (汉中市, 凉山州, 石柱县) is not a bare name. */
const ADMIN_SUFFIX = /[省市州区县盟旗]$/u;

/** A short name written without its administrative suffix (略阳, 吕梁), of a prefecture or county. */
export function isBare(m: PlaceMatch): boolean {
  return m.kind === "short" && !ADMIN_SUFFIX.test(m.surface) && m.candidates.some((c) => c.level !== "province");
}

/** Why a match is not the place of a fact (part of an outlet, an organisation or a feature name), or undefined when it may be. */
export function notAPlace(s: string, m: PlaceMatch, gaz: Gazetteer): "outlet" | "organisation" | "feature" | undefined {
  const { data, outlet } = compiled();
  // "(北京)有限公司": a name in brackets right before the organisation word
  const end = /[(（]/u.test(s.charAt(m.start - 1)) && /[)）]/u.test(s.charAt(m.end)) ? m.end + 1 : m.end;
  if (outlet.test(s.slice(m.end, m.end + 16))) return "outlet";
  if (organisationAfter(s, end)) return "organisation";
  // 吕梁山区, 嘉陵江畔: a bare name before a landform or water word, unless another name starts there (西藏山南)
  if (isBare(m) && gaz.wordAt(s, m.end) === undefined) {
    if (wordList(data.features).startsAt(s, m.end)) return "feature";
    for (const w of data.featureWords) {
      if (!s.startsWith(w, m.end)) continue;
      const at = m.end + w.length;
      if (at >= s.length || !HAN.test(s.charAt(at)) || data.featureTails.some((t) => s.startsWith(t, at)))
        return "feature";
    }
  }
  return undefined;
}

/** Whether an organisation word follows at `at`, after at most `organisationGap` Han characters of its name. */
function organisationAfter(s: string, at: number): boolean {
  const { data, gapStop } = compiled();
  const notAfter = wordList(data.notAfterOrganisation);
  const followed = (words: readonly string[], i: number): boolean =>
    wordList(words).someAt(s, i, (word) => !notAfter.startsAt(s, i + word.length));
  if (followed(data.organisationsAdjacent, at)) return true;
  for (let gap = 0; gap <= data.organisationGap; gap++) {
    const ch = s.charAt(at + gap - 1);
    if (gap > 0 && (!HAN.test(ch) || gapStop.has(ch))) return false;
    if (followed(data.organisations, at + gap)) return true;
  }
  return false;
}

/**
 * Whether a name starting at `start` has a clear left edge: the start of the text, a non-Han
 * character, a word of `boundaryBefore` (not as part of a word of `notBoundaryWords`: 对于都),
 * or the end of another place name (`previousEnd`).
 */
export function standsAlone(s: string, start: number, previousEnd: number): boolean {
  if (start === 0 || start === previousEnd) return true;
  const before = s.charAt(start - 1);
  if (!HAN.test(before)) return true;
  const { boundary, data } = compiled();
  return boundary.has(before) && !data.notBoundaryWords.includes(s.slice(start - 1, start + 1));
}

/**
 * Whether a bare short name (see isBare) is a place here: it stands on its own (start of the
 * text, after a non-Han character, a list separator or a word of `boundaryBefore`, or right
 * after another place name) and is not the head of a town or village name (永安村), or the
 * article names the same division otherwise — by its full name, a descendant, or (for a
 * county) its prefecture. 杂多 in 复杂多样 is none of these.
 */
export function bareAccepted(
  s: string,
  m: PlaceMatch,
  previousEnd: number,
  named: ReadonlySet<string>,
  gaz: Gazetteer,
): boolean {
  const { data } = compiled();
  // 永安村: only when the article names 永安市 itself
  if (data.settlementAfter.includes(s.charAt(m.end) || "\n")) return m.candidates.some((c) => named.has(c.code));
  if (standsAlone(s, m.start, previousEnd)) return true;
  return m.candidates.some(
    (c: PlaceRef) =>
      named.has(c.code) ||
      (c.level === "county" && c.parent !== undefined && named.has(c.parent)) ||
      [...named].some((code) => gaz.ancestors(code).some((a) => a.code === c.code)),
  );
}

/**
 * Whether the place at [start, end) is the venue of a meeting (在南宁市举行, 在某自治区…发布会上
 * 获悉): a word of venueBefore right before it, and a word of venueAfter later in its clause.
 */
export function isVenue(s: string, start: number, end: number): boolean {
  const { data } = compiled();
  if (!data.venueBefore.some((w) => s.startsWith(w, start - w.length))) return false;
  const clause = s.slice(end, end + data.venueWindow).split(/[,，。;；:：!！?？\n]/u)[0] ?? "";
  return wordList(data.venueAfter).occursIn(clause);
}
