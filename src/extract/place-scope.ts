/**
 * The scope resolver for places: which division a number is about. The subject of its clause
 * first; a set of places ("A县、B县等N个县", "这9个县") stands for the smallest division that
 * contains it, never for its example county; then the topic of the sentence (not a reporting
 * frame such as "记者从…获悉", nor an example "率先摘帽"), the paragraph, and the article's own
 * place. Every binding says why.
 */
import type { PlaceRef } from "../types.js";
import { lexicon } from "./lexicon.js";
import { type ArticlePlaces, collectivePlace, LEVEL_RANK, type PlaceHit } from "./places.js";
import type { Quantity } from "./quantities.js";
import type { Binding } from "./scope.js";
import type { Range, Sentence } from "./segment.js";
import { wordList } from "./words.js";

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;
const LIST_GAP = /^(?:[、和及与]|以及)$/u;

let setRef: RegExp | undefined;
/** "这9个县", "这些县", "上述县区", "这九地": a reference back to a set of places. */
function setReference(): RegExp {
  if (setRef === undefined) {
    const r = lexicon().raw.setReferences;
    const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join("|");
    setRef = new RegExp(`(?:${alt(r.before)})(?:[\\d一二两三四五六七八九十]+个?|些)?(?:贫困)?(?:${alt(r.nouns)})`, "u");
  }
  return setRef;
}

/** The smallest division that contains all of `list`. */
function lowestCommon(places: ArticlePlaces, list: readonly PlaceRef[]): PlaceRef | undefined {
  const chains = list.map((p) => [p, ...places.gazetteer.ancestors(p.code)].map((x) => x.code));
  const common = (chains[0] ?? []).find((code) => chains.every((c) => c.includes(code)));
  return common === undefined ? undefined : places.gazetteer.byCode(common);
}

/** The list of places (joined by 、/和/及/与) that `hit` belongs to, or just the hit. */
function listAround(s: string, hits: readonly PlaceHit[], hit: PlaceHit): PlaceHit[] {
  const subjects = hits.filter((h) => h.role === "subject");
  const i = subjects.indexOf(hit);
  if (i < 0) return [hit];
  let a = i;
  let b = i;
  while (a > 0 && LIST_GAP.test(s.slice((subjects[a - 1] as PlaceHit).end, (subjects[a] as PlaceHit).start))) a--;
  while (
    b + 1 < subjects.length &&
    LIST_GAP.test(s.slice((subjects[b] as PlaceHit).end, (subjects[b + 1] as PlaceHit).start))
  )
    b++;
  return subjects.slice(a, b + 1);
}

/** "南郑区和城固县共减贫2万人": places listed as one subject of their clause: their common division. */
function subjectSet(s: string, places: ArticlePlaces, last: PlaceHit, clause: Range): Binding<PlaceRef> | undefined {
  const list = listAround(s, places.hits, last).filter((h) => inside(clause, h.start, h.end));
  if (list.length < 2 || list.at(-1) !== last) return undefined;
  const p = lowestCommon(
    places,
    list.map((h) => h.place),
  );
  return p === undefined
    ? undefined
    : {
        value: p,
        level: "clause",
        rule: "a set of places as subject",
        cue: s.slice((list[0] as PlaceHit).start, last.end),
      };
}

/** Does a clause only frame who reports, or name an example ahead of a tally? */
function framing(s: string, sentence: Sentence, at: number): boolean {
  const clause = sentence.clauses.find((c) => c.start <= at && at < c.end);
  if (clause === undefined) return false;
  const text = s.slice(clause.start, clause.end);
  const lx = lexicon().raw;
  return wordList(lx.reportingFrame.words).occursIn(text) || wordList(lx.exemplarCues.words).occursIn(text);
}

/** The topic of a sentence: its first subject place (a set: their common division) or collective phrase. */
export function sentenceTopic(s: string, places: ArticlePlaces, sentence: Sentence): Binding<PlaceRef> | undefined {
  const hit = places.hits.find(
    (h) => h.role === "subject" && inside(sentence, h.start, h.end) && !framing(s, sentence, h.start),
  );
  const col = places.collective.find((c) => inside(sentence, c.start, c.end));
  if (col !== undefined && (hit === undefined || col.start < hit.start)) {
    const p = collectivePlace(places, col.level, s.slice(col.start, col.end), col.start);
    return p === undefined
      ? undefined
      : { value: p, level: "sentence", rule: "collective topic", cue: s.slice(col.start, col.end) };
  }
  if (hit === undefined) return undefined;
  const list = listAround(s, places.hits, hit);
  if (list.length > 1) {
    const p = lowestCommon(
      places,
      list.map((h) => h.place),
    );
    // three places or more with no division in common (广西、四川、贵州…7个省区): the topic is
    // the whole country, which has no code — not the first place of the list (two are a pair:
    // "顺德区与昭觉县结对帮扶")
    if (p === undefined && list.length >= 3) return undefined;
    if (p !== undefined)
      return {
        value: p,
        level: "sentence",
        rule: "topic: a set of places",
        cue: s.slice(hit.start, (list.at(-1) as PlaceHit).end),
      };
  }
  return { value: hit.place, level: "sentence", rule: "topic", cue: s.slice(hit.start, hit.end) };
}

/**
 * "贵州省有9个县未摘帽…；云南省有9个县，剩余贫困人口26.63万人": a part of a sentence after a
 * semicolon that names a place of its own has that place as its topic.
 */
export function partTopic(
  s: string,
  places: ArticlePlaces,
  sentence: Sentence,
  at: number,
): Binding<PlaceRef> | undefined {
  // only the sentence is searched (a lastIndexOf on the whole text scans back to its start)
  const before = s.slice(sentence.start, at);
  const semi = Math.max(before.lastIndexOf("；"), before.lastIndexOf(";"));
  if (semi < 0) return undefined;
  const next = s.slice(at, sentence.end).search(/[；;]/u);
  const end = next < 0 ? sentence.end : at + next;
  const part = {
    start: sentence.start + semi + 1,
    end,
    line: sentence.line,
    clauses: sentence.clauses,
    segments: sentence.segments,
  };
  return sentenceTopic(s, places, part);
}

/** The place of a quantity, with the reason. */
export function placeOf(
  s: string,
  q: Quantity,
  clause: Range,
  places: ArticlePlaces,
  topic: Binding<PlaceRef> | undefined,
): Binding<PlaceRef> | undefined {
  let b: Binding<PlaceRef> | undefined;
  let at = -1;
  let nowhere = false;
  const before = places.hits.filter(
    (h) => h.role === "subject" && inside(clause, h.start, h.end) && h.end <= q.prefixStart,
  );
  const ref = setReference().exec(s.slice(clause.start, q.prefixStart));
  const last = before.at(-1);
  if (ref !== null && (last === undefined || last.end <= clause.start + ref.index)) {
    // "这9个县累计退出…": the set named before
    const named = places.hits.filter((h) => h.role === "subject" && h.end <= clause.start + ref.index);
    const tail = named.at(-1);
    const list = tail === undefined ? [] : listAround(s, places.hits, tail);
    const p =
      list.length > 1
        ? lowestCommon(
            places,
            list.map((h) => h.place),
          )
        : undefined;
    if (p !== undefined) {
      b = { value: p, level: "clause", rule: "a set named before", cue: ref[0] };
      at = clause.start + ref.index;
    }
  } else if (last !== undefined) {
    const set = enumerated(s, before, q, places);
    // a list of places with no division in common and no article place: the whole country
    if (set === null) nowhere = true;
    else
      b = set ??
        subjectSet(s, places, last, clause) ?? {
          value: last.place,
          level: "clause",
          rule: "subject",
          cue: s.slice(last.start, last.end),
        };
    at = last.start;
  }
  for (const c of places.collective)
    if (inside(clause, c.start, c.end) && c.end <= q.prefixStart && c.start > at) {
      // "通渭县全县": the collective phrase repeats the place just named
      if (b === undefined || b.value.level !== c.level) {
        const p = collectivePlace(places, c.level, s.slice(c.start, c.end), c.start);
        if (p !== undefined) b = { value: p, level: "clause", rule: "collective", cue: s.slice(c.start, c.end) };
      }
      at = c.start;
    }
  if (b === undefined && nowhere) return undefined;
  if (b === undefined && topic !== undefined) b = topic;
  if (b === undefined && places.main !== undefined)
    b = { value: places.main, level: "document", rule: "the article's place" };
  // a count of counties belongs to a prefecture or province, not to a county
  if (b !== undefined && b.value.level === "county" && countsDivisions(s, q)) {
    const up = setOf(places, b.value);
    if (up !== undefined) b = { ...b, value: up, rule: `${b.rule}; a count of divisions` };
  }
  return b;
}

/** The division a set of counties that includes `example` belongs to: shared with the article's place, else the parent. */
function setOf(places: ArticlePlaces, example: PlaceRef): PlaceRef | undefined {
  const main = places.main;
  const lca = main === undefined ? undefined : lowestCommon(places, [example, main]);
  if (lca !== undefined && LEVEL_RANK[lca.level] < LEVEL_RANK[example.level]) return lca;
  return places.gazetteer.ancestors(example.code)[0];
}

/** Is the quantity a count of divisions ("19个国定贫困县")? */
export function countsDivisions(s: string, q: Quantity): boolean {
  if (q.unit !== "COUNT") return false;
  const lx = lexicon().raw;
  let after = s.slice(q.end, q.end + 12);
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of lx.divisionCountModifiers.words)
      if (after.startsWith(m)) {
        after = after.slice(m.length);
        changed = true;
      }
  }
  return lx.divisionCountNouns.some((n) => after.startsWith(n.replace(/^贫困/u, "")));
}

/**
 * "佳县、子洲县等23个贫困县", "栾川县等19个县": a count right after a list of places (or one
 * example and 等) is a count of the set, so it belongs to their lowest common division; after
 * 等 (the list is incomplete) to the article's own place when that contains them.
 */
function enumerated(
  s: string,
  before: readonly PlaceHit[],
  q: Quantity,
  places: ArticlePlaces,
): Binding<PlaceRef> | null | undefined {
  const list = listBefore(s, before, q.prefixStart, (gap) => /^等?(?:最后|剩余|共|全部)?$/u.test(gap));
  const first = list[0];
  if (first === undefined) return undefined;
  const cue = s.slice(first.start, q.prefixStart);
  const etc = s.slice((list.at(-1) as PlaceHit).end, q.prefixStart).startsWith("等");
  if (list.length === 1) {
    if (!etc) return undefined;
    const p = setOf(places, first.place);
    return p === undefined ? undefined : { value: p, level: "clause", rule: "a set: one example and 等", cue };
  }
  const lca = lowestCommon(
    places,
    list.map((h) => h.place),
  );
  const main = places.main;
  if (
    etc &&
    main !== undefined &&
    (lca === undefined || places.gazetteer.ancestors(lca.code).some((a) => a.code === main.code))
  )
    return { value: main, level: "clause", rule: "a set: examples and 等", cue };
  const p = lca ?? main;
  return p === undefined ? null : { value: p, level: "clause", rule: "a set of places", cue };
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
): Binding<PlaceRef> | undefined {
  // only the clause is searched (a lastIndexOf on the whole text scans back to its start for every number)
  const found = s.slice(clause.start, q.prefixStart + 2).lastIndexOf("分别");
  if (found < 0) return undefined;
  const at = clause.start + found;
  const before = places.hits.filter((h) => h.role === "subject" && inside(clause, h.start, h.end) && h.end <= at);
  // "东乡县、西吉县2019年分别减贫…": a time may stand between the list and 分别
  const list = listBefore(
    s,
    before,
    at,
    (gap) => gap.replace(/(?:19|20)\d\d年[底末初]?(?:以来)?/u, "").length <= 2,
    places.hits.filter((h) => h.role === "modifier"),
  );
  if (list.length < 2) return undefined;
  const values = quantities.filter((x) => x.start > at && x.end <= clause.end && x.unit === q.unit);
  const i = values.indexOf(q);
  const p = values.length === list.length && i >= 0 ? list[i]?.place : undefined;
  return p === undefined ? undefined : { value: p, level: "clause", rule: "分别: listed places in order", cue: "分别" };
}

/**
 * The places listed (joined by 、/和/及/与) that end right before `end`, the last of `hits`
 * first checked with `lastGap` on the text between it and `end`.
 */
function listBefore(
  s: string,
  hits: readonly PlaceHit[],
  end: number,
  lastGap: (gap: string) => boolean,
  qualifiers: readonly PlaceHit[] = [],
): PlaceHit[] {
  const list: PlaceHit[] = [];
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as PlaceHit;
    const next = list[0];
    // "东乡县、宁夏回族自治区西吉县": the province qualifying the next item is not a gap
    const to = next === undefined ? end : next.start;
    const qualifier = qualifiers.find((x) => x.end === to && x.start >= h.end);
    const gap = s.slice(h.end, qualifier?.start ?? to);
    if (next === undefined ? !lastGap(gap) : !LIST_GAP.test(gap)) break;
    list.unshift(h);
  }
  return list;
}
