/**
 * Numbers as the genre writes them — 52.4万人, 130.87亿元, 3000余公里, 12.3%, 两个 — each with
 * the value the gold records (base units: yuan, persons, households, km, percent). Values are
 * built from integers, so the written number and the recorded value always agree.
 */
import type { Random } from "./random.js";

/** A written number and its normalised value. */
export interface Num {
  readonly quote: string;
  readonly value: number;
  readonly approximate: boolean;
}

function decimal(units: number, decimals: number): string {
  const s = (units / 10 ** decimals).toFixed(decimals);
  return decimals === 0 ? s : s.replace(/\.?0+$/, "");
}

/**
 * A count or amount near `value` with `unit` (人, 户, 元, 人次) written plainly, in 万 or in 亿
 * (when allowed and large enough), sometimes approximate (余/多).
 */
export function amount(
  rng: Random,
  value: number,
  unit: string,
  opts: { readonly yi?: boolean; readonly wan?: boolean; readonly approx?: boolean } = {},
): Num {
  const approx = opts.approx !== false && rng.chance(0.08);
  const marker = rng.pick(["余", "多"]);
  if (opts.yi && value >= 1e8 && rng.chance(0.7)) {
    const d = rng.int(1, 2);
    const units = Math.round(value / 10 ** (8 - d));
    return { quote: `${decimal(units, d)}亿${unit}`, value: units * 10 ** (8 - d), approximate: false };
  }
  if (opts.wan !== false && value >= 1e4 && rng.chance(0.65)) {
    if (approx) {
      const units = Math.max(1, Math.round(value / 1e3));
      return { quote: `${decimal(units, 1)}万${marker}${unit}`, value: units * 1e3, approximate: true };
    }
    const d = rng.int(0, 2);
    const units = Math.round(value / 10 ** (4 - d));
    return { quote: `${decimal(units, d)}万${unit}`, value: units * 10 ** (4 - d), approximate: false };
  }
  const n = Math.max(1, Math.round(value));
  if (approx && n >= 1000) {
    const round = Math.round(n / 100) * 100;
    return { quote: `${round}${marker}${unit}`, value: round, approximate: true };
  }
  return { quote: `${n}${unit}`, value: n, approximate: false };
}

/** Money in yuan: 元 for small sums, 万元 with up to 2 decimals, 亿元 for large ones. */
export function money(rng: Random, yuan: number): Num {
  if (yuan >= 1e8 && rng.chance(0.6)) {
    const d = rng.int(1, 2);
    const units = Math.round(yuan / 10 ** (8 - d));
    return { quote: `${decimal(units, d)}亿元`, value: units * 10 ** (8 - d), approximate: false };
  }
  if (yuan >= 1e4) {
    const d = rng.pick([0, 0, 1, 2]);
    const units = Math.round(yuan / 10 ** (4 - d));
    return { quote: `${decimal(units, d)}万元`, value: units * 10 ** (4 - d), approximate: false };
  }
  return { quote: `${Math.round(yuan)}元`, value: Math.round(yuan), approximate: false };
}

/** Yuan with up to two decimals (incomes: 8909.03元). */
export function yuan(rng: Random, value: number): Num {
  const d = rng.pick([0, 0, 0, 2]);
  const units = Math.round(value * 10 ** d);
  return { quote: `${decimal(units, d)}元`, value: Number(decimal(units, d)), approximate: false };
}

/** A decimal with `suffix` (%, 公里, 个百分点): value as written. */
export function decimalNum(value: number, decimals: number, suffix: string): Num {
  const s = decimal(Math.round(value * 10 ** decimals), decimals);
  return { quote: `${s}${suffix}`, value: Number(s), approximate: false };
}

const SMALL = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A small count with its measure word, in Chinese numerals (两个) or digits (2个). */
export function count(rng: Random, n: number, measure: string): Num {
  const written = n >= 2 && n <= 10 && rng.chance(0.3) ? SMALL[n] : String(n);
  return { quote: `${written}${measure}`, value: n, approximate: false };
}
