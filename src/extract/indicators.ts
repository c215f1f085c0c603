/**
 * Indicator classification: which concept of the indicator scheme (data/indicators.json) a
 * quantity measures, from the cue words around it. A cue "A+B" needs both parts in the
 * region. Cues in the number's own segment count most, then its clause, then the sentence
 * before it. Only indicators whose unit fits the quantity compete; when no cue fits, the
 * generic indicator of the unit is used, so no fact is ever dropped.
 */
import { readFileSync } from "node:fs";
import type { UnitCode } from "../types.js";
import type { Range } from "./segment.js";

interface IndicatorEntry {
  readonly id: string;
  readonly unit: UnitCode;
  readonly cues: readonly string[];
  /** A stock (how many poor villages there are) rather than an event (how many exited). */
  readonly stock?: boolean;
}

interface UnitEntry {
  readonly code: string;
  readonly isCount?: boolean;
  readonly broader?: string;
}

interface CompiledCue {
  readonly parts: readonly string[];
  readonly weight: number;
}

interface Compiled {
  readonly indicators: readonly { id: string; unit: UnitCode; stock: boolean; cues: readonly CompiledCue[] }[];
  readonly fallback: ReadonlyMap<string, string>;
  readonly countLike: ReadonlySet<string>;
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  const ind = JSON.parse(readFileSync(new URL("../../data/indicators.json", import.meta.url), "utf8")) as {
    indicators: IndicatorEntry[];
  };
  const units = JSON.parse(readFileSync(new URL("../../data/units.json", import.meta.url), "utf8")) as {
    units: UnitEntry[];
  };
  const countLike = new Set(["COUNT"]);
  for (const u of units.units) if (u.broader === "COUNT") countLike.add(u.code);
  const fallback = new Map<string, string>();
  const indicators = ind.indicators.map((i) => {
    if (i.cues.length === 0 && !fallback.has(i.unit)) fallback.set(i.unit, i.id);
    return {
      id: i.id,
      unit: i.unit,
      stock: i.stock === true,
      cues: i.cues.map((c) => {
        const parts = c.split("+").filter((p) => p !== "");
        return { parts, weight: parts.reduce((a, p) => a + [...p].length, 0) };
      }),
    };
  });
  return { indicators, fallback, countLike };
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
}

/** Cues in the sentence before the number count only this close to it. */
const SENTENCE_REACH = 30;

/**
 * Positions of cue words in one sentence, found once and shared by every quantity of the
 * sentence (the hot path: ~100 indicators × their cues × every number).
 */
export class CueIndex {
  private readonly cache = new Map<string, number[]>();
  constructor(
    private readonly s: string,
    private readonly sentence: Range,
  ) {}
  /** Absolute positions of `part` inside the sentence. */
  positions(part: string): readonly number[] {
    let list = this.cache.get(part);
    if (list === undefined) {
      list = [];
      const text = this.s.slice(this.sentence.start, this.sentence.end);
      for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) list.push(this.sentence.start + i);
      this.cache.set(part, list);
    }
    return list;
  }
}

function bestCueScore(index: CueIndex, cue: CompiledCue, regions: CueRegions): number {
  const levels: [Range, number][] = [
    [regions.segment, 60],
    [regions.clause, 25],
    [{ start: regions.sentence.start, end: regions.at }, 0],
  ];
  for (const [range, bonus] of levels) {
    let distance = 0;
    let ok = true;
    for (const part of cue.parts) {
      let pos = -1;
      for (const at of index.positions(part)) {
        if (at < range.start || at + part.length > range.end) continue;
        if (bonus === 60 || !regions.blocked.some((b) => b.start <= at && at < b.end)) pos = at;
        if (pos >= 0 && pos >= regions.at) break;
      }
      if (pos < 0) {
        ok = false;
        break;
      }
      const d = pos >= regions.at ? pos - regions.at : regions.at - (pos + part.length);
      distance = Math.max(distance, d);
    }
    if (ok && (bonus > 0 || distance <= SENTENCE_REACH)) return cue.weight * 10 + bonus - Math.min(distance, 30) / 3;
  }
  return -1;
}

/** Chooses the indicator of a quantity of `unit` at `regions.at`. */
export function classifyIndicator(index: CueIndex, unit: UnitCode, regions: CueRegions): string {
  compiled ??= compile();
  // an event (villages exited) beats a stock (poor villages) named in the same clause
  const best = { event: { id: "", score: 0 }, stock: { id: "", score: 0 } };
  for (const ind of compiled.indicators) {
    if (!fits(compiled, ind.unit, unit)) continue;
    const slot = ind.stock ? best.stock : best.event;
    for (const cue of ind.cues) {
      const score = bestCueScore(index, cue, regions);
      if (score > slot.score) {
        slot.score = score;
        slot.id = ind.id;
      }
    }
  }
  const localEvent = best.event.score >= 25 + 10;
  if (best.event.id !== "" && (localEvent || best.event.score >= best.stock.score)) return best.event.id;
  if (best.stock.id !== "") return best.stock.id;
  return (
    compiled.fallback.get(unit) ??
    (compiled.countLike.has(unit) ? compiled.fallback.get("COUNT") : undefined) ??
    compiled.fallback.get("COUNT") ??
    "other-count"
  );
}
