/**
 * Period phrases: 2019年, 2019年底, 2016年以来, 2017年至2019年, 到2020年底, 较2017年,
 * “十三五”期间, 十八大以来, 今年/去年/近3年/五年来/目前 (with the publication year), 4月26日.
 * Each phrase says how far it reaches: the rest of its sentence (scope), only the number it
 * modifies ("2014年底的3120元": local), or only its clause (comparison base "较2017年").
 */
import type { Period } from "../types.js";
import { alternation, lexicon } from "./lexicon.js";
import { parseChineseNumeral } from "./numbers.js";
import type { Range } from "./segment.js";

/** How far a period phrase reaches. */
export type Reach = "scope" | "local" | "clause";

/** What kind of phrase gave a period: it decides how the phrase combines with others. */
export type PhraseKind =
  | "range"
  | "list"
  | "since"
  | "until"
  | "comparison"
  | "year"
  | "plan"
  | "congress"
  | "recent"
  | "relative"
  | "now"
  | "date";

/** A period phrase found in the text (UTF-16 indices of the Simplified copy). */
export interface PeriodPhrase extends Range {
  readonly period: Period;
  readonly reach: Reach;
  readonly kind: PhraseKind;
  /** Bare dates (4月26日) and "now" (目前) date their own sentence only; other phrases carry on. */
  readonly carries: boolean;
}

const Y = "((?:19|20)\\d\\d)\\s*年";
interface Compiled {
  readonly re: RegExp;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  const p = lexicon().raw.periods;
  const any = (words: Iterable<string>) => `(?:${alternation(words)})`;
  // 2019年底, 2019年年底, 2019年度
  const suffix = `${any(p.afterYear)}?`;
  const join = any(p.listJoin);
  // a number of years: 3, 三; 十二
  const N = "\\d{1,2}|[两二三四五六七八九十]";
  const NN = "\\d{1,2}|[两二三四五六七八九十]{1,2}";
  const parts = [
    // 0 several years: 2014、2015年, 2016年、2017年, 2014年和2015年
    `(?<list>((?:19|20)\\d\\d)\\s*年?${suffix}(?:\\s*${join}\\s*(?:19|20)\\d\\d\\s*年?${suffix})*\\s*${join}\\s*((?:19|20)\\d\\d)\\s*年${suffix})`,
    // 1 range: 2017年至2019年, 2016-2020年
    `(?<range>${any(p.from)}?${Y}${suffix}\\s*${any([...p.rangeTo, ...p.dashes])}\\s*((?:19|20)\\d\\d)\\s*年${suffix})`,
    `(?<range2>((?:19|20)\\d\\d)\\s*${any(p.dashes)}\\s*((?:19|20)\\d\\d)\\s*年)`,
    // 2b before: 2017年以前 (up to that year)
    `(?<before>${Y}${suffix}${any(p.before)})`,
    // 2 since: 自2015年以来, 2016年来, 2016年至今, 从2015年开始, 2015年起, 自2014年精准扶贫实施以来
    `(?<since>${any(p.from)}?${Y}${suffix}(?:${alternation(p.since)}|${any(p.sinceStart.words)}(?!${any(p.sinceStart.notBefore)}))|${any(p.from)}${Y}[\\p{Script=Han}“”"‘’]{1,12}?${any(p.sinceEvent)})`,
    // 3 until: 到2020年底, 截至2019年
    `(?<until>${any(p.until)}\\s*${Y}${suffix})`,
    // 4 comparison: 较2017年, 比2015年
    `(?<cmp>${any(p.comparison)}\\s*${Y}${suffix})`,
    // 5 year: 2019年, 2019年底
    `(?<year>${Y}${suffix})`,
    // 6 five-year plans
    `(?<plan>[“‘]?(${alternation(Object.keys(p.fiveYearPlans))})[”’]?(${alternation(p.afterPlan)})?)`,
    // 7 congresses
    `(?<congress>${any(p.congress.before)}?(${alternation(Object.keys(p.congresses))})${any(p.congress.after)}?${any(p.congress.since)})`,
    // 8 recent years: 近3年, 近三年来, 过去五年, 五年累计, 经过七年努力
    `(?<recent>${any(p.recent.before)}(${N})年${any(p.recent.after)}?|(?<![\\d年])(${NN})年${any(p.recent.after)}|${any(p.recent.past)}(${NN})年(?![\\d底末初])|(?<![\\d年第])(${NN})年(?=${any(p.recent.totalAfter)})|${any(p.recent.through)}(${NN})年(?![\\d底末初])(?:多)?(?:的)?${any(p.recent.effort)}?)`,
    // 9a years by reference to the one stated before: 同年, 次年
    `(?<anaphor>(?<![今去明前上本])${any(Object.keys(p.anaphoricYears.offsets))})`,
    // 9 relative years and now
    `(?<rel>(?<relcmp>${alternation(p.relative.comparison)})?(${alternation(Object.keys(p.relativeYears))})(${alternation(p.relative.after)})?)`,
    `(?<now>${alternation(p.now)})`,
    // 10 dates without a year: 4月26日, 11月底
    `(?<date>(?<![\\d年])(\\d{1,2})月(?:\\d{1,2}日|${alternation(p.dateAfter)})?)`,
  ];
  return { re: new RegExp(parts.join("|"), "gu") };
}

let recentLeadRe: RegExp | undefined;
/** The words before the number of a recent-years phrase (近三年, 经过七年, 过去五年) and the number. */
function recentLead(): RegExp {
  const r = lexicon().raw.periods.recent;
  recentLeadRe ??= new RegExp(`^(?:${alternation([...r.before, ...r.through, ...r.past])})?([^年]+)年`, "u");
  return recentLeadRe;
}

/** Finds every period phrase in `s`; relative phrases resolve only when `publishedYear` is known. */
export function findPeriods(s: string, publishedYear: number | undefined, publishedMonth?: number): PeriodPhrase[] {
  compiled ??= compile();
  const p = lexicon().raw.periods;
  const out: PeriodPhrase[] = [];
  const re = compiled.re;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const g = m.groups ?? {};
    const phrase = m[0];
    const start = m.index;
    const end = start + phrase.length;
    // a year glued to a preceding digit is not a year ("12019年")
    if (start > 0 && /\d/u.test(s[start - 1] as string) && /^\d/u.test(phrase)) continue;
    let period: Period | undefined;
    let reach: Reach = "scope";
    let kind: PhraseKind;
    const nums = m.slice(1).filter((x): x is string => x !== undefined && /^\d+$/u.test(x));
    if (g.list !== undefined) {
      kind = "list";
      period = { start: Number(nums[0]), end: Number(nums.at(-1)), phrase };
    } else if (g.range !== undefined || g.range2 !== undefined) {
      kind = "range";
      period = { start: Number(nums[0]), end: Number(nums[1]), phrase };
    } else if (g.since !== undefined) {
      kind = "since";
      period = { start: Number(nums[0]), phrase };
    } else if (g.before !== undefined) {
      kind = "until";
      period = { end: Number(nums[0]), phrase };
    } else if (g.anaphor !== undefined) {
      kind = "relative";
      const stated = out.findLast((x) => x.kind !== "relative" && (x.period.end ?? x.period.start) !== undefined);
      const base = stated?.period.end ?? stated?.period.start;
      const fallback = p.relativeYears[phrase];
      const y =
        base !== undefined
          ? base + (p.anaphoricYears.offsets[phrase] as number)
          : fallback !== undefined && publishedYear !== undefined
            ? publishedYear + fallback
            : undefined;
      if (y !== undefined) period = { start: y, end: y, phrase };
    } else if (g.until !== undefined) {
      kind = "until";
      period = { end: Number(nums[0]), phrase };
    } else if (g.cmp !== undefined) {
      kind = "comparison";
      period = { start: Number(nums[0]), phrase };
      reach = "clause";
    } else if (g.year !== undefined) {
      kind = "year";
      const y = Number(nums[0]);
      period = { start: y, end: y, phrase };
    } else if (g.plan !== undefined) {
      kind = "plan";
      const name = Object.keys(p.fiveYearPlans).find((k) => phrase.includes(k)) ?? "";
      const years = p.fiveYearPlans[name];
      if (years)
        period = phrase.endsWith("以来") ? { start: years[0], phrase } : { start: years[0], end: years[1], phrase };
    } else if (g.congress !== undefined) {
      kind = "congress";
      const name = Object.keys(p.congresses).find((k) => phrase.includes(k));
      if (name !== undefined) period = { start: p.congresses[name] as number, phrase };
    } else if (g.recent !== undefined) {
      kind = "recent";
      if (publishedYear !== undefined) {
        const n = /\d+/u.test(phrase)
          ? Number(/\d+/u.exec(phrase)?.[0])
          : (parseChineseNumeral(recentLead().exec(phrase)?.[1] ?? "") ?? 0);
        // the last N calendar years: up to the publication year, or the year before when the
        // article appears in its first quarter (a work report of January 2021 on 过去五年: 2016–2020)
        const end = publishedMonth !== undefined && publishedMonth <= 3 ? publishedYear - 1 : publishedYear;
        period = { start: end - n + 1, end, phrase };
      }
    } else if (g.rel !== undefined) {
      kind = "relative";
      const word = Object.keys(p.relativeYears).find((k) => phrase.startsWith(k, g.relcmp?.length ?? 0));
      if (publishedYear !== undefined && word !== undefined) {
        const y = publishedYear + (p.relativeYears[word] as number);
        // "比上年增长10.2%": year on year, relative to the year the sentence is about, not a
        // period of its own; the figure keeps the sentence's period
        if (g.relcmp !== undefined) continue;
        period = { start: y, end: y, phrase };
      }
    } else {
      kind = g.now !== undefined ? "now" : "date";
      // "截至目前", "目前", "至此": up to now, like 截至2019年 (a stock is then dated now, a
      // cumulative flow keeps its open start); a bare date (4月26日) is a point
      if (publishedYear !== undefined)
        period =
          g.now !== undefined ? { end: publishedYear, phrase } : { start: publishedYear, end: publishedYear, phrase };
    }
    // a relative phrase without a publication date still says "this sentence has its own time":
    // it gets a period without years (undated), and nothing is carried into it
    if (period === undefined) {
      if (
        g.recent === undefined &&
        g.rel === undefined &&
        g.anaphor === undefined &&
        g.now === undefined &&
        g.date === undefined
      )
        continue;
      if (g.relcmp !== undefined) continue;
      period = { phrase };
    }
    // "2014年底的3120元": the phrase modifies only the number after it
    if (/^\s*的\s*[\d一二两三四五六七八九十]/u.test(s.slice(end, end + 4))) {
      const y = period.end ?? period.start;
      reach = "local";
      if (y !== undefined && g.until !== undefined) period = { start: y, end: y, phrase };
    }
    // bare dates and "now" (目前, 至此) describe the moment of writing: they do not carry
    out.push({ start, end, period, reach, kind, carries: g.date === undefined && g.now === undefined });
  }
  return out;
}
