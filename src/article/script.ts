/**
 * Script normalisation: a Simplified copy of the text that has exactly as many code points as
 * the original, so that every offset found on the copy is an offset into the original.
 * Uses opencc-js's Traditional → Simplified dictionaries (t2s.ts) plus a small variant table (data/variants.json)
 * for characters it leaves alone (陜) and full-width digits and punctuation.
 */
import { variantsData } from "../data/load.js";
import type { Script } from "../types.js";
import { convertOnce, t2s } from "./t2s.js";
import { codeUnits, hasUnit, type UnitSet } from "./unit-trie.js";

export { codeUnits, hasUnit, type UnitSet };

const variants: Readonly<Record<string, string>> = variantsData().map;

const charCache = new Map<string, string>();
/** Converts one code point; keeps it when the conversion is not exactly one code point. */
function convertChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    const v = variants[ch];
    if (v !== undefined) out = v;
    else {
      const c = t2s(ch);
      out = [...c].length === 1 ? c : ch;
    }
    charCache.set(ch, out);
  }
  return out;
}

/**
 * Returns a Simplified, half-width copy of `text` with the same number of code points, code
 * point for code point aligned with the original.
 */
export function toAlignedSimplified(text: string): string {
  return aligned(text, t2s);
}

/**
 * The same for a one-off text (the gazetteer's names at start-up): converted with only the
 * dictionary entries it can use, so that no dictionary trie is built for it (see t2s.ts).
 */
export function toAlignedSimplifiedOnce(text: string): string {
  return aligned(text, convertOnce);
}

function aligned(text: string, convert: (s: string) => string): string {
  const whole = convert(text);
  if (codePoints(whole) === codePoints(text)) return withDigitYears(replaceVariants(whole));
  // the phrase conversion changed a length somewhere: convert code point by code point
  let out = "";
  for (const ch of text) out += convertChar(ch);
  return withDigitYears(out);
}

const YEAR_DIGITS: Readonly<Record<string, string>> = {
  〇: "0",
  "○": "0",
  零: "0",
  Ｏ: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** "二〇一九年" → "2019年" (one digit per character, so offsets stay aligned). */
function withDigitYears(s: string): string {
  return s.replace(/[一二][〇○零Ｏ一二三四五六七八九]{3}(?=年)/gu, (y) =>
    [...y].map((c) => YEAR_DIGITS[c] ?? c).join(""),
  );
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The variant characters by UTF-16 code unit, when every one is in the BMP (else a regular expression replaces them). */
const variantUnits: { table?: UnitSet | null } = {};
/** `text` with each variant character replaced (one code point by one). */
function replaceVariants(text: string): string {
  if (variantUnits.table === undefined) {
    const keys = Object.keys(variants);
    variantUnits.table = keys.every((k) => k.length === 1) ? codeUnits(keys.join("")) : null;
  }
  const table = variantUnits.table;
  if (table === null) return text.replace(variantRe(), (ch) => variants[ch] ?? ch);
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; i++)
    if (hasUnit(table, text.charCodeAt(i))) {
      out += text.slice(copied, i) + (variants[text[i] as string] ?? text[i]);
      copied = i + 1;
    }
  return copied === 0 ? text : out + text.slice(copied);
}

const variantCache: { re?: RegExp } = {};
function variantRe(): RegExp {
  const re =
    variantCache.re ??
    new RegExp(
      `[${Object.keys(variants)
        .join("")
        .replace(/[\]\\^-]/gu, "\\$&")}]`,
      "gu",
    );
  variantCache.re = re;
  return re;
}

const TRAD_ONLY = codeUnits(
  "們國後來過這當為與從對還時實會於產經發開關點無頭現長門問間隊陽陰陝陜漢縣區貧萬億個傳戶項學東車馬鄉農貫",
);
const SIMP_ONLY = codeUnits(
  "们国后来过这当为与从对还时实会于产经发开关点无头现长门问间队阳阴陕汉县区贫万亿个传户项学东车马乡农贯",
);

/** Guesses the script from characters that exist in only one of them (one pass over the text). */
export function detectScript(text: string): Script {
  let t = 0;
  let s = 0;
  // by code unit: the marker characters are all BMP, so a surrogate is never one of them
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (hasUnit(TRAD_ONLY, c)) t++;
    else if (hasUnit(SIMP_ONLY, c)) s++;
  }
  return t > s ? "traditional" : "simplified";
}
