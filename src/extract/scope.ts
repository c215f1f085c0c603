/**
 * The scope resolver for time: which period governs a number. Bindings come from nested
 * levels — the number's own group ("2014年初的4万户13万人"), its clause, its sentence, the
 * paragraph, the section (a heading), the document (headline, publication date) — and a number
 * takes the innermost one. Every binding says why: the level, the rule and the cue phrase, so a
 * wrong row can be explained (`npm run eval -- --verbose --why`).
 */
import type { Period } from "../types.js";
import type { PeriodPhrase } from "./periods.js";
import type { Quantity } from "./quantities.js";
import { respectivelyDistributed, respectiveYear } from "./respective-years.js";
import { containing, type Range, type Segmentation, type Sentence } from "./segment.js";
import { inTable, type TextTable } from "./tables.js";
import { wordList } from "./words.js";

/** The level of the text a binding comes from, innermost first. */
export type ScopeLevel = "group" | "clause" | "sentence" | "paragraph" | "section" | "document";

/** A value bound to a number by a scope, with the reason. */
export interface Binding<T> {
  readonly value: T;
  readonly level: ScopeLevel;
  /** The rule that bound it (short, stable words: "local phrase", "from-to end"). */
  readonly rule: string;
  /** The cue phrase as written in the (Simplified) text, when there is one. */
  readonly cue?: string;
}

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;

/** What the period resolver needs to know of an article. */
export interface PeriodContext {
  readonly s: string;
  readonly seg: Segmentation;
  readonly periods: readonly PeriodPhrase[];
  readonly quantities: readonly Quantity[];
  /** For each quantity, the index of the first quantity of its group ("4万户13万人"). */
  readonly groupOf: readonly number[];
  /** Periods set by section headings, by line. */
  readonly sections: ReadonlyMap<number, PeriodPhrase>;
  /** Periods set by the lead of an earlier paragraph ("今年以来，…"), by line. */
  readonly leads: ReadonlyMap<number, PeriodPhrase>;
}

/** A duration before a change: "两年减少", "6年时间减贫". */
const DURATION = /(?:\d+|[两二三四五六七八九十]+)年(?:时间|间|来)?/u;

/** The words that open the first value of a change "从X下降到Y", "由X增加至Y". */
const FROM = /[从由](?:[^，,。；;]{0,12}的)?$/u;

/**
 * Groups of quantities written together ("4万户13万人", "2.04万户、6.81万人"): the index of
 * the first member for each quantity.
 */
export function quantityGroups(s: string, quantities: readonly Quantity[]): number[] {
  const out: number[] = [];
  quantities.forEach((q, i) => {
    const prev = quantities[i - 1];
    const joined = prev !== undefined && /^[、和及与]?$/u.test(s.slice(prev.end, q.prefixStart));
    out.push(joined ? (out[i - 1] as number) : i);
  });
  return out;
}

/**
 * "从2015年底的6285户、2.29万人下降至2018年底的1867户、6700余人": for a value of the second
 * group of a change, the value of the first group with the same unit (its subject is the
 * same), or undefined when `qi` is not such a value.
 */
export function changePartner(ctx: PeriodContext, qi: number, changeTo: readonly string[]): number | undefined {
  const g = ctx.groupOf[qi] as number;
  const f = g > 0 ? (ctx.groupOf[g - 1] as number) : undefined;
  if (f === undefined) return undefined;
  const first = ctx.quantities[f] as Quantity;
  const lastOfFrom = ctx.quantities[g - 1] as Quantity;
  const head = ctx.quantities[g] as Quantity;
  const between = ctx.s.slice(lastOfFrom.end, head.prefixStart);
  if (/[，,。；;！？\n]/u.test(between) || !wordList(changeTo).occursIn(between)) return undefined;
  if (!FROM.test(ctx.s.slice(Math.max(0, first.prefixStart - 20), first.prefixStart))) return undefined;
  const unit = (ctx.quantities[qi] as Quantity).unit;
  for (let i = f; i < g; i++) if ((ctx.quantities[i] as Quantity).unit === unit) return i;
  return undefined;
}

/** Is `q` the first value of a change ("从X下降到Y"), and where does the change word end? */
function fromValue(ctx: PeriodContext, qi: number, clause: Range): boolean {
  const q = ctx.quantities[qi] as Quantity;
  if (!FROM.test(ctx.s.slice(clause.start, q.prefixStart))) return false;
  const next = ctx.quantities[qi + 1];
  return next?.changeTo === true && next.end <= clause.end;
}

/** The phrases in reach of `q` in its sentence, last first. */
function phrasesBefore(ctx: PeriodContext, q: Quantity, sentence: Sentence, clause: Range): PeriodPhrase[] {
  const paren = containing(ctx.seg.parens, q.start);
  const out: PeriodPhrase[] = [];
  for (const p of ctx.periods) {
    if (p.start < sentence.start || p.end > q.prefixStart) continue;
    const pParen = containing(ctx.seg.parens, p.start);
    if (pParen !== undefined && pParen !== paren) continue; // a phrase inside other parentheses
    if (p.reach === "clause" && !inside(clause, p.start, p.end)) continue;
    out.unshift(p);
  }
  return out;
}

/** A local phrase ("2014年底的") that governs `q`'s group. */
function localPhrase(ctx: PeriodContext, qi: number, before: readonly PeriodPhrase[]): PeriodPhrase | undefined {
  const first = ctx.quantities[ctx.groupOf[qi] as number] as Quantity;
  return before.find((p) => p.reach === "local" && /^\s*的\s*$/u.test(ctx.s.slice(p.end, first.prefixStart)));
}

/** The period of a quantity at index `qi`, with the reason, or undefined. */
export function resolvePeriod(ctx: PeriodContext, qi: number, sentence: Sentence, clause: Range) {
  const q = ctx.quantities[qi] as Quantity;
  const respective = respectiveYear(ctx.s, ctx.periods, ctx.quantities, qi, sentence);
  if (respective !== undefined)
    return {
      value: { start: respective.year, end: respective.year, phrase: respective.phrase.period.phrase },
      level: "group",
      rule: "分别: each number its own year, in order",
      cue: respective.phrase.period.phrase,
    } satisfies Binding<Period>;
  const before = phrasesBefore(ctx, q, sentence, clause);
  const local = localPhrase(ctx, qi, before);
  if (local !== undefined) return bind(local, "group", "local phrase");
  const scoped = before.find((p) => p.reach !== "local");
  // "从2015年底的59万人下降到2017年底的33万人": the dated values of a change, last first
  const opensChange = (p: PeriodPhrase) => FROM.test(ctx.s.slice(sentence.start, p.start));
  const dated = before.filter((p) => p.reach === "local" && (scoped === undefined || p.start > scoped.start));
  const from = dated.find(opensChange);
  const to = from === undefined ? undefined : dated.find((p) => p.start > from.start);
  // "…，贫困发生率由41%下降到1.8%": the values of a parallel change take the same dates
  const prev = ctx.quantities[qi - 1];
  const role = fromValue(ctx, qi, clause)
    ? from
    : q.changeTo && prev !== undefined && fromValue(ctx, qi - 1, clause)
      ? to
      : undefined;
  if (role !== undefined) {
    const y = role === from ? (role.period.start ?? role.period.end) : (role.period.end ?? role.period.start);
    if (y !== undefined)
      return {
        value: { start: y, end: y, phrase: role.period.phrase },
        level: "sentence",
        rule: "value of a change like the parallel one",
        cue: role.period.phrase,
      } satisfies Binding<Period>;
  }
  // "…，两年减少贫困人口26万人": the change between two dated values spans both dates
  const isChange = q.direction !== undefined || DURATION.test(ctx.s.slice(clause.start, q.prefixStart));
  if (from !== undefined && to !== undefined && isChange) {
    const start = from.period.start ?? from.period.end;
    const end = to.period.end ?? to.period.start;
    if (start !== undefined && end !== undefined && start < end)
      return {
        value: { start, end, phrase: `${from.period.phrase}…${to.period.phrase}` },
        level: "sentence",
        rule: "change between dated values",
        cue: `${from.period.phrase}…${to.period.phrase}`,
      } satisfies Binding<Period>;
  }
  if (scoped !== undefined) return refine(ctx, qi, clause, scoped, before, "sentence");
  // "18个县在2018年实现脱贫摘帽": a scope phrase later in the same clause
  const paren = containing(ctx.seg.parens, q.start);
  const later = ctx.periods.find(
    (p) =>
      p.start >= q.end && p.end <= clause.end && p.reach === "scope" && containing(ctx.seg.parens, p.start) === paren,
  );
  if (later !== undefined) return bind(later, "clause", "phrase later in the clause");
  // "该村人均纯收入从2013年的1668元增加到2019年的14668元，村集体经济收入多达200万元": a sentence
  // with dates of its own takes no time from the sentences before it
  if (dated.length > 0 && !q.changeTo && !fromValue(ctx, qi, clause)) return undefined;
  const carried = carriedPhrase(ctx, sentence);
  if (carried !== undefined) return refine(ctx, qi, clause, carried, [], "paragraph");
  const section = ctx.sections.get(sentence.line);
  if (section !== undefined) return refine(ctx, qi, clause, section, [], "section");
  const lead = ctx.leads.get(sentence.line);
  if (lead !== undefined) return refine(ctx, qi, clause, lead, [], "section");
  return undefined;
}

function bind(p: PeriodPhrase, level: ScopeLevel, rule: string): Binding<Period> {
  return { value: p.period, level, rule, cue: p.period.phrase };
}

/**
 * A phrase in scope, refined by the number's role: a comparison base ("较2015年增加2965元")
 * runs to the period of the sentence; the two values of a change ("从36.6%下降到13.2%") under
 * a span ("2011年至2015年") are its two ends.
 */
function refine(
  ctx: PeriodContext,
  qi: number,
  clause: Range,
  p: PeriodPhrase,
  before: readonly PeriodPhrase[],
  level: ScopeLevel,
): Binding<Period> {
  const q = ctx.quantities[qi] as Quantity;
  const { start, end } = p.period;
  if (p.kind === "comparison") {
    const outer = before.find((x) => x !== p && x.reach === "scope" && x.kind !== "comparison");
    const outerEnd = outer?.period.end ?? outer?.period.start;
    if (start !== undefined && outerEnd !== undefined && outerEnd > start)
      return {
        value: { start, end: outerEnd, phrase: `${outer?.period.phrase}…${p.period.phrase}` },
        level,
        rule: "comparison base to the sentence's time",
        cue: p.period.phrase,
      };
    return bind(p, level, "comparison base");
  }
  if (start !== undefined && end !== undefined && start < end) {
    if (q.changeTo && ctx.quantities[qi - 1] !== undefined && fromValue(ctx, qi - 1, clause))
      return { value: { start: end, end, phrase: p.period.phrase }, level, rule: "from-to end", cue: p.period.phrase };
    if (fromValue(ctx, qi, clause))
      return {
        value: { start, end: start, phrase: p.period.phrase },
        level,
        rule: "from-to start",
        cue: p.period.phrase,
      };
  }
  // the first value of a change under 截至 is not at that date: no stock rule for it
  if (fromValue(ctx, qi, clause)) return bind(p, level, FROM_VALUE);
  return bind(p, level, level === "sentence" ? "phrase in the sentence" : `phrase of the ${level}`);
}

/** The rule of a change's first value whose date is unknown (the stock rule leaves it alone). */
export const FROM_VALUE = "first value of a change";

/** Longest line that can be a section heading ("一、2015年以来的成效"). */
export const MAX_HEADING = 30;

/** A short line without a full stop: a heading ("一、2015年以来的成效", "（二）基础设施"). */
function isHeading(text: string): boolean {
  // at most MAX_HEADING code points (a UTF-16 length within the limit needs no count)
  if (text.length > MAX_HEADING && (text.length > 2 * MAX_HEADING || [...text].length > MAX_HEADING)) return false;
  return !/[。！？!?；;]/u.test(text);
}

/**
 * The period a section heading gives to the lines under it: a short line without a full stop
 * that holds a period phrase starts a section; another heading ends it.
 */
export function sectionPeriods(
  s: string,
  seg: Segmentation,
  periods: readonly PeriodPhrase[],
  title: Range | undefined,
  tables: readonly TextTable[] = [],
): Map<number, PeriodPhrase> {
  const out = new Map<number, PeriodPhrase>();
  let current: PeriodPhrase | undefined;
  seg.lines.forEach((line, i) => {
    const text = s.slice(line.start, line.end).trim();
    if (text === "" || line.boilerplate || line === title) return;
    if (isHeading(text) && !inTable(tables, line)) {
      current = periods.find((p) => p.reach === "scope" && inside(line, p.start, p.end));
      return;
    }
    if (current !== undefined) out.set(i, current);
  });
  return out;
}

/** What may stand before a paragraph's lead time: list numbering, 据悉, the speaker of an answer (答：, 张某：). */
const LEAD_PREFIX =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、是]|\d+[、.．]|据(?:悉|了解|介绍|统计)[，,]|答[：:]|\p{Script=Han}{2,4}[：:])?[\s\u3000]*$/u;

/**
 * "今年以来，全县…" opening a paragraph, or a time in the title: a time stated once governs
 * what follows — the paragraphs after it that state no time of their own — until another time
 * is stated (a paragraph's own time, a heading with a time, another lead).
 */
export function leadPeriods(
  s: string,
  seg: Segmentation,
  periods: readonly PeriodPhrase[],
  title: Range | undefined,
  tables: readonly TextTable[] = [],
): Map<number, PeriodPhrase> {
  const out = new Map<number, PeriodPhrase>();
  // the title's time ("陇南市2020年脱贫攻坚工作综述") leads the whole document
  let current: PeriodPhrase | undefined =
    title === undefined ? undefined : periods.find((p) => p.reach === "scope" && inside(title, p.start, p.end));
  seg.lines.forEach((line, i) => {
    const text = s.slice(line.start, line.end).trim();
    if (text === "" || line.boilerplate || line === title) return;
    if (isHeading(text) && !inTable(tables, line)) {
      // a heading with a time of its own starts a section with that time (sectionPeriods);
      // one without ("一、主要成效") states no time, so the lead goes on
      if (periods.some((p) => p.reach === "scope" && inside(line, p.start, p.end))) current = undefined;
      return;
    }
    const own = periods.filter((p) => p.reach !== "local" && inside(line, p.start, p.end));
    const first = own[0];
    if (
      first !== undefined &&
      first.reach === "scope" &&
      LEAD_PREFIX.test(s.slice(afterDateline(seg, line), first.start)) &&
      /^[\s]*[，,]/u.test(s.slice(first.end, first.end + 2)) &&
      // a span whose years 分别 hands out one by one is used up in its sentence
      respectivelyDistributed(s, [first], line)?.phrase !== first
    ) {
      current = first;
      return;
    }
    // another time is stated: the lead ends (a bare date such as 1至10月 dates its sentence only)
    if (own.some((p) => p.carries)) current = undefined;
    else if (current !== undefined) out.set(i, current);
  });
  return out;
}

/** Where a line's text starts after its dateline ("陇南日报讯（记者 某某）"), if it has one. */
function afterDateline(seg: Segmentation, line: Range): number {
  const d = seg.excluded.find((r) => r.start === line.start && r.end <= line.end);
  return d === undefined ? line.start : d.end;
}

/**
 * The phrase a sentence without one of its own takes from the sentences before it in the
 * same paragraph: "2016年以来，全市投入资金12亿元。建成基地45个。" dates both.
 */
function carriedPhrase(ctx: PeriodContext, sentence: Sentence): PeriodPhrase | undefined {
  const sentences = ctx.seg.sentences;
  for (let i = sentences.indexOf(sentence) - 1; i >= 0; i--) {
    const prev = sentences[i] as Sentence;
    if (prev.line !== sentence.line) return undefined;
    const own = ctx.periods.filter(
      (p) => p.reach === "scope" && inside(prev, p.start, p.end) && containing(ctx.seg.parens, p.start) === undefined,
    );
    const last = own.at(-1);
    if (last !== undefined) return last.carries ? last : undefined;
  }
  return undefined;
}
