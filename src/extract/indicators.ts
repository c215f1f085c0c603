/**
 * Indicator classification: which concept of the indicator scheme (data/indicators.json) a
 * quantity measures, from the cue words around it. A cue "A+B" needs both parts in the
 * region. Cues in the number's own segment count most, then its clause, then the sentence
 * before it. Only indicators whose unit fits the quantity compete; when no cue fits, the
 * generic indicator of the unit is used, so no fact is ever dropped.
 */
import { indicatorsData, unitsData } from "../data/load.js";
import type { UnitCode } from "../types.js";
import { lexicon } from "./lexicon.js";
import type { Range } from "./segment.js";
import { buildTrie, type Trie, visitWordsAt } from "./trie.js";
import { wordList } from "./words.js";

interface CompiledCue {
  readonly parts: readonly string[];
  /** The number (partId) and the length (UTF-16 units) of each part, in the order of `parts`. */
  readonly ids: readonly number[];
  readonly lengths: readonly number[];
  readonly weight: number;
}

interface CompiledIndicator {
  readonly id: string;
  readonly unit: UnitCode;
  readonly stock: boolean;
  readonly cumulative: boolean;
  readonly decrease?: string;
  /** The indicator facts of this one are reported under (itself, or the broader one of a variant). */
  readonly reportAs: string;
  readonly persons?: string;
  readonly increase?: string;
  /** Has no cues: the generic indicator of its unit (other-persons). */
  readonly generic: boolean;
  readonly cues: readonly CompiledCue[];
}

/** One cue of an indicator. */
type IndicatorCue = { readonly ind: CompiledIndicator; readonly cue: CompiledCue };

interface Compiled {
  readonly indicators: readonly CompiledIndicator[];
  readonly byId: ReadonlyMap<string, CompiledIndicator>;
  /** Every cue part (its number in `partId`), for the one-pass search of an article. */
  readonly trie: Trie<number>;
  readonly fallback: ReadonlyMap<string, string>;
  readonly countLike: ReadonlySet<string>;
  /** Every cue with its indicator, in scheme order. */
  readonly cues: readonly IndicatorCue[];
  /** A number for each cue part, and the parts of each cue of `cues` by number. */
  readonly partId: ReadonlyMap<string, number>;
  readonly cueParts: readonly (readonly number[])[];
}

let compiled: Compiled | undefined;

/** The compiled indicator tables, built on first use. */
function tables(): Compiled {
  const c = compiled ?? compile();
  compiled = c;
  return c;
}

function compile(): Compiled {
  const ind = indicatorsData();
  const units = unitsData();
  const countLike = new Set(["COUNT"]);
  for (const u of units.units) if (u.broader === "COUNT") countLike.add(u.code);
  const fallback = new Map<string, string>();
  // the parts numbered in the order of the cues (indicators in order, their cues, their parts)
  const partId = new Map<string, number>();
  const idOf = (p: string): number => {
    let id = partId.get(p);
    if (id === undefined) {
      id = partId.size;
      partId.set(p, id);
    }
    return id;
  };
  const indicators = ind.indicators.map((i) => {
    if (i.cues.length === 0 && !fallback.has(i.unit)) fallback.set(i.unit, i.id);
    return {
      id: i.id,
      unit: i.unit,
      stock: i.stock === true,
      cumulative: i.cumulative === true,
      ...(i.decrease !== undefined ? { decrease: i.decrease } : {}),
      reportAs: i.variant === true && i.broader !== undefined ? i.broader : i.id,
      ...(i.persons !== undefined ? { persons: i.persons } : {}),
      ...(i.increase !== undefined ? { increase: i.increase } : {}),
      generic: i.cues.length === 0,
      cues: i.cues.map((c) => {
        const parts = c.split("+").filter((p) => p !== "");
        return {
          parts,
          ids: parts.map(idOf),
          lengths: parts.map((p) => p.length),
          weight: parts.reduce((a, p) => a + [...p].length, 0),
        };
      }),
    };
  });
  const ids = new Set(indicators.map((i) => i.id));
  for (const i of indicators)
    for (const link of [i.decrease, i.increase, i.persons])
      if (link !== undefined && !ids.has(link))
        throw new Error(`data/indicators.json: "${i.id}" names "${link}", which is not declared`);
  const cues = indicators.flatMap((ind) => ind.cues.map((cue) => ({ ind, cue })));
  const trie = buildTrie([...partId]);
  const cueParts = cues.map(({ cue }) => cue.ids);
  return {
    indicators,
    byId: new Map(indicators.map((i) => [i.id, i])),
    fallback,
    countLike,
    trie,
    cues,
    partId,
    cueParts,
  };
}

/** For each cue part (by its number), the indices (ascending) of the cues in `cues` that have it. */
function indexByPart(cues: readonly IndicatorCue[], parts: number): (number[] | undefined)[] {
  const byPart: (number[] | undefined)[] = new Array(parts).fill(undefined);
  cues.forEach(({ cue }, k) => {
    for (const p of cue.ids) {
      const list = byPart[p];
      if (list === undefined) byPart[p] = [k];
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  return byPart;
}

/**
 * The cues of `cues` all of whose parts are `found` (by number), in their order: only those
 * with one of the found parts (through `byPart`) are tested.
 */
function withAllParts(
  cues: readonly IndicatorCue[],
  byPart: readonly (readonly number[] | undefined)[],
  found: ReadonlyMap<number, unknown>,
): IndicatorCue[] {
  // once per sentence: the indices sorted, each tested once (in an array on the heap: a typed
  // array of more than a few numbers has a buffer of its own, allocated and freed outside it)
  const candidates: number[] = [];
  for (const part of found.keys()) for (const k of byPart[part] ?? NONE) candidates.push(k);
  const n = candidates.length;
  candidates.sort((a, b) => a - b);
  const out: IndicatorCue[] = [];
  for (let i = 0; i < n; i++) {
    const k = candidates[i] as number;
    if (i > 0 && candidates[i - 1] === k) continue;
    const c = cues[k] as IndicatorCue;
    if (c.cue.ids.every((p) => found.has(p))) out.push(c);
  }
  return out;
}

/** Does an indicator's unit fit a quantity's unit? Counted things fit any count unit. */
function fits(c: Compiled, indicatorUnit: UnitCode, unit: UnitCode): boolean {
  if (indicatorUnit === unit) return true;
  return c.countLike.has(indicatorUnit) && c.countLike.has(unit);
}

/** The regions to search, from the most local to the widest, with their bonus. */
export interface CueRegions {
  readonly segment: Range;
  readonly clause: Range;
  readonly sentence: Range;
  /** Position of the number. */
  readonly at: number;
  /** Segments that belong to other quantities: their cues describe those, not this one. */
  readonly blocked: readonly Range[];
  /** The number is a level reached (降至/减少到 N): a stock, not a flow. */
  readonly level?: boolean;
  /** The number is a decrease (减少 N): of a stock, the flow it stands for. */
  readonly decrease?: boolean;
  /** The number is an increase (增加 N): of a level, the change it stands for. */
  readonly increase?: boolean;
}

/** Cues in the sentence before the number count only this close to it. */
const SENTENCE_REACH = 30;

/** Positions of every cue word in a whole article, found in one pass over the text. */
export class ArticleCues {
  /** The parts found (by number: 1 = found; an array on the heap, see withAllParts). */
  private readonly found: number[];
  /** Every occurrence in text order: its position and the number of its word (partId). */
  readonly at: number[] = [];
  readonly word: number[] = [];
  constructor(s: string) {
    const { trie: root, partId } = tables();
    const found: number[] = new Array(partId.size).fill(0);
    this.found = found;
    const negations = wordList(lexicon().raw.negations.words);
    let i = 0;
    let negated: boolean | undefined;
    const visit = (word: number): boolean => {
      negated ??= negations.endsAt(s, i);
      if (negated) return false; // 待脱贫: not an exit
      found[word] = 1;
      this.at.push(i);
      this.word.push(word);
      return true;
    };
    for (; i < s.length; i++) {
      negated = undefined;
      visitWordsAt(root, s, i, visit);
    }
  }
  private inArticle: readonly IndicatorCue[] | undefined;
  /** The cues all of whose parts occur somewhere in the article, in scheme order. */
  cuesInArticle(): readonly IndicatorCue[] {
    if (this.inArticle === undefined) {
      // the cues with a part found and all of them found (as withAllParts), by number: every cue
      // of the scheme is tested once against a table of the parts found, without a lookup by word
      const { cues, partId, cueParts } = tables();
      const found = this.found;
      const inArticle: IndicatorCue[] = [];
      cueParts.forEach((ids, k) => {
        if (ids.length > 0 && ids.every((id) => found[id] === 1)) inArticle.push(cues[k] as IndicatorCue);
      });
      this.inArticle = inArticle;
      this.cuesByPart = indexByPart(this.inArticle, partId.size);
    }
    return this.inArticle;
  }
  private cuesByPart: readonly (readonly number[] | undefined)[] | undefined;
  /** For each cue part (by number), the indices into `cuesInArticle()` of the cues that have it. */
  byPart(): readonly (readonly number[] | undefined)[] {
    this.cuesInArticle();
    return this.cuesByPart ?? [];
  }
}

/** First index in ascending `list` with a value ≥ `x`. */
function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cue words of one sentence, shared by every quantity of the sentence (the hot path: ~100
 * indicators × their cues × every number).
 */
export class CueIndex {
  /** The positions of each cue word of the sentence (by number), ascending. */
  private readonly inSentence = new Map<number, number[]>();
  private presentCues: readonly IndicatorCue[] | undefined;
  constructor(
    private readonly article: ArticleCues,
    sentence: Range,
  ) {
    const { at, word } = article;
    for (let k = lowerBound(at, sentence.start); k < at.length && (at[k] as number) < sentence.end; k++) {
      const w = word[k] as number;
      const list = this.inSentence.get(w);
      if (list === undefined) this.inSentence.set(w, [at[k] as number]);
      else list.push(at[k] as number);
    }
  }
  /** Absolute positions of the part numbered `part` inside the sentence. */
  positions(part: number): readonly number[] {
    return this.inSentence.get(part) ?? NONE;
  }
  /** The cues all of whose parts occur in the sentence, in scheme order (found once per sentence). */
  present(): readonly IndicatorCue[] {
    if (this.presentCues === undefined)
      this.presentCues = withAllParts(this.article.cuesInArticle(), this.article.byPart(), this.inSentence);
    return this.presentCues;
  }
}

const NONE: readonly number[] = [];

/** The bonus of a cue found in the number's segment, clause, and sentence before it. */
const LEVEL_BONUS = [60, 25, 0] as const;

function bestCueScore(index: CueIndex, cue: CompiledCue, regions: CueRegions): number {
  // the three regions without an array of pairs per call (this runs for every cue of every number)
  for (let level = 0; level < 3; level++) {
    const bonus = LEVEL_BONUS[level] as number;
    const range = level === 0 ? regions.segment : level === 1 ? regions.clause : undefined;
    const rangeStart = range === undefined ? regions.sentence.start : range.start;
    const rangeEnd = range === undefined ? regions.at : range.end;
    let distance = 0;
    let ok = true;
    for (let p = 0; p < cue.ids.length; p++) {
      const length = cue.lengths[p] as number;
      let pos = -1;
      for (const at of index.positions(cue.ids[p] as number)) {
        if (at < rangeStart || at + length > rangeEnd) continue;
        if (bonus === 60 || !regions.blocked.some((b) => b.start <= at && at < b.end)) pos = at;
        if (pos >= 0 && pos >= regions.at) break;
      }
      if (pos < 0) {
        ok = false;
        break;
      }
      const d = pos >= regions.at ? pos - regions.at : regions.at - (pos + length);
      distance = Math.max(distance, d);
    }
    if (ok && (bonus > 0 || distance <= SENTENCE_REACH)) return cue.weight * 10 + bonus - Math.min(distance, 30) / 3;
  }
  return -1;
}

/**
 * The indicator a fact is reported under, and the variant it was classified as: deeply poor
 * counties are poor counties, east–west cooperation funds are funds invested, so that one kind
 * of fact has one indicator across articles; the variant stays as a detail (kg:subIndicator).
 */
export function reportedIndicator(id: string): { indicator: string; variant?: string } {
  const reportAs = tables().byId.get(id)?.reportAs ?? id;
  return reportAs === id ? { indicator: id } : { indicator: reportAs, variant: id };
}

/**
 * "建卡贫困户42户139人": the people written right after households whose indicator is known
 * are the people of those households (poor households → poor population).
 */
export function personsOf(householdIndicator: string, personIndicator: string): string {
  const c = tables();
  const own = c.byId.get(personIndicator);
  if (own !== undefined && !own.generic) return personIndicator;
  return c.byId.get(householdIndicator)?.persons ?? personIndicator;
}

/**
 * "减少贫困人口3126户11230人": households (a stock, poor households) written right before people
 * classified as leaving poverty are the flow of that stock (households that left poverty), or
 * undefined when the two do not pair that way.
 */
export function exitOfHouseholds(householdIndicator: string, personIndicator: string): string | undefined {
  const c = tables();
  const flow = c.byId.get(householdIndicator)?.decrease;
  if (flow === undefined) return undefined;
  return c.byId.get(flow)?.persons === personIndicator ? flow : undefined;
}

/** Is the indicator a cumulative flow (data/indicators.json `cumulative`)? */
/** Has no cues of its own: the generic indicator of its unit (other-persons, other-count). */
export function isFallback(id: string): boolean {
  return tables().byId.get(id)?.generic ?? true;
}

export function isCumulative(id: string): boolean {
  return tables().byId.get(id)?.cumulative === true;
}

/** Chooses the indicator of a quantity of `unit` at `regions.at`. */
export function classifyIndicator(index: CueIndex, unit: UnitCode, regions: CueRegions): string {
  const c = tables();
  // an event (villages exited) beats a stock (poor villages) named in the same clause
  const best = { event: { id: "", score: 0 }, stock: { id: "", score: 0 } };
  for (const { ind, cue } of index.present()) {
    if (!fits(c, ind.unit, unit)) continue;
    const slot = ind.stock ? best.stock : best.event;
    const score = bestCueScore(index, cue, regions);
    if (score > slot.score) {
      slot.score = score;
      slot.id = ind.id;
    }
  }
  const localEvent = best.event.score >= 25 + 10;
  // "贫困人口减少到0.24万人": a level reached is what remains, not what left
  if (regions.level === true && best.stock.id !== "") return best.stock.id;
  if (best.event.id !== "" && (localEvent || best.event.score >= best.stock.score)) {
    // "收入9310元，比上年增加820元": an increase of a level is its change
    const change = regions.increase === true ? c.byId.get(best.event.id)?.increase : undefined;
    return change ?? best.event.id;
  }
  if (best.stock.id !== "") {
    // "贫困人口累计减少684万人": a decrease of the stock is the flow out of it
    const flow = regions.decrease === true ? c.byId.get(best.stock.id)?.decrease : undefined;
    return flow ?? best.stock.id;
  }
  return (
    c.fallback.get(unit) ??
    (c.countLike.has(unit) ? c.fallback.get("COUNT") : undefined) ??
    c.fallback.get("COUNT") ??
    "other-count"
  );
}
