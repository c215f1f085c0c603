/**
 * What every template of one article shares: the place it reports on, its report year and
 * publication date, and helpers that append a number with its answer to the article.
 */
import { type Division, levelWord } from "./divisions.js";
import type { Doc, GoldPeriod, GoldUnit } from "./doc.js";
import type { Num } from "./numbers.js";
import type { Random } from "./random.js";

/** The state of one article being written. */
export interface Ctx {
  readonly rng: Random;
  readonly doc: Doc;
  readonly place: Division;
  /** The year the report is about (2013–2021). */
  readonly year: number;
  /** Year of the publication date, or null when the article has none. */
  readonly pubYear: number | null;
  /** Size of the numbers: 1 for a county, more for a prefecture or province. */
  readonly scale: number;
  /** Names of other places the article mentions (gold `places_mentioned`). */
  readonly mentioned: Map<string, string>;
}

/** A time phrase that opens a sentence and the period it gives the facts after it. */
export interface PeriodPhrase {
  readonly phrase: string;
  readonly period: GoldPeriod;
  /** Whether the verb should say 累计 (cumulative). */
  readonly cumulative: boolean;
}

const p = (start: number | null, end: number | null): GoldPeriod => ({ start, end });

/** A period for a flow (people lifted out, roads built, funds invested) up to the report year. */
export function flowPeriod(ctx: Ctx): PeriodPhrase {
  const { rng, year: y } = ctx;
  const s = y > 2013 ? rng.int(2013, y - 1) : 2013;
  const options: PeriodPhrase[] = [{ phrase: `${y}年，`, period: p(y, y), cumulative: false }];
  if (y > 2013) {
    options.push({ phrase: `${rng.pick(["", "自"])}${s}年以来，`, period: p(s, null), cumulative: true });
    options.push({ phrase: `${s}年至${y}年，`, period: p(s, y), cumulative: true });
  }
  options.push({ phrase: `截至${y}年底，`, period: p(null, y), cumulative: true });
  if (y >= 2020) options.push({ phrase: "“十三五”期间，", period: p(2016, 2020), cumulative: true });
  if (ctx.pubYear === y + 1) options.push({ phrase: "去年，", period: p(y, y), cumulative: false });
  return rng.pick(options);
}

/** A point in time for a stock (poor population, incidence) in `year`. */
export function stockPhrase(ctx: Ctx, year: number): PeriodPhrase {
  const phrase = ctx.rng.pick([`${year}年底，`, `截至${year}年底，`, `到${year}年末，`]);
  return { phrase, period: p(year, year), cumulative: false };
}

/** How a sentence names the place it is about: its name, 全县/全市/全省, or 我县. */
export function self(ctx: Ctx, atStart = true): string {
  const lw = levelWord(ctx.place);
  const options = [ctx.place.name, `全${lw}`, `全${lw}`];
  if (atStart) options.push(`我${lw}`);
  return ctx.rng.pick(options);
}

/** Options of one appended number. */
export interface FactOptions {
  readonly unit: GoldUnit;
  readonly category: string | null;
  readonly label: string;
  readonly period: GoldPeriod;
  readonly place?: string;
  readonly optional?: boolean;
  readonly dup?: boolean;
  readonly direction?: "increase" | "decrease";
  readonly bound?: "below" | "above";
}

/** Appends a number and its answer. */
export function put(ctx: Ctx, n: Num, o: FactOptions): void {
  ctx.doc.fact(n.quote, {
    value: n.value,
    unit: o.unit,
    place: o.place ?? ctx.place.code,
    period: o.period,
    approximate: n.approximate,
    category: o.category,
    label: o.label,
    ...(o.direction ? { direction: o.direction } : {}),
    ...(o.bound ? { bound: o.bound } : {}),
    ...(o.optional ? { optional: true } : {}),
    ...(o.dup ? { dup: true } : {}),
  });
}

/** A random size around `base × scale`. */
export function size(ctx: Ctx, base: number, spread = 0.8): number {
  return base * ctx.scale * (1 - spread / 2 + ctx.rng.next() * spread);
}
