/**
 * Traditional → Simplified conversion: exactly opencc-js's `Converter({ from: "t", to: "cn" })`
 * (the t2s configuration: CJK compatibility ideographs normalised, then the TSPhrases and
 * TSCharacters dictionaries, longest match first), built from the same dictionaries with its
 * own Trie, but without paying for the whole dictionary when it cannot change anything:
 *
 * - A text with none of the characters that some non-identity dictionary entry needs (the
 *   first character where its key and value differ) comes back as it is: no entry that would
 *   change it can match anywhere. Every Simplified article is such a text, so its conversion is
 *   one scan of its code units and the dictionary trie (0.1–0.3 s to build) is never built.
 * - `convertOnce` converts one text with a trie of only the entries whose characters all occur
 *   in it (any entry that can match does): the gazetteer's few hundred names at start-up.
 *
 * test/t2s.test.ts checks the equality with opencc-js on corpora and on every dictionary entry.
 */
import { Trie } from "opencc-js/core";
import CJK_COMPATIBILITY from "opencc-js/dict/CJK_Compatibility_Ideographs";
import TS_CHARACTERS from "opencc-js/dict/TSCharacters";
import TS_PHRASES from "opencc-js/dict/TSPhrases";

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
  /** BMP code units that a non-identity entry needs (1 = needed). */
  readonly needed: Uint8Array;
}

const memo: { dicts?: Dictionaries; full?: (s: string) => string } = {};

function dictionaries(): Dictionaries {
  if (memo.dicts !== undefined) return memo.dicts;
  const normalise = entriesOf(CJK_COMPATIBILITY);
  const convert = [...entriesOf(TS_CHARACTERS), ...entriesOf(TS_PHRASES)];
  const needed = new Uint8Array(0x10000);
  for (const [k, v] of [...normalise, ...convert]) {
    if (k === v) continue;
    // the first code point where key and value differ (or the key's last one): a match needs it
    const kc = [...k];
    const vc = [...v];
    if (kc.length === 0) continue;
    let i = 0;
    while (i < kc.length - 1 && kc[i] === vc[i]) i++;
    const c = (kc[i] as string).charCodeAt(0);
    // an astral character: the text test below sends every text with a surrogate to the trie
    if (c < 0xd800 || c > 0xdfff) needed[c] = 1;
  }
  memo.dicts = { normalise, convert, needed };
  return memo.dicts;
}

/** Can the conversion change `text` at all? (false: it returns `text` unchanged.) */
export function mayChange(text: string): boolean {
  const { needed } = dictionaries();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (needed[c] === 1 || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
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
    const [first, second] = tries(always, always);
    memo.full = (s) => second.convert(first.convert(s));
  }
  return memo.full(text);
}

const always = (): boolean => true;
/** Does every code point of `key` occur in `chars`? */
const within = (chars: ReadonlySet<string>) => (key: string) => [...key].every((c) => chars.has(c));

/**
 * The same conversion for a one-off text, unless the whole trie is built already: with tries
 * of only the entries whose code points all occur in the text (every entry that can match it),
 * the normalised text for the second step.
 */
export function convertOnce(text: string): string {
  if (!mayChange(text)) return text;
  if (memo.full !== undefined) return memo.full(text);
  const normalised = tries(within(new Set(text)), () => false)[0].convert(text);
  return tries(() => false, within(new Set(normalised)))[1].convert(normalised);
}
