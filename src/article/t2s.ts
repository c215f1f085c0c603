/**
 * Traditional → Simplified conversion: exactly opencc-js's `Converter({ from: "t", to: "cn" })`
 * (the t2s configuration: CJK compatibility ideographs normalised, then the TSPhrases and
 * TSCharacters dictionaries, longest match first), built from the same dictionaries with the
 * same trie and matching, but without paying for the whole dictionary when it cannot change anything:
 *
 * - A text with none of the characters that some non-identity dictionary entry needs (the
 *   first character where its key and value differ) comes back as it is: no entry that would
 *   change it can match anywhere. Most Simplified articles are such texts, so their conversion
 *   is one scan of their code units and the dictionary trie (0.1–0.3 s to build) is never built.
 * - The table of those characters and the two whole tries are prepared at build time
 *   (data/prepared.ts: dist/prepared/t2s-*.json); from src/ they are computed on first use.
 * - `convertOnce` converts one text with a trie of only the entries whose characters all occur
 *   in it (any entry that can match does): the gazetteer's few hundred names at start-up.
 *
 * test/t2s.test.ts checks the equality with opencc-js on corpora and on every dictionary entry.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import CJK_COMPATIBILITY from "opencc-js/dict/CJK_Compatibility_Ideographs";
import TS_CHARACTERS from "opencc-js/dict/TSCharacters";
import TS_PHRASES from "opencc-js/dict/TSPhrases";
import { loadPrepared, type PreparedTable } from "../data/prepared.js";
import { addUnit, codeUnits, hasUnit, NONE, type UnitSet, UnitTrie, type UnitTrieData } from "./unit-trie.js";

type Entry = readonly [string, string];

/** One dictionary string ("k v|k v") as entries, split as opencc-js's `Trie.loadDict` splits it. */
function entriesOf(dict: string): Entry[] {
  return dict.split("|").map((line) => {
    const [l, r] = line.split(" ");
    if (l === undefined || r === undefined) throw new Error(`opencc-js dictionary entry without a value: ${line}`);
    return [l, r] as const;
  });
}

interface Dictionaries {
  /** The normalisation step (one trie). */
  readonly normalise: readonly Entry[];
  /** The conversion step, in the order `Trie.loadDictGroup([TSPhrases, TSCharacters])` adds them (later wins). */
  readonly convert: readonly Entry[];
  /** BMP code units that a non-identity entry needs. */
  readonly needed: UnitSet;
}

const memo: { dicts?: Dictionaries; needed?: UnitSet; full?: (s: string) => string } = {};

function dictionaries(): Dictionaries {
  if (memo.dicts !== undefined) return memo.dicts;
  const normalise = entriesOf(CJK_COMPATIBILITY);
  const convert = [...entriesOf(TS_CHARACTERS), ...entriesOf(TS_PHRASES)];
  const needed = codeUnits("");
  for (const list of [normalise, convert])
    for (const [k, v] of list) {
      if (k === v || k.length === 0) continue;
      // the first code unit where key and value differ (or the key's last one): a match needs the
      // character it belongs to; an astral one is covered by the surrogate test of mayChange
      let i = 0;
      while (i < k.length - 1 && k.charCodeAt(i) === v.charCodeAt(i)) i++;
      addUnit(needed, k.charCodeAt(i));
    }
  memo.dicts = { normalise, convert, needed };
  return memo.dicts;
}

const require = createRequire(import.meta.url);
/** The dictionary files, the inputs of the prepared tables. */
const dictionaryFiles = (): URL[] =>
  ["CJK_Compatibility_Ideographs", "TSCharacters", "TSPhrases"].map((f) =>
    pathToFileURL(require.resolve(`opencc-js/dict/${f}`)),
  );

/** The code units of `Dictionaries.needed`, prepared at build time (data/prepared.ts). */
export const T2S_NEEDED: PreparedTable<number[]> = {
  name: "t2s-needed",
  inputs: dictionaryFiles,
  compute: () => {
    const { needed } = dictionaries();
    const units: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (hasUnit(needed, c)) units.push(c);
    return units;
  },
};

/** A trie's shape and its values by node (null: none). */
interface TrieTable {
  readonly shape: UnitTrieData;
  readonly values: readonly (string | null)[];
}

/** The two whole tries of the t2s preset, prepared at build time: building them took 20–40 ms of a cold start. */
export const T2S_TRIES: PreparedTable<readonly [TrieTable, TrieTable]> = {
  name: "t2s-tries",
  inputs: dictionaryFiles,
  compute: () => tries(always, always).map((t) => t.toTable()) as [TrieTable, TrieTable],
};

function neededUnits(): UnitSet {
  if (memo.needed === undefined) {
    const needed = codeUnits("");
    for (const c of loadPrepared(T2S_NEEDED)) addUnit(needed, c);
    memo.needed = needed;
  }
  return memo.needed;
}

/** Can the conversion change `text` at all? (false: it returns `text` unchanged.) */
export function mayChange(text: string): boolean {
  const needed = neededUnits();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (hasUnit(needed, c) || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/**
 * opencc-js's Trie (core.js: addWord by code point, the longest match at each position, an
 * ideographic description sequence skipped whole when nothing matches), without an object per
 * match or an array of pieces: the conversion of Traditional text was 5 % of extraction. The
 * words are stored by UTF-16 unit (unit-trie.ts): a key is a whole string, so a match by units
 * ends where the match by code points does, with the same longest key.
 */
class Trie {
  private readonly trie: UnitTrie<string>;
  /** The first UTF-16 code units of the keys (1 = some key starts with it): elsewhere nothing can match. */
  private readonly starts = codeUnits("");

  constructor(table?: TrieTable) {
    if (table === undefined) this.trie = new UnitTrie<string>();
    else {
      this.trie = UnitTrie.fromData(
        table.shape,
        table.values.map((v) => v ?? undefined),
      );
      const first = this.trie.first;
      for (let c = 0; c < first.length; c++) if (first[c] !== NONE) addUnit(this.starts, c);
    }
  }

  addWord(key: string, value: string): void {
    addUnit(this.starts, key.charCodeAt(0));
    this.trie.add(key, value);
  }

  /** The trie as a prepared table (the `starts` are its root's children). */
  toTable(): TrieTable {
    return { shape: this.trie.toData(), values: this.trie.values.map((v) => v ?? null) };
  }

  convert(s: string): string {
    const n = s.length;
    const trie = this.trie;
    const values = trie.values;
    let out = "";
    let copied = 0; // s[copied, i) is still to be copied as it is
    for (let i = 0; i < n; ) {
      const first = s.charCodeAt(i);
      // no key starts here, and no description sequence (⿰…) either: one code point, unchanged
      if (!hasUnit(this.starts, first) && (first < 0x2ff0 || first > 0x2fff)) {
        i += first >= 0xd800 && first <= 0xdbff ? codePointLength(s, i) : 1;
        continue;
      }
      let node = 0;
      let end = 0;
      let value: string | undefined;
      for (let j = i; j < n; j++) {
        node = trie.next(node, s.charCodeAt(j));
        if (node === NONE) break;
        const v = values[node];
        if (v !== undefined) {
          end = j + 1;
          value = v;
        }
      }
      if (value !== undefined) {
        out += s.slice(copied, i) + value;
        i = end;
        copied = end;
      } else i += unmatchedLength(s, i);
    }
    return copied === 0 ? s : out + s.slice(copied);
  }
}

const codePointLength = (s: string, i: number): number => ((s.codePointAt(i) as number) > 0xffff ? 2 : 1);

/** Children of an ideographic description character (⿰ …), 0 for other characters (as opencc-js). */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence at `i`, or 0 (opencc-js's getIdeographicDescriptionSequenceEnd). */
function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) as number);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + codePointLength(s, end);
  }
  return end;
}

/** How far to move on when nothing matches at `i`: a whole description sequence, else one code point. */
function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

/** The two tries of opencc-js's t2s preset, each with the entries that `keep` keeps. */
function tries(keepFirst: (key: string) => boolean, keepSecond: (key: string) => boolean): [Trie, Trie] {
  const { normalise, convert } = dictionaries();
  const first = new Trie();
  for (const [k, v] of normalise) if (keepFirst(k)) first.addWord(k, v);
  const second = new Trie();
  for (const [k, v] of convert) if (keepSecond(k)) second.addWord(k, v);
  return [first, second];
}

/** Traditional → Simplified, as opencc-js's t2s converter; the trie is built on the first text that needs it. */
export function t2s(text: string): string {
  if (!mayChange(text)) return text;
  if (memo.full === undefined) {
    const [first, second] = loadPrepared(T2S_TRIES).map((table) => new Trie(table)) as [Trie, Trie];
    memo.full = (s) => second.convert(first.convert(s));
  }
  return memo.full(text);
}

const always = (): boolean => true;
/** Code units of a text. */
function unitsOf(text: string): Set<number> {
  const units = new Set<number>();
  for (let i = 0; i < text.length; i++) units.add(text.charCodeAt(i));
  return units;
}
/**
 * Does every code unit of `key` occur in `units`? (For BMP keys: every character; an astral
 * key may be kept without occurring, which is harmless: an entry that cannot match changes nothing.)
 */
const within = (units: ReadonlySet<number>) => (key: string) => {
  for (let i = 0; i < key.length; i++) if (!units.has(key.charCodeAt(i))) return false;
  return true;
};

/**
 * The same conversion for a one-off text, unless the whole trie is built already: with tries
 * of only the entries whose code points all occur in the text (every entry that can match it),
 * the normalised text for the second step.
 */
export function convertOnce(text: string): string {
  if (!mayChange(text)) return text;
  if (memo.full !== undefined) return memo.full(text);
  const normalised = tries(within(unitsOf(text)), () => false)[0].convert(text);
  return tries(() => false, within(unitsOf(normalised)))[1].convert(normalised);
}
