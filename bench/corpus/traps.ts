/**
 * The parts of an article that hold numbers which are not facts, or facts that belong to
 * another place than the one named first: bylines, datelines, captions, footers, programme
 * names in quotes, plans and targets, descriptive numbers, sets of counties with 等, and
 * east–west cooperation (donor → recipient). The wording is this project's own.
 */
import { type Ctx, put, self, size } from "./context.js";
import { type Division, divisions, levelWord } from "./divisions.js";
import { amount, count, decimalNum, money } from "./numbers.js";

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "高",
  "林",
  "罗",
];
const GIVEN = [
  "建国",
  "晓东",
  "丽华",
  "志强",
  "海燕",
  "文博",
  "春梅",
  "国庆",
  "思远",
  "雪莹",
  "振宇",
  "玉兰",
  "明辉",
  "桂芳",
  "子涵",
];
const OUTLETS = ["日报", "融媒体中心", "新闻网", "广播电视台"];

/** A person's name (for bylines and captions). */
export function personName(ctx: Ctx): string {
  return `${ctx.rng.pick(SURNAMES)}${ctx.rng.pick(GIVEN)}`;
}

/** A news outlet's name: 某某日报, 某某融媒体中心. */
function outlet(ctx: Ctx): string {
  const host = ctx.place.province ?? ctx.place;
  const short = host.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "");
  return `${ctx.rng.chance(0.5) ? short : ctx.place.name}${ctx.rng.pick(OUTLETS)}`;
}

/** Dateline and byline opening the first paragraph: 【某某日报讯】（记者 … 通讯员 …）. */
export function byline(ctx: Ctx, month: number, day: number): void {
  const who = `记者 ${personName(ctx)}${ctx.rng.chance(0.5) ? ` 通讯员 ${personName(ctx)}` : ""}`;
  ctx.doc.text(ctx.rng.chance(0.5) ? `【${outlet(ctx)}讯】（${who}）` : `${outlet(ctx)}讯（${who}）`);
  ctx.doc.text(`${month}月${day}日，记者从${ctx.place.name}扶贫开发${ctx.rng.pick(["局", "办公室"])}获悉，`);
}

/** A line with the publication time and source: 2021-03-02 09:15:33 来源：… */
export function timestampLine(ctx: Ctx, published: string): void {
  const hh = String(ctx.rng.int(6, 22)).padStart(2, "0");
  const mm = String(ctx.rng.int(0, 59)).padStart(2, "0");
  const ss = String(ctx.rng.int(0, 59)).padStart(2, "0");
  ctx.doc.text(`${published} ${hh}:${mm}:${ss}　来源：${outlet(ctx)}\n`);
}

const TOWN_NAMES = [
  "城关镇",
  "新集镇",
  "东风乡",
  "红旗乡",
  "太平镇",
  "长兴镇",
  "和平乡",
  "永安镇",
  "白石镇",
  "柳河乡",
  "清泉镇",
  "石门乡",
  "桃源镇",
  "杨柳乡",
];
const VILLAGE_NAMES = [
  "光明村",
  "新民村",
  "团结村",
  "幸福村",
  "向阳村",
  "胜利村",
  "杏花村",
  "前进村",
  "马家村",
  "李家沟村",
  "双河村",
];

/**
 * Made-up town and village names, less those whose stem is also a division's name or short
 * name (永安镇 ~ 永安市, 长兴镇 ~ 长兴县): a real article would say which is meant.
 */
function unambiguous(names: readonly string[]): string[] {
  const stems = new Set<string>();
  for (const d of divisions().byCode.values()) {
    stems.add(d.name);
    stems.add(d.name.replace(/(自治县|自治州|自治区|县|区|市|旗|盟|省|地区)$/, ""));
  }
  return names.filter((n) => !stems.has(n.slice(0, -1)));
}

let towns: string[] | undefined;
let villages: string[] | undefined;
function town(ctx: Ctx): string {
  towns ??= unambiguous(TOWN_NAMES);
  return ctx.rng.pick(towns);
}
function village(ctx: Ctx): string {
  villages ??= unambiguous(VILLAGE_NAMES);
  return ctx.rng.pick(villages);
}

/** A photo caption with numbers in it: none of them is a fact. */
export function caption(ctx: Ctx): void {
  const t = town(ctx);
  const n = Math.round(size(ctx, 800));
  const text = ctx.rng.pick([
    `图为${ctx.place.name}${t}易地扶贫搬迁安置小区，共安置搬迁群众${n}户。${personName(ctx)} 摄`,
    `${ctx.place.name}${t}${village(ctx)}的扶贫车间里，${Math.min(n, 120)}名工人正在加工订单。（${personName(ctx)} 供图）`,
    `图为${ctx.year}年${ctx.rng.int(1, 12)}月新建成的${t}产业园区。记者 ${personName(ctx)} 摄`,
  ]);
  ctx.doc.text(`${text}\n`);
}

/** Footer lines: editor, copyright, licence and phone numbers. */
export function footer(ctx: Ctx, pubYear: number, month: number, day: number): void {
  const digit = (n: number) => [...String(n)].map((d) => "〇一二三四五六七八九"[Number(d)]).join("");
  const small = (n: number) =>
    n <= 10
      ? "〇一二三四五六七八九十"[n]
      : `${n >= 20 ? digit(Math.floor(n / 10)) : ""}十${n % 10 === 0 ? "" : digit(n % 10)}`;
  const lines = [
    `（${digit(pubYear)}年${small(month)}月${small(day)}日）`,
    `（责任编辑：${personName(ctx)}）`,
    `版权所有 © ${pubYear} ${ctx.place.name}人民政府　备案号：ICP备${ctx.rng.int(10000000, 99999999)}号-${ctx.rng.int(1, 9)}`,
    `联系电话：0${ctx.rng.int(100, 999)}-${ctx.rng.int(2000000, 8999999)}　地址：${ctx.place.name}人民路${ctx.rng.int(1, 300)}号`,
  ];
  for (const l of ctx.rng.shuffle(lines).slice(0, ctx.rng.int(1, 4))) ctx.doc.text(`${l}\n`);
}

/** Programme names and slogans in quotes, ordinals and a date: no facts. */
export function slogans(ctx: Ctx): void {
  const name = ctx.rng.pick(["“四个不摘”", "“两不愁三保障”", "“五个一批”", "“六个精准”", "“3+2”", "“1+N”", "“十三五”"]);
  const text = ctx.rng.pick([
    `${self(ctx)}坚持精准方略，落实${name}要求，创新推行“${ctx.rng.int(1, 5)}+${ctx.rng.int(1, 9)}”帮扶模式。`,
    `${ctx.year}年10月17日是第${ctx.year - 2013}个国家扶贫日，${self(ctx)}开展了${name}主题宣传活动。`,
    `${self(ctx)}扎实推进“一户一策”，让第一书记和帮扶干部吃住在村，4G网络和“一站式”服务延伸到村组。`,
  ]);
  ctx.doc.text(text);
}

/** A plan or target: optional entries. */
export function plan(ctx: Ctx): void {
  const y = ctx.year + 1;
  const period = { start: y, end: y };
  if (ctx.rng.chance(0.5)) {
    ctx.doc.text(`下一步，${self(ctx, false)}将继续巩固脱贫成果，计划${y}年再新建农村公路`);
    put(ctx, decimalNum(size(ctx, 200), 0, "公里"), {
      unit: "KM",
      category: "ROAD_KM",
      label: "planned roads",
      period,
      optional: true,
    });
    ctx.doc.text("。");
  } else {
    ctx.doc.text(`${self(ctx)}力争到${y}年底，农村居民人均可支配收入达到`);
    put(ctx, amount(ctx.rng, 9000 + ctx.rng.next() * 5000, "元", { wan: false, approx: false }), {
      unit: "CNY",
      category: "INCOME_PER_CAPITA",
      label: "income target",
      period,
      optional: true,
    });
    ctx.doc.text("。");
  }
}

/** A profile of the place: area (optional), towns, villages and population (observations). */
export function profile(ctx: Ctx): void {
  const none = { start: null, end: null };
  ctx.doc.text(
    `${ctx.place.name}位于${ctx.place.province?.name ?? "祖国"}${ctx.rng.pick(["东部", "西部", "南部", "北部", "中部"])}，总面积`,
  );
  put(ctx, decimalNum(size(ctx, 2500), 0, "平方公里"), {
    unit: "OTHER:平方公里",
    category: null,
    label: "area",
    period: none,
    optional: true,
  });
  ctx.doc.text("，辖");
  put(ctx, count(ctx.rng, Math.round(size(ctx, 16)), "个"), {
    unit: "COUNT",
    category: null,
    label: "townships",
    period: none,
  });
  ctx.doc.text(`乡镇、`);
  put(ctx, count(ctx.rng, Math.round(size(ctx, 220)), "个"), {
    unit: "COUNT",
    category: null,
    label: "administrative villages",
    period: none,
  });
  ctx.doc.text("行政村，总人口");
  put(ctx, amount(ctx.rng, size(ctx, 400000), "人", { approx: false }), {
    unit: "PERSON",
    category: null,
    label: "total population",
    period: none,
  });
  ctx.doc.text("。");
}

const DONORS = [
  "北京市",
  "天津市",
  "上海市",
  "江苏省苏州市",
  "浙江省杭州市",
  "浙江省宁波市",
  "福建省厦门市",
  "山东省青岛市",
  "广东省广州市",
  "广东省深圳市",
];

/** East–west cooperation: the money and cadres are facts about the receiving place. */
export function donor(ctx: Ctx): void {
  const from = ctx.rng.pick(DONORS);
  ctx.mentioned.set(from, "");
  const y = ctx.year;
  const period = { start: y, end: y };
  if (ctx.rng.chance(0.5)) {
    ctx.doc.text(`${y}年，${from}${ctx.rng.pick(["向", "为"])}${ctx.place.name}投入东西部扶贫协作财政援助资金`);
    put(ctx, money(ctx.rng, size(ctx, 3e7)), {
      unit: "CNY",
      category: "FUNDS_INVESTED",
      label: "east–west cooperation funds received",
      period,
    });
    ctx.doc.text("。");
  } else {
    ctx.doc.text(`${y}年，在${from}的对口帮扶下，${ctx.place.name}获得帮扶资金`);
    put(ctx, money(ctx.rng, size(ctx, 3e7)), {
      unit: "CNY",
      category: "FUNDS_INVESTED",
      label: "paired-assistance funds received",
      period,
    });
    ctx.doc.text(`，${from}还选派`);
    put(ctx, amount(ctx.rng, size(ctx, 30), "名", { wan: false, approx: false }), {
      unit: "PERSON",
      category: null,
      label: "cadres and technicians sent by the donor",
      period,
    });
    ctx.doc.text("专业技术人才到当地挂职。");
  }
}

function countiesUnder(d: Division): Division[] {
  return divisions().counties.filter((c) => (d.level === "province" ? c.province === d : c.prefecture === d));
}

/** For a province or prefecture: counties delisted, a set with 等, and one county's subtotal. */
export function delisted(ctx: Ctx): void {
  const under = countiesUnder(ctx.place);
  if (under.length < 2) return;
  const y = ctx.year;
  const period = { start: y, end: y };
  const n = ctx.rng.int(2, Math.min(under.length, ctx.place.level === "province" ? 40 : 10));
  const [a, b] = ctx.rng.shuffle(under);
  if (a === undefined || b === undefined) return;
  ctx.mentioned.set(a.name, a.code);
  ctx.mentioned.set(b.name, b.code);
  const lw = levelWord(ctx.place);
  const form = ctx.rng.int(0, 2);
  if (form === 0) {
    ctx.doc.text(`${y}年，全${lw}`);
    put(ctx, count(ctx.rng, n, "个"), {
      unit: "COUNT",
      category: "COUNTIES_DELISTED",
      label: "poor counties delisted",
      period,
    });
    ctx.doc.text("贫困县全部脱贫摘帽。");
  } else if (form === 1) {
    ctx.doc.text(`${y}年，${a.name}、${b.name}等`);
    put(ctx, count(ctx.rng, n, "个"), {
      unit: "COUNT",
      category: "COUNTIES_DELISTED",
      label: "poor counties delisted (a set named by two)",
      period,
    });
    ctx.doc.text(`贫困县${ctx.rng.pick(["退出贫困县序列", "实现脱贫摘帽"])}。`);
  } else {
    ctx.doc.text(`${y}年，全${lw}`);
    put(ctx, count(ctx.rng, n, "个"), {
      unit: "COUNT",
      category: "COUNTIES_DELISTED",
      label: "poor counties delisted",
      period,
    });
    ctx.doc.text("贫困县摘帽，贫困人口减少");
    const total = amount(ctx.rng, size(ctx, 30000), "人");
    put(ctx, total, {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "people lifted out of poverty",
      period,
    });
    ctx.doc.text(`，其中${a.name}减少`);
    put(ctx, amount(ctx.rng, total.value / (n + 1), "人", { wan: false, approx: false }), {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "people lifted out of poverty in one county (subtotal)",
      period,
      place: a.code,
    });
    ctx.doc.text("。");
  }
}

/** A household's story: its income is a fact about its county, with no core category. */
export function household(ctx: Ctx): void {
  const y = ctx.year;
  ctx.doc.text(
    `${town(ctx)}${village(ctx)}脱贫户${personName(ctx)}告诉记者，${y}年他家种植中药材、养殖肉牛，全家年收入达到`,
  );
  put(ctx, amount(ctx.rng, 30000 + ctx.rng.next() * 50000, "元", { wan: false, approx: false }), {
    unit: "CNY",
    category: null,
    label: "one household's income",
    period: { start: y, end: y },
  });
  ctx.doc.text("。“日子越过越有奔头了。”\n");
}
