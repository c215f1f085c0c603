/**
 * Places in an article: gazetteer mentions (ambiguous names resolved by the other places of
 * the article), their role (a subject, or a modifier of an organisation or event such as
 * 汉中市扶贫办), collective phrases (全市, 我省 → the article's own place), and the article's
 * main place. Positions are UTF-16 indices into the Simplified copy.
 */
import { hasUnit } from "../article/script.js";
import type { PlaceLevel, PlaceRef } from "../types.js";
import { abbreviation, abbreviationUnits, type Gazetteer, loadGazetteer, type PlaceMatch } from "./gazetteer.js";
import { lexicon } from "./lexicon.js";
import { bareAccepted, isBare, isVenue, notAPlace, standsAlone } from "./place-filters.js";
import type { Range } from "./segment.js";
import type { Text } from "./text.js";
import { wordList } from "./words.js";

/** A resolved place mention. */
export interface PlaceHit extends Range {
  readonly place: PlaceRef;
  /** A subject of the clause, or only a modifier of an organisation/event name. */
  readonly role: "subject" | "modifier";
}

/** A collective phrase (全市, 我省) standing for the article's place at a level. */
export interface CollectiveHit extends Range {
  readonly level: PlaceLevel;
}

/** Places of one article. */
export interface ArticlePlaces {
  readonly hits: readonly PlaceHit[];
  /** Places that begin the name of an organisation (浙江大学, 汉中市扶贫办): not places of facts. */
  readonly inNames: readonly PlaceHit[];
  readonly collective: readonly CollectiveHit[];
  readonly main?: PlaceRef;
  readonly gazetteer: Gazetteer;
}

export const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };

/**
 * One-character province abbreviations (黔, 陕, 川) where they cannot be part of a name: alone
 * between punctuation ("黔：18个贫困县脱贫摘帽", "川、陕、甘"). Elsewhere they are left alone:
 * 黔 also occurs in personal names (李黔渝), 新 and 青 in common words (全新, 青年).
 */
function abbreviations(s: string, excluded: (start: number, end: number) => boolean): PlaceMatch[] {
  const units = abbreviationUnits();
  if (units === null) return abbreviationsByRegex(s, excluded);
  // the regular expression below tried every position of the text; only an abbreviation can
  // give a match, so only its positions are tested, with the same conditions around them
  const out: PlaceMatch[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!hasUnit(units, s.charCodeAt(i))) continue;
    const ch = s.charAt(i);
    if (!HAN.test(ch)) continue;
    if (i > 0 && !ABBREVIATION_EDGE.test(s.charAt(i - 1))) continue;
    if (i + 1 < s.length && !ABBREVIATION_EDGE.test(s.charAt(i + 1))) continue;
    const place = abbreviation(ch);
    if (place === undefined || excluded(i, i + 1)) continue;
    out.push({ start: i, end: i + 1, surface: ch, candidates: [place], kind: "alias" });
  }
  return out;
}

/** What may stand before and after an abbreviation alone (a line break is a space). */
const ABBREVIATION_EDGE = /^[\s,，。;；:：、“”"(（)）]$/u;
const HAN = /^\p{Script=Han}$/u;

function abbreviationsByRegex(s: string, excluded: (start: number, end: number) => boolean): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  const re = /(?<=^|[\s,，。;；:：、“”"(（)）])([\p{Script=Han}])(?=$|[\s,，。;；:：、“”"(（)）])/gmu;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const place = abbreviation(m[1] as string);
    if (place === undefined || excluded(m.index, m.index + 1)) continue;
    out.push({ start: m.index, end: m.index + 1, surface: m[1] as string, candidates: [place], kind: "alias" });
  }
  return out;
}

/** Words that make the place after them a comparison base (比全省, 较全国). */
const COMPARISON_BEFORE = /(?:比|较|与|同|于)$/u;

/**
 * Drops short names of prefectures and counties (成安 for 成安县) that lie in none of the
 * provinces the article names in full or as provinces: "建成安置点" is not about Hebei. The
 * provinces come from full names, aliases and province names; without any, all are kept.
 */
function anchored(found: readonly PlaceMatch[]): PlaceMatch[] {
  const provinceOf = (p: PlaceRef) => p.code.slice(0, 2);
  // a short name written with its division word (临夏州, 东乡县, 科右前旗) is a name, not a word
  // that happens to contain one (建成安置点): it anchors its province like a full name
  const bare = (m: PlaceMatch) => m.kind === "short" && !DIVISION_END.test(m.surface);
  const anchors = new Set<string>();
  for (const m of found)
    if (!bare(m) || m.candidates.every((c) => c.level === "province"))
      for (const c of m.candidates) anchors.add(provinceOf(c));
  if (anchors.size === 0) return [...found];
  return found.filter(
    (m) => !bare(m) || m.candidates.some((c) => c.level === "province" || anchors.has(provinceOf(c))),
  );
}

/** The last character of a division's name written with its division word. */
const DIVISION_END = /[省市县区州旗盟]$/u;

/**
 * The matches that are places of facts, in text order: without outlets, organisations and
 * geographic features (place-filters.ts), without bare short names that do not stand on their
 * own, and with an ambiguous name written right after one of its ancestors (北京朝阳, 长春朝阳区)
 * narrowed to that ancestor's divisions.
 */
function recognised(s: string, matches: readonly PlaceMatch[], gaz: Gazetteer): PlaceMatch[] {
  const sorted = matches.filter((m) => notAPlace(s, m, gaz) === undefined).sort((a, b) => a.start - b.start);
  const named = new Set<string>();
  for (const m of sorted) if (!isBare(m)) for (const c of m.candidates) named.add(c.code);
  const out: PlaceMatch[] = [];
  let previous: PlaceMatch | undefined;
  for (const m of sorted) {
    const previousEnd = previous?.end ?? -1;
    previous = m;
    if (isBare(m) && !bareAccepted(s, m, previousEnd, named, gaz)) continue;
    const before = out.at(-1);
    if (m.candidates.length > 1 && before !== undefined && before.end === m.start && before.candidates.length === 1) {
      const ancestor = (before.candidates[0] as PlaceRef).code;
      const inside = m.candidates.filter((c) => gaz.ancestors(c.code).some((a) => a.code === ancestor));
      if (inside.length > 0) {
        out.push({ start: m.start, end: m.end, surface: m.surface, candidates: inside, kind: m.kind });
        continue;
      }
    }
    out.push(m);
    for (let next = stoppedAfter(s, m, named, gaz); next !== undefined; next = stoppedAfter(s, next, named, gaz))
      out.push(next);
  }
  return out;
}

/**
 * "毕节大方、赫章", "长治长子", "瑞金、兴国、于都": a county whose short name is a stop word
 * (大方, 长子, 兴国) is still recognised right after its own prefecture, or after a listed
 * county of the same prefecture and a list word (、和及与), when the name ends there (a
 * non-Han character or a list word follows) or the article also names the county in full.
 */
function stoppedAfter(s: string, m: PlaceMatch, named: ReadonlySet<string>, gaz: Gazetteer): PlaceMatch | undefined {
  const place = m.candidates.length === 1 ? m.candidates[0] : undefined;
  if (place === undefined || place.level === "province") return undefined;
  const listed = place.level === "county" && /[、和及与]/u.test(s.charAt(m.end));
  if (place.level === "county" && !listed) return undefined;
  const parent = place.level === "prefecture" ? place.code : place.parent;
  const at = listed ? m.end + 1 : m.end;
  const word = gaz.wordAt(s, at);
  if (word === undefined) return undefined;
  const county = gaz.stopped(word).find((c) => c.level === "county" && c.parent === parent && c !== place);
  if (county === undefined) return undefined;
  const end = at + word.length;
  const next = s.charAt(end);
  if (end < s.length && /\p{Script=Han}/u.test(next) && !/[、和及与等]/u.test(next) && !named.has(county.code))
    return undefined;
  return { start: at, end, surface: word, candidates: [county], kind: "short" };
}

/** Finds and resolves the places of a text. `excluded(i)` marks boilerplate positions; `titleEnd` ends the title. */
export function findPlaces(
  text: Text,
  excluded: (start: number, end: number) => boolean,
  titleEnd: number,
): ArticlePlaces {
  const gaz = loadGazetteer();
  const s = text.s;
  const lx = lexicon();
  const phrases: CollectiveHit[] = [];
  for (const { phrase, level } of lx.collective) {
    for (let i = s.indexOf(phrase); i >= 0; i = s.indexOf(phrase, i + 1)) {
      // "比全省平均水平高": a comparison base, not the subject
      if (COMPARISON_BEFORE.test(s.slice(Math.max(0, i - 2), i))) continue;
      if (!excluded(i, i + phrase.length)) phrases.push({ start: i, end: i + phrase.length, level });
    }
  }
  const matches = gaz
    .find(s)
    // literals, not spreads ({ ...m, start, end }): every mention of every article is copied here
    .map((m) => ({
      start: text.u16(m.start),
      end: text.u16(m.end),
      surface: m.surface,
      candidates: m.candidates,
      kind: m.kind,
    }))
    .filter((m) => !excluded(m.start, m.end));
  const inNames: PlaceHit[] = [];
  for (const m of matches) {
    const place = m.candidates.length === 1 ? m.candidates[0] : undefined;
    if (place !== undefined && !isBare(m) && notAPlace(s, m, gaz) === "organisation")
      inNames.push({ start: m.start, end: m.end, place, role: "modifier" });
  }
  // 万全区, 天全县: a place name that begins before a collective phrase (全区, 全县) and has a clear left edge holds it
  const held = (c: CollectiveHit) =>
    matches.some((m, i) => m.start < c.start && c.start < m.end && standsAlone(s, m.start, matches[i - 1]?.end ?? -1));
  const collective = phrases.filter((c) => !held(c)).sort((a, b) => a.start - b.start);
  const found = matches.filter((m) => !collective.some((c) => c.start < m.end && m.start < c.end));
  const raw = recognised(s, [...anchored(found), ...abbreviations(s, excluded)], gaz);
  // context for ambiguous names: the unambiguous places of the article
  const context = raw.filter((m) => m.candidates.length === 1).map((m) => (m.candidates[0] as PlaceRef).code);
  const orgSuffixes = lx.raw.orgSuffixes;
  const hits: PlaceHit[] = [];
  for (const m of raw) {
    const place = m.candidates.length === 1 ? m.candidates[0] : gaz.resolve(m.candidates, context);
    if (place === undefined) continue;
    const after = s.slice(m.end, m.end + 10).split(/[,，。;；、:：\s“”"《》()（）]/u)[0] ?? "";
    const role = wordList(orgSuffixes).occursIn(after) || isVenue(s, m.start, m.end) ? "modifier" : "subject";
    hits.push({ start: m.start, end: m.end, place, role });
  }
  // "甘肃省定西市": a place written right before one of its own divisions only qualifies it
  for (let i = 0; i + 1 < hits.length; i++) {
    const a = hits[i] as PlaceHit;
    const b = hits[i + 1] as PlaceHit;
    if (b.start === a.end && gaz.ancestors(b.place.code).some((x) => x.code === a.place.code))
      hits[i] = { start: a.start, end: a.end, place: a.place, role: "modifier" };
  }
  const main = mainPlace(hits, listWeights(s, hits), collective, titleEnd, gaz);
  return { hits, inNames, collective, gazetteer: gaz, ...(main !== undefined ? { main } : {}) };
}

/**
 * The article's place again, after more mentions were found (the villages and towns of a county,
 * src/extract/localities.ts): a village story is about the village's county.
 */
export function withMainPlace(s: string, places: ArticlePlaces, titleEnd: number): ArticlePlaces {
  const main = mainPlace(places.hits, listWeights(s, places.hits), places.collective, titleEnd, places.gazetteer);
  const { main: _old, ...rest } = places;
  return main === undefined ? rest : { ...rest, main };
}

/** Share of the article's place mentions that its main place must contain. */
const MAIN_COVER = 0.55;

/**
 * The article's own place: the most specific division that contains most (more than half) of the
 * place mentions (the title counts three times, each of N listed places 1/N). A province report that names many of its
 * counties is about the province; a county profile that names its city once is about the
 * county. A collective phrase in the title (我省, 全市) sets the level.
 */
function mainPlace(
  hits: readonly PlaceHit[],
  listWeight: readonly number[],
  collective: readonly CollectiveHit[],
  titleEnd: number,
  gaz: Gazetteer,
): PlaceRef | undefined {
  const cover = new Map<string, { place: PlaceRef; weight: number }>();
  let total = 0;
  hits.forEach((h, i) => {
    const next = hits[i + 1];
    // "甘肃省定西市": the qualifier of the next division is not a mention of its own
    if (
      next !== undefined &&
      next.start === h.end &&
      gaz.ancestors(next.place.code).some((a) => a.code === h.place.code)
    )
      return;
    const w = (h.start < titleEnd ? 3 : 1) * (listWeight[i] ?? 1);
    total += w;
    for (const p of [h.place, ...gaz.ancestors(h.place.code)]) {
      const c = cover.get(p.code) ?? { place: p, weight: 0 };
      c.weight += w;
      cover.set(p.code, c);
    }
  });
  let main: { place: PlaceRef; weight: number } | undefined;
  for (const c of cover.values()) {
    if (c.weight < MAIN_COVER * total) continue;
    const deeper = main === undefined || LEVEL_RANK[c.place.level] > LEVEL_RANK[main.place.level];
    const same = main !== undefined && LEVEL_RANK[c.place.level] === LEVEL_RANK[main.place.level];
    if (deeper || (same && main !== undefined && c.weight > main.weight)) main = c;
  }
  let place = main?.place;
  const titleLevel = collective.find((c) => c.start < titleEnd)?.level;
  if (place !== undefined && titleLevel !== undefined && LEVEL_RANK[place.level] > LEVEL_RANK[titleLevel])
    place = gaz.ancestors(place.code).find((a) => a.level === titleLevel) ?? place;
  return place;
}

/**
 * Weight of each hit for the main place: a place named in a list (竹溪、保康、英山和巴东) is one
 * of a set, so each of the N listed places counts 1/N.
 */
function listWeights(s: string, hits: readonly PlaceHit[]): number[] {
  const weights: number[] = hits.map(() => 1);
  let start = 0;
  for (let i = 1; i <= hits.length; i++) {
    const prev = hits[i - 1] as PlaceHit;
    const cur = hits[i];
    if (cur !== undefined && /^[、和及与]$/u.test(s.slice(prev.end, cur.start))) continue;
    for (let j = start; j < i; j++) weights[j] = 1 / (i - start);
    start = i;
  }
  return weights;
}

/**
 * The division standing for a collective phrase: the main place or its ancestor at that level.
 * 全区 and 全市 name two levels each — an autonomous region or a district, a prefecture or a
 * county-level city — so in an article about a district or a county-level city they stand for it.
 */
/** How far back (characters) a place named before a collective phrase (全市) may be. */
const COLLECTIVE_REACH = 120;

export function collectivePlace(
  places: ArticlePlaces,
  level: PlaceLevel,
  phrase = "",
  at?: number,
): PlaceRef | undefined {
  const main = places.main;
  if (main === undefined) return undefined;
  if (LEVEL_RANK[main.level] < LEVEL_RANK[level] && at !== undefined) {
    // "日喀则市副市长表示，…全市贫困人口…" in a report on Tibet: 全市 is the city just named
    const named = places.hits.findLast((h) => h.end <= at && at - h.end <= COLLECTIVE_REACH && h.place.level === level);
    if (named !== undefined && places.gazetteer.ancestors(named.place.code).some((a) => a.code === main.code))
      return named.place;
  }
  if (LEVEL_RANK[main.level] <= LEVEL_RANK[level]) return main;
  const word = phrase.slice(-1);
  if (main.level === "county" && (word === "区" || word === "市") && main.name.endsWith(word)) return main;
  return places.gazetteer.ancestors(main.code).find((a) => a.level === level) ?? main;
}
