/**
 * Programs and organisations (data/programs.json).
 *
 * - Scheme labels (national programs, national bodies and banks, kinds of local office) are
 *   found in one pass of a character trie over the aligned Simplified copy, so Traditional
 *   articles match too; the longest label wins (国家乡村振兴局 over 乡村振兴).
 * - A kind of office counts only after a place (汉中市扶贫办 → `organisation/610700/…`) or after
 *   省/市/县 standing for the article's own place (县扶贫办).
 * - Local programs are recognised by their shape (《…实施办法》, “…”工程, “…模式”, “5+X”) and kept
 *   only when the sentence treats them as an initiative (实施, 投入, 覆盖 …); outlets, bylines,
 *   numbers in quotes and place names never are. Their id is the normalised Simplified name
 *   under the province they belong to (`local/610000/油返砂`), shared across articles.
 * - Companies, banks and universities are names that start with a place and end in a suffix
 *   (浙江大学, 汉中市某某有限公司).
 *
 * The indicator scheme says which program governs all facts of an indicator (`impliedProgram`).
 */
import { indicatorsData, programsData } from "../data/load.js";
import type { LocalShapes } from "../data/types.js";
import type { OrganisationRole, PlaceRef, ProgramMention, Span } from "../types.js";
import type { PeriodPhrase } from "./periods.js";
import type { ArticlePlaces } from "./places.js";
import { containing, type Range, type Segmentation } from "./segment.js";
import type { Text } from "./text.js";
import { buildTrie, longestMatches, type Trie } from "./trie.js";

/** A program or organisation mention at a position (UTF-16 indices of the Simplified copy). */
export interface ProgramHit extends Range {
  readonly id: string;
  readonly kind: "program" | "organisation";
}

interface Entry {
  readonly kind: "program" | "organisation" | "office";
  readonly id: string;
  /** The scheme's Simplified label. */
  readonly label: string;
}

interface Tables {
  readonly trie: Trie<Entry>;
  readonly shapes: LocalShapes;
  /** indicator id → program id (data/indicators.json `program`). */
  readonly implied: ReadonlyMap<string, string>;
  /** program id → broader program id. */
  readonly broader: ReadonlyMap<string, string>;
  /** Every label of the program scheme, Simplified (for checks by shape). */
  readonly labels: ReadonlySet<string>;
}

let compiled: Tables | undefined;

/** The compiled tables of data/programs.json and data/indicators.json, built on first use. */
function tables(): Tables {
  if (compiled !== undefined) return compiled;
  const data = programsData();
  const indicators = indicatorsData();
  const words: [string, Entry][] = [];
  const put = (word: string, entry: Entry) => words.push([word, entry]);
  const labels = new Set<string>();
  for (const [kind, list] of [
    ["program", data.programs],
    ["organisation", data.organisations],
  ] as const)
    for (const r of list)
      for (const w of [r.prefLabel["zh-Hans"], ...(r.altLabels ?? [])]) {
        put(w, { kind, id: r.id, label: r.prefLabel["zh-Hans"] });
        if (kind === "program") labels.add(w);
      }
  for (const o of data.offices)
    for (const w of o.forms) put(w, { kind: "office", id: o.id, label: o.prefLabel["zh-Hans"] });
  compiled = {
    trie: buildTrie(words),
    shapes: data.localShapes,
    implied: new Map(indicators.indicators.flatMap((i) => (i.program === undefined ? [] : [[i.id, i.program]]))),
    broader: new Map(data.programs.flatMap((p) => (p.broader === undefined ? [] : [[p.id, p.broader]]))),
    labels,
  };
  return compiled;
}

/** The shape rules of data/programs.json (`localShapes`). */
export function programShapes(): LocalShapes {
  return tables().shapes;
}

/** Whether `label` (Simplified) is a label of the program scheme. */
export function isSchemeProgramLabel(label: string): boolean {
  return tables().labels.has(label);
}

/**
 * The programs that govern a fact of `indicator`: those named where it is stated, and the
 * program its indicator implies unless that one or a narrower one is already named.
 */
export function governingPrograms(indicator: string, named: readonly string[]): string[] {
  const t = tables();
  const implied = t.implied.get(indicator);
  if (implied === undefined) return [...named];
  const within = (id: string): boolean => {
    for (let p: string | undefined = id; p !== undefined; p = t.broader.get(p)) if (p === implied) return true;
    return false;
  };
  return named.some(within) ? [...named] : [...named, implied];
}

/**
 * The role of an organisation named at `hit` in a fact of the clause `clause`: recipient when a
 * word like 向/为/帮助 comes right before it, a source when 介绍/发布 follows it, a donor when
 * 捐赠/援助/投入 follows it in the clause, else the implementer.
 */
export function organisationRole(s: string, hit: Range, clause: Range): OrganisationRole["role"] {
  const r = tables().shapes.roles;
  const before = s.slice(Math.max(clause.start, hit.start - 3), hit.start);
  if (r.recipientBefore.some((w) => before.endsWith(w))) return "recipient";
  const after = s.slice(hit.end, clause.end);
  if (r.sourceAfter.some((w) => after.startsWith(w))) return "source";
  if (r.donorAfter.some((w) => after.includes(w))) return "donor";
  return "implementer";
}

/**
 * The programs and organisations named with a fact: those in its clause, else those earlier in
 * its sentence (“实施…工程，覆盖…”), each organisation with its role.
 */
export function namedWithFact(
  s: string,
  hits: readonly ProgramHit[],
  clause: Range,
  sentence: Range,
): { programs: string[]; organisations: OrganisationRole[] } {
  const within = (r: Range, h: Range) => r.start <= h.start && h.end <= r.end;
  const pick = (which: ProgramHit["kind"]) => {
    const own = hits.filter((h) => h.kind === which && within(clause, h));
    return own.length > 0
      ? own
      : hits.filter((h) => h.kind === which && within({ start: sentence.start, end: clause.start }, h));
  };
  const organisations = new Map<string, OrganisationRole>();
  for (const h of pick("organisation"))
    if (!organisations.has(h.id))
      organisations.set(h.id, { id: h.id, role: organisationRole(s, h, within(clause, h) ? clause : sentence) });
  return { programs: [...new Set(pick("program").map((h) => h.id))], organisations: [...organisations.values()] };
}

/** A name as an id: NFKC (full-width → half-width), no spaces or quote marks, Latin in capitals. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s“”"「」《》'‘’]/gu, "")
    .replace(/[a-z]/gu, (c) => c.toUpperCase());
}

/** “5+X”, “531+N”, “互联网+”: a label of parts joined by +. */
const PLUS_LABEL = /^[\p{Script=Han}A-Za-z0-9]{1,8}(?:\+[\p{Script=Han}A-Za-z0-9]{0,8})+$/u;
/** A number, a percentage or a date in quotes (“576”, “12·25”): never a program. */
const NUMBER_LIKE = /^[\d.,%·\-/:零〇一二三四五六七八九十百千万亿]+$/u;
const SENTENCE_MARK = /[。！？!?，,；;：:]/u;

/** Why a quoted or titled name is not a program, or undefined when its shape is one. */
export function notProgramReason(name: string, places: ArticlePlaces): string | undefined {
  const sh = tables().shapes;
  if ([...name].length < 2) return "too short";
  if (NUMBER_LIKE.test(name)) return "a number";
  if (SENTENCE_MARK.test(name)) return "a sentence";
  if (sh.notProgramSuffixes.some((x) => name.endsWith(x))) return "an outlet, byline or slogan";
  const found = places.gazetteer.find(name);
  if (found.length > 0 && found.some((m) => m.start === 0 && m.end === [...name].length)) return "a place";
  return undefined;
}

/** The province code of a place (the place itself when it is one). */
function provinceOf(place: PlaceRef, places: ArticlePlaces): string {
  if (place.level === "province") return place.code;
  const chain = places.gazetteer.ancestors(place.code);
  return chain[chain.length - 1]?.code ?? place.code;
}

/** The article's place (or its ancestor) at a level, for 省/市/县 standing alone before an office. */
function ownPlaceAt(level: PlaceRef["level"], places: ArticlePlaces): PlaceRef | undefined {
  const main = places.main;
  if (main === undefined) return undefined;
  if (main.level === level) return main;
  return places.gazetteer.ancestors(main.code).find((p) => p.level === level);
}

/** Scheme labels and office forms in a Simplified text: longest match, left to right, not overlapping. */
function* schemeMatches(s: string): Generator<{ entry: Entry; start: number; end: number }> {
  for (const m of longestMatches(tables().trie, s)) yield { entry: m.value, start: m.start, end: m.end };
}

/** Ids of the scheme programs a Simplified text names (a label of the gold, a sentence). */
export function schemeProgramsIn(simplified: string): string[] {
  const out = new Set<string>();
  for (const m of schemeMatches(simplified)) if (m.entry.kind === "program") out.add(m.entry.id);
  return [...out];
}

/** The place a word before an office stands for (县 in 县扶贫办: the article's county), with the word's length. */
function ownPlaceBefore(s: string, at: number, places: ArticlePlaces): { place: PlaceRef; length: number } | undefined {
  const words = tables().shapes.ownPlaceWords;
  const word = Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .find((w) => s.endsWith(w, at));
  const level = word === undefined ? undefined : words[word];
  const place = level === undefined ? undefined : ownPlaceAt(level, places);
  return place === undefined || word === undefined ? undefined : { place, length: word.length };
}

/** Finds programs and organisations; returns the entities and their positioned hits. */
export function findPrograms(
  text: Text,
  seg: Segmentation,
  places: ArticlePlaces,
  periods: readonly PeriodPhrase[],
  excluded: (start: number, end: number) => boolean,
): { programs: ProgramMention[]; hits: ProgramHit[] } {
  const s = text.s;
  const t = tables();
  const byId = new Map<string, { mention: Omit<ProgramMention, "mentions">; mentions: Span[] }>();
  const hits: ProgramHit[] = [];
  const add = (start: number, end: number, m: Omit<ProgramMention, "mentions">) => {
    const key = `${m.kind}:${m.id}`;
    const e = byId.get(key) ?? { mention: m, mentions: [] };
    e.mentions.push(text.span(start, end));
    byId.set(key, e);
    hits.push({ start, end, id: m.id, kind: m.kind });
  };
  const placeEndingAt = new Map(places.hits.map((h) => [h.end, h]));

  // 1. scheme labels and offices: one trie pass, longest match, left to right
  for (const { entry, start: i, end } of schemeMatches(s)) {
    if (excluded(i, end)) continue;
    if (entry.kind !== "office") {
      add(i, end, { id: entry.id, name: entry.label, kind: entry.kind, inScheme: true });
      continue;
    }
    const h = placeEndingAt.get(i);
    const own = h === undefined ? ownPlaceBefore(s, i, places) : undefined;
    const place = h?.place ?? own?.place;
    const start = h?.start ?? i - (own?.length ?? 0);
    if (place !== undefined && !excluded(start, end))
      add(start, end, {
        id: `${place.code}/${entry.id}`,
        name: `${place.name}${entry.label}`,
        kind: "organisation",
        place,
      });
  }
  const covered = (a: number, b: number) => hits.some((h) => h.start <= a && b <= h.end);

  // 2. local programs by shape, in quotes and titles
  for (const q of seg.quotes) {
    if (excluded(q.start, q.end) || covered(q.start, q.end)) continue;
    if (periods.some((p) => p.start <= q.start && q.end <= p.end + 1)) continue; // “十三五”
    const name = normaliseName(s.slice(q.start, q.end));
    if (notProgramReason(name, places) !== undefined || t.labels.has(name)) continue;
    let end = q.end;
    if (q.kind === "title") {
      if (!t.shapes.documentSuffixes.some((x) => name.endsWith(x))) continue; // 《人民日报》: an outlet
    } else {
      const after = t.shapes.nameSuffixes.find((x) => s.startsWith(x, q.end + 1));
      if (after !== undefined) end = q.end + 1 + after.length;
      else if (!t.shapes.nameSuffixes.some((x) => name.endsWith(x)) && !PLUS_LABEL.test(name)) continue;
    }
    const sentence = containing(seg.sentences, q.start);
    if (sentence === undefined) continue;
    // the sentence around the name (outside its quote marks and suffix) must treat it as an initiative
    const rest = s.slice(sentence.start, q.start - 1) + s.slice(Math.max(end, q.end + 1), sentence.end);
    if (!t.shapes.initiativeCues.some((c) => rest.includes(c))) continue;
    const place = placeEndingAt.get(q.start - 1)?.place ?? places.main;
    const province = place === undefined ? undefined : provinceOf(place, places);
    const own = province === undefined ? undefined : places.gazetteer.byCode(province);
    add(q.start, end, {
      id: province === undefined ? `local/${name}` : `local/${province}/${name}`,
      name,
      kind: "program",
      ...(own !== undefined ? { place: own } : {}),
    });
  }

  // 3. companies, banks and universities: a place, a few characters, a suffix
  const sh = t.shapes;
  for (const h of [...places.hits, ...places.inNames].sort((a, b) => a.start - b.start)) {
    if (covered(h.start, h.end)) continue;
    let stop = h.end;
    while (stop < s.length && stop - h.end < 10 && /\p{Script=Han}/u.test(s[stop] as string)) {
      if (sh.organisationBoundary.includes(s[stop] as string)) break;
      stop++;
    }
    const tail = s.slice(h.end, stop);
    let best: { at: number; suffix: string } | undefined;
    for (const suffix of sh.organisationSuffixes) {
      const at = tail.indexOf(suffix);
      if (at >= 0 && (best === undefined || at < best.at || (at === best.at && suffix.length > best.suffix.length)))
        best = { at, suffix };
    }
    if (best === undefined) continue;
    const end = h.end + best.at + best.suffix.length;
    if (excluded(h.start, end) || covered(h.start, end)) continue;
    const name = normaliseName(s.slice(h.start, end));
    add(h.start, end, { id: name, name, kind: "organisation", place: h.place });
  }

  hits.sort((a, b) => a.start - b.start);
  // the fields of { ...e.mention, mentions } in that order, copied once (not through a spread)
  const programs: ProgramMention[] = [...byId.values()].map((e) =>
    Object.assign({}, e.mention, { mentions: e.mentions }),
  );
  return { programs, hits };
}
