/**
 * Sentence templates for the core kinds of fact of ../shared/corpus/GUIDELINES.md, several
 * phrasings each. Every template appends one sentence (ending in 。) with its numbers and their
 * answers. The wording is this project's own.
 */
import { type Ctx, flowPeriod, put, self, size, stockPhrase } from "./context.js";
import type { GoldPeriod } from "./doc.js";
import { amount, count, decimalNum, money, yuan } from "./numbers.js";

type Template = (ctx: Ctx) => void;

const persons = (ctx: Ctx, base: number) => amount(ctx.rng, size(ctx, base), "人");
const households = (ctx: Ctx, base: number) => amount(ctx.rng, size(ctx, base), "户");

/** Two years s < e within 2013..year (or both 2013). */
function span(ctx: Ctx): [number, number] {
  const e = ctx.year;
  const s = e > 2013 ? ctx.rng.int(2013, e - 1) : 2013;
  return [s, e];
}

/** A state reached by a date ("截至2019年底，N个村全部通路") is a stock at that date, not a flow. */
function atDate(p: GoldPeriod): GoldPeriod {
  return p.start === null ? { start: p.end, end: p.end } : p;
}

const exitPersons: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    const form = ctx.rng.int(0, 5);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}减贫${form === 0 ? "近" : ""}`);
    const n = form <= 1 ? amount(ctx.rng, size(ctx, 30000), "人", { approx: false }) : persons(ctx, 30000);
    put(
      ctx,
      form === 1
        ? { quote: `${n.quote}以上`, value: n.value, approximate: true }
        : form === 0
          ? { ...n, approximate: true }
          : n,
      {
        unit: "PERSON",
        category: "POVERTY_EXIT_PERSONS",
        label: "people lifted out of poverty",
        period: t.period,
        ...(form === 1 ? { bound: "above" as const } : {}),
      },
    );
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}共有`);
    put(ctx, households(ctx, 9000), {
      unit: "HOUSEHOLD",
      category: "POVERTY_EXIT_HOUSEHOLDS",
      label: "households lifted out of poverty",
      period: t.period,
    });
    put(ctx, persons(ctx, 30000), {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "people lifted out of poverty",
      period: t.period,
    });
    ctx.doc.text(`实现${ctx.rng.pick(["稳定", ""])}脱贫。`);
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}减少农村贫困人口`);
    put(ctx, persons(ctx, 30000), {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "reduction of the rural poor population",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}脱贫`);
    put(ctx, households(ctx, 9000), {
      unit: "HOUSEHOLD",
      category: "POVERTY_EXIT_HOUSEHOLDS",
      label: "households lifted out of poverty",
      period: t.period,
    });
    ctx.doc.text("、");
    put(ctx, persons(ctx, 30000), {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "people lifted out of poverty",
      period: t.period,
    });
    ctx.doc.text("。");
  },
];

function stockAt(ctx: Ctx): void {
  const y = ctx.rng.int(2013, ctx.year);
  const t = stockPhrase(ctx, y);
  ctx.doc.text(`${t.phrase}${self(ctx)}有建档立卡贫困户`);
  put(ctx, households(ctx, 12000), {
    unit: "HOUSEHOLD",
    category: "POOR_HOUSEHOLDS",
    label: "registered poor households",
    period: t.period,
  });
  ctx.doc.text("、贫困人口");
  put(ctx, persons(ctx, 40000), {
    unit: "PERSON",
    category: "POOR_POPULATION",
    label: "registered poor population",
    period: t.period,
  });
  ctx.doc.text("，贫困发生率为");
  put(ctx, decimalNum(ctx.rng.next() * 30 + 3, ctx.rng.int(1, 2), "%"), {
    unit: "PERCENT",
    category: "POVERTY_INCIDENCE",
    label: "poverty incidence",
    period: t.period,
  });
  ctx.doc.text("。");
}

const poorStock: Template[] = [
  stockAt,
  (ctx) => {
    if (ctx.year === 2013) return stockAt(ctx);
    const [s, e] = span(ctx);
    const r1 = decimalNum(ctx.rng.next() * 30 + 5, 1, "%");
    const r2 = decimalNum(ctx.rng.next() * 2.5 + 0.1, 2, "%");
    ctx.doc.text(`${self(ctx)}建档立卡贫困人口由${s}年底的`);
    put(ctx, persons(ctx, 40000), {
      unit: "PERSON",
      category: "POOR_POPULATION",
      label: "poor population (from)",
      period: { start: s, end: s },
    });
    ctx.doc.text(`${ctx.rng.pick(["减少到", "减少至", "下降到"])}${e}年底的`);
    put(ctx, persons(ctx, 900), {
      unit: "PERSON",
      category: "POOR_POPULATION",
      label: "poor population (to)",
      period: { start: e, end: e },
    });
    ctx.doc.text("，贫困发生率由");
    put(ctx, r1, {
      unit: "PERCENT",
      category: "POVERTY_INCIDENCE",
      label: "poverty incidence (from)",
      period: { start: s, end: s },
    });
    ctx.doc.text(`${ctx.rng.pick(["下降至", "降至", "降低到"])}`);
    put(ctx, r2, {
      unit: "PERCENT",
      category: "POVERTY_INCIDENCE",
      label: "poverty incidence (to)",
      period: { start: e, end: e },
    });
    if (ctx.rng.chance(0.5)) {
      ctx.doc.text("，下降");
      const pp = decimalNum(r1.value - r2.value, 2, "个百分点");
      put(ctx, pp, {
        unit: "PERCENTAGE_POINT",
        category: null,
        label: "fall of the incidence",
        period: { start: s, end: e },
        direction: "decrease",
      });
    }
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = stockPhrase(ctx, ctx.year);
    ctx.doc.text(`${t.phrase}${self(ctx)}${ctx.rng.pick(["剩余未脱贫人口", "还有未脱贫人口"])}`);
    put(ctx, persons(ctx, 1500), {
      unit: "PERSON",
      category: "POOR_POPULATION",
      label: "poor population remaining",
      period: t.period,
    });
    ctx.doc.text("，贫困发生率");
    const below = ctx.rng.chance(0.4);
    if (below) {
      const r = decimalNum(ctx.rng.int(1, 3), 0, "%");
      const after = ctx.rng.chance(0.5);
      ctx.doc.text(after ? "降至" : "低于");
      put(
        ctx,
        { ...r, quote: after ? `${r.quote}以下` : r.quote, approximate: true },
        {
          unit: "PERCENT",
          category: "POVERTY_INCIDENCE",
          label: "poverty incidence (below)",
          period: t.period,
          bound: "below",
        },
      );
      ctx.doc.text("。");
      return;
    }
    ctx.doc.text("降至");
    put(ctx, decimalNum(ctx.rng.next() * 2 + 0.1, 2, "%"), {
      unit: "PERCENT",
      category: "POVERTY_INCIDENCE",
      label: "poverty incidence",
      period: t.period,
    });
    ctx.doc.text("。");
  },
];

const villages: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}`);
    put(ctx, count(ctx.rng, Math.round(size(ctx, 60)), "个"), {
      unit: "COUNT",
      category: "VILLAGES_EXITED",
      label: "poor villages exited",
      period: t.period,
    });
    ctx.doc.text(`贫困村${ctx.rng.pick(["全部出列", "全部退出", "实现退出"])}。`);
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}退出贫困村`);
    put(ctx, count(ctx.rng, Math.round(size(ctx, 50)), "个"), {
      unit: "COUNT",
      category: "VILLAGES_EXITED",
      label: "poor villages exited",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const y = ctx.year > 2014 ? ctx.rng.int(2014, ctx.year - 1) : 2013;
    ctx.doc.text(`${y}年，${self(ctx)}共有建档立卡贫困村`);
    put(ctx, count(ctx.rng, Math.round(size(ctx, 70)), "个"), {
      unit: "COUNT",
      category: "POOR_VILLAGES",
      label: "registered poor villages",
      period: { start: y, end: y },
    });
    ctx.doc.text("，经过几年的攻坚，这些村的面貌发生了深刻变化。");
  },
];

const income: Template[] = [
  (ctx) => {
    if (ctx.year === 2013) return incomeOfYear(ctx);
    const [s, e] = span(ctx);
    const a = yuan(ctx.rng, 3000 + ctx.rng.next() * 4000);
    ctx.doc.text(`${self(ctx)}农村居民人均可支配收入由${s}年的`);
    put(ctx, a, {
      unit: "CNY",
      category: "INCOME_PER_CAPITA",
      label: "rural per-capita disposable income (from)",
      period: { start: s, end: s },
    });
    ctx.doc.text(`${ctx.rng.pick(["增长到", "增加到", "提高到"])}${e}年的`);
    put(ctx, yuan(ctx.rng, a.value * (1.1 + 0.1 * (e - s))), {
      unit: "CNY",
      category: "INCOME_PER_CAPITA",
      label: "rural per-capita disposable income (to)",
      period: { start: e, end: e },
    });
    ctx.doc.text("，年均增长");
    put(ctx, decimalNum(ctx.rng.next() * 10 + 6, 1, "%"), {
      unit: "PERCENT",
      category: "INCOME_GROWTH",
      label: "average annual growth of that income",
      period: { start: s, end: e },
    });
    if (ctx.rng.chance(0.3)) {
      ctx.doc.text(`，是${s}年的`);
      put(ctx, decimalNum(1.1 + 0.1 * (e - s), 1, "倍"), {
        unit: "TIMES",
        category: null,
        label: "multiplier of the income (optional)",
        period: { start: s, end: e },
        optional: true,
      });
    }
    ctx.doc.text("。");
  },
  incomeOfYear,
];

function incomeOfYear(ctx: Ctx): void {
  const y = ctx.year;
  const bound = ctx.rng.chance(0.3);
  ctx.doc.text(`${y}年，${self(ctx)}建档立卡贫困户人均纯收入${bound ? ctx.rng.pick(["突破", "超过"]) : "达到"}`);
  const income = bound
    ? amount(ctx.rng, ctx.rng.int(5, 12) * 1000, "元", { approx: false })
    : yuan(ctx.rng, 5000 + ctx.rng.next() * 6000);
  put(ctx, bound ? { ...income, approximate: true } : income, {
    unit: "CNY",
    category: "INCOME_PER_CAPITA",
    label: "per-capita net income of registered poor households",
    period: { start: y, end: y },
    ...(bound ? { bound: "above" as const } : {}),
  });
  ctx.doc.text("，同比增长");
  put(ctx, decimalNum(ctx.rng.next() * 15 + 5, ctx.rng.int(1, 2), "%"), {
    unit: "PERCENT",
    category: "INCOME_GROWTH",
    label: "growth of that income",
    period: { start: y, end: y },
  });
  ctx.doc.text("。");
}

const relocation: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}实施易地扶贫搬迁`);
    put(ctx, households(ctx, 3000), {
      unit: "HOUSEHOLD",
      category: "RELOCATED_HOUSEHOLDS",
      label: "households relocated",
      period: t.period,
    });
    put(ctx, persons(ctx, 11000), {
      unit: "PERSON",
      category: "RELOCATED_PERSONS",
      label: "people relocated",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}通过易地扶贫搬迁${t.cumulative ? "累计" : ""}安置建档立卡贫困群众`);
    put(ctx, persons(ctx, 11000), {
      unit: "PERSON",
      category: "RELOCATED_PERSONS",
      label: "people relocated",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}建成易地扶贫搬迁集中安置点`);
    put(ctx, count(ctx.rng, Math.round(size(ctx, 20)), "个"), {
      unit: "COUNT",
      category: null,
      label: "relocation sites built",
      period: t.period,
    });
    ctx.doc.text("，搬迁安置");
    put(ctx, households(ctx, 3000), {
      unit: "HOUSEHOLD",
      category: "RELOCATED_HOUSEHOLDS",
      label: "households relocated",
      period: t.period,
    });
    ctx.doc.text("。");
  },
];

const housing: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}完成农村危房改造`);
    put(ctx, households(ctx, 4000), {
      unit: "HOUSEHOLD",
      category: "HOUSING_RENOVATED",
      label: "dilapidated houses renovated",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}实施危房改造`);
    put(ctx, households(ctx, 4000), {
      unit: "HOUSEHOLD",
      category: "HOUSING_RENOVATED",
      label: "dilapidated houses renovated",
      period: t.period,
    });
    ctx.doc.text("，贫困群众住房安全全部得到保障。");
  },
];

const roads: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(
      `${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}${ctx.rng.pick(["新建和改扩建", "新建改建", "建成"])}农村公路`,
    );
    const km = size(ctx, 800);
    const n = ctx.rng.chance(0.15)
      ? { quote: `${Math.round(km / 100) * 100}余公里`, value: Math.round(km / 100) * 100, approximate: true }
      : decimalNum(km, ctx.rng.int(0, 1), "公里");
    put(ctx, n, { unit: "KM", category: "ROAD_KM", label: "rural roads built", period: t.period });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}建成通村通组硬化路`);
    put(ctx, decimalNum(size(ctx, 600), 1, "公里"), {
      unit: "KM",
      category: "ROAD_KM",
      label: "hardened village roads built",
      period: t.period,
    });
    ctx.doc.text("，");
    put(ctx, count(ctx.rng, Math.round(size(ctx, 150)), "个"), {
      unit: "COUNT",
      category: null,
      label: "villages with hardened roads (a state: at the date when 截至)",
      period: atDate(t.period),
    });
    ctx.doc.text("建制村全部通上硬化路。");
  },
];

const funds: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    const near = ctx.rng.chance(0.25);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}投入各类扶贫资金${near ? "近" : ""}`);
    const m = money(ctx.rng, size(ctx, 8e8));
    put(ctx, near ? { ...m, approximate: true } : m, {
      unit: "CNY",
      category: "FUNDS_INVESTED",
      label: "poverty-alleviation funds invested",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}整合财政涉农资金`);
    put(ctx, money(ctx.rng, size(ctx, 5e8)), {
      unit: "CNY",
      category: "FUNDS_INVESTED",
      label: "agricultural funds pooled for poverty alleviation",
      period: t.period,
    });
    ctx.doc.text("，集中用于脱贫攻坚。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}投入财政专项扶贫资金`);
    put(ctx, money(ctx.rng, size(ctx, 3e8)), {
      unit: "CNY",
      category: "FUNDS_INVESTED",
      label: "special poverty-alleviation funds",
      period: t.period,
    });
    ctx.doc.text("，发放扶贫小额信贷");
    put(ctx, money(ctx.rng, size(ctx, 1e8)), {
      unit: "CNY",
      category: null,
      label: "micro-credit loans (not funds invested)",
      period: t.period,
    });
    ctx.doc.text("。");
  },
];

/** Facts that are not core kinds: cadres, training, workshops. */
const other: Template[] = [
  (ctx) => {
    const t = flowPeriod(ctx);
    const share = ctx.rng.int(5, 9);
    ctx.doc.text(`${t.phrase}${self(ctx)}`);
    put(
      ctx,
      { quote: `${"零一二三四五六七八九"[share]}成以上`, value: share * 10, approximate: true },
      {
        unit: "PERCENT",
        category: null,
        label: "share of poor households in industries (a state: at the date when 截至)",
        period: atDate(t.period),
        bound: "above",
      },
    );
    ctx.doc.text("的建档立卡贫困户通过发展特色产业实现增收。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}选派第一书记`);
    put(ctx, amount(ctx.rng, size(ctx, 150), "名", { wan: false }), {
      unit: "PERSON",
      category: null,
      label: "first secretaries sent",
      period: t.period,
    });
    ctx.doc.text("、驻村工作队员");
    put(ctx, amount(ctx.rng, size(ctx, 500), "名", { wan: false }), {
      unit: "PERSON",
      category: null,
      label: "village work-team members",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}${t.cumulative ? "累计" : ""}培训贫困劳动力`);
    put(ctx, amount(ctx.rng, size(ctx, 20000), "人次"), {
      unit: "PERSON_TIME",
      category: null,
      label: "training of poor workers",
      period: t.period,
    });
    ctx.doc.text("。");
  },
  (ctx) => {
    const t = flowPeriod(ctx);
    ctx.doc.text(`${t.phrase}${self(ctx)}建成扶贫车间`);
    put(ctx, count(ctx.rng, Math.round(size(ctx, 40)), "个"), {
      unit: "COUNT",
      category: null,
      label: "poverty-alleviation workshops",
      period: t.period,
    });
    ctx.doc.text("，带动");
    put(ctx, amount(ctx.rng, size(ctx, 3000), "名", { wan: false }), {
      unit: "PERSON",
      category: null,
      label: "poor people employed nearby",
      period: t.period,
    });
    ctx.doc.text("贫困群众在家门口就业。");
  },
];

/** The kinds of fact, each with its phrasings; an article draws several. */
export const FACT_GROUPS: readonly (readonly Template[])[] = [
  exitPersons,
  poorStock,
  villages,
  income,
  relocation,
  housing,
  roads,
  funds,
  other,
];
