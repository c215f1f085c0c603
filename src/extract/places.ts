/**
 * Places in an article: gazetteer mentions (ambiguous names resolved by the other places of
 * the article), their role (a subject, or a modifier of an organisation or event such as
 * 汉中市扶贫办), collective phrases (全市, 我省 → the article's own place), and the article's
 * main place. Positions are UTF-16 indices into the Simplified copy.
 */
import type { PlaceLevel, PlaceRef } from "../types.js";
import { abbreviation, type Gazetteer, loadGazetteer, type PlaceMatch } from "./gazetteer.js";
import { lexicon } from "./lexicon.js";
import { bareAccepted, isBare, isVenue, notAPlace, standsAlone } from "./place-filters.js";
import type { Quantity } from "./quantities.js";
import type { Range, Sentence } from "./segment.js";
import type { Text } from "./text.js";

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
  readonly collective: readonly CollectiveHit[];
  readonly main?: PlaceRef;
  readonly gazetteer: Gazetteer;
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2 };

/**
 * One-character province abbreviations (黔, 陕, 川) where they cannot be part of a name: alone
 * between punctuation ("黔：18个贫困县脱贫摘帽", "川、陕、甘"). Elsewhere they are left alone:
 * 黔 also occurs in personal names (李黔渝), 新 and 青 in common words (全新, 青年).
 */
function abbreviations(s: string, excluded: (start: number, end: number) => boolean): PlaceMatch[] {
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
  const anchors = new Set<string>();
  for (const m of found)
    if (m.kind !== "short" || m.candidates.every((c) => c.level === "province"))
      for (const c of m.candidates) anchors.add(provinceOf(c));
  if (anchors.size === 0) return [...found];
  return found.filter(
    (m) => m.kind !== "short" || m.candidates.some((c) => c.level === "province" || anchors.has(provinceOf(c))),
  );
}

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
        out.push({ ...m, candidates: inside });
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
    .map((m) => ({ ...m, start: text.u16(m.start), end: text.u16(m.end) }))
    .filter((m) => !excluded(m.start, m.end));
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
    const role = orgSuffixes.some((suf) => after.includes(suf)) || isVenue(s, m.start, m.end) ? "modifier" : "subject";
    hits.push({ start: m.start, end: m.end, place, role });
  }
  // "甘肃省定西市": a place written right before one of its own divisions only qualifies it
  for (let i = 0; i + 1 < hits.length; i++) {
    const a = hits[i] as PlaceHit;
    const b = hits[i + 1] as PlaceHit;
    if (b.start === a.end && gaz.ancestors(b.place.code).some((x) => x.code === a.place.code))
      hits[i] = { ...a, role: "modifier" };
  }
  // main place: most mentioned (title counts three times, a listed place 1/N), ties to the more specific
  const score = new Map<string, number>();
  const weights = listWeights(s, hits);
  for (const [i, h] of hits.entries()) {
    const weight = (h.start < titleEnd ? 3 : 1) * (weights[i] ?? 1);
    score.set(h.place.code, (score.get(h.place.code) ?? 0) + weight);
  }
  let main: PlaceRef | undefined;
  let best = 0;
  for (const h of hits) {
    const sc = score.get(h.place.code) ?? 0;
    if (sc > best || (sc === best && main !== undefined && LEVEL_RANK[h.place.level] > LEVEL_RANK[main.level])) {
      best = sc;
      main = h.place;
    }
  }
  return { hits, collective, gazetteer: gaz, ...(main !== undefined ? { main } : {}) };
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

/** The division standing for a collective phrase: the main place or its ancestor at that level. */
export function collectivePlace(places: ArticlePlaces, level: PlaceLevel): PlaceRef | undefined {
  const main = places.main;
  if (main === undefined) return undefined;
  if (LEVEL_RANK[main.level] <= LEVEL_RANK[level]) return main;
  return places.gazetteer.ancestors(main.code).find((a) => a.level === level) ?? main;
}

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;

/** First subject place (or collective phrase) of a sentence. */
export function sentenceTopic(places: ArticlePlaces, sentence: Sentence): PlaceRef | undefined {
  const hit = places.hits.find((h) => h.role === "subject" && inside(sentence, h.start, h.end));
  const col = places.collective.find((c) => inside(sentence, c.start, c.end));
  if (col !== undefined && (hit === undefined || col.start < hit.start)) return collectivePlace(places, col.level);
  return hit?.place;
}

/** The place of a quantity: a subject in its clause before it, else the topic, else the article's place. */
export function placeOf(
  s: string,
  q: Quantity,
  clause: Range,
  places: ArticlePlaces,
  topic: PlaceRef | undefined,
): PlaceRef | undefined {
  let place: PlaceRef | undefined;
  let at = -1;
  const before = places.hits.filter(
    (h) => h.role === "subject" && inside(clause, h.start, h.end) && h.end <= q.prefixStart,
  );
  const last = before.at(-1);
  if (last !== undefined) {
    place = enumerated(s, before, q, places) ?? last.place;
    at = last.start;
  }
  for (const c of places.collective)
    if (inside(clause, c.start, c.end) && c.end <= q.prefixStart && c.start > at) {
      // "通渭县全县": the collective phrase repeats the place just named
      if (place === undefined || place.level !== c.level) place = collectivePlace(places, c.level);
      at = c.start;
    }
  place ??= topic ?? places.main;
  // a count of counties belongs to a prefecture or province, not to a county
  if (place !== undefined && place.level === "county" && countsDivisions(s, q)) {
    place = places.gazetteer.ancestors(place.code)[0] ?? place;
  }
  return place;
}

export function countsDivisions(s: string, q: Quantity): boolean {
  if (q.unit !== "COUNT") return false;
  const after = s.slice(q.end, q.end + 6).replace(/^(贫困|深度贫困|国家级|省级)/u, "");
  return lexicon().raw.divisionCountNouns.some((n) => after.startsWith(n.replace(/^贫困/u, "")));
}

/**
 * "佳县、子洲县等23个贫困县", "道真县、务川县……和安龙县18个县": a count right after a list of
 * places is a count of the set, so it belongs to their lowest common division; after 等 (the
 * list is incomplete) to the article's own place when that contains them.
 */
function enumerated(s: string, before: readonly PlaceHit[], q: Quantity, places: ArticlePlaces): PlaceRef | undefined {
  const list = listBefore(s, before, q.prefixStart, (gap) => /^等?(?:最后|剩余|共|全部)?$/u.test(gap));
  if (list.length < 2) return undefined;
  const chains = list.map((h) => [h.place, ...places.gazetteer.ancestors(h.place.code)].map((p) => p.code));
  const common = (chains[0] ?? []).find((code) => chains.every((c) => c.includes(code)));
  const lca = common === undefined ? undefined : places.gazetteer.byCode(common);
  const main = places.main;
  const etc = s.slice((list.at(-1) as PlaceHit).end, q.prefixStart).startsWith("等");
  if (
    etc &&
    main !== undefined &&
    (lca === undefined || places.gazetteer.ancestors(lca.code).some((a) => a.code === main.code))
  )
    return main;
  return lca ?? main;
}

/**
 * "商洛市、安康市分别投入资金36.2亿元、41.5亿元": with 分别 (respectively), the listed places
 * take the listed values in order. Returns the place of `q`, or undefined when the clause is
 * not of that form or the counts differ.
 */
export function respectively(
  s: string,
  q: Quantity,
  clause: Range,
  places: ArticlePlaces,
  quantities: readonly Quantity[],
): PlaceRef | undefined {
  const at = s.lastIndexOf("分别", q.prefixStart);
  if (at < clause.start) return undefined;
  const before = places.hits.filter((h) => h.role === "subject" && inside(clause, h.start, h.end) && h.end <= at);
  const list = listBefore(s, before, at, (gap) => gap.length <= 2);
  if (list.length < 2) return undefined;
  const values = quantities.filter((x) => x.start > at && x.end <= clause.end && x.unit === q.unit);
  const i = values.indexOf(q);
  return values.length === list.length && i >= 0 ? list[i]?.place : undefined;
}

/**
 * The places listed (joined by 、/和/及/与) that end right before `end`, the last of `hits`
 * first checked with `lastGap` on the text between it and `end`.
 */
function listBefore(s: string, hits: readonly PlaceHit[], end: number, lastGap: (gap: string) => boolean): PlaceHit[] {
  const list: PlaceHit[] = [];
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as PlaceHit;
    const next = list[0];
    const gap = s.slice(h.end, next === undefined ? end : next.start);
    if (next === undefined ? !lastGap(gap) : !/^[、和及与]$/u.test(gap)) break;
    list.unshift(h);
  }
  return list;
}
