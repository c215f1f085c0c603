/**
 * A character trie of words, built once from data and walked over a text in one pass: every
 * word that starts at a position (indicator cues), or the leftmost-longest words of a text
 * (program and organisation labels). Positions are UTF-16 indices of the text, and words are
 * stored by UTF-16 unit too, so a word with a character outside the BMP matches as well.
 */
import { NONE, UnitTrie } from "../article/unit-trie.js";

/** A trie of words with values of type `T` (article/unit-trie.ts: typed arrays, no object per node). */
export type Trie<T> = UnitTrie<T>;

/** Builds a trie of `[word, value]` entries; a word given twice keeps the last value. */
export function buildTrie<T>(entries: Iterable<readonly [string, T]>): Trie<T> {
  const trie = new UnitTrie<T>();
  for (const [word, value] of entries) trie.add(word, value);
  return trie;
}

/**
 * Calls `visit` with each word of the trie that starts at `start` in `s`, shortest first, and
 * the index where it ends; stops early when `visit` returns false.
 */
export function visitWordsAt<T>(
  trie: Trie<T>,
  s: string,
  start: number,
  visit: (value: T, end: number) => boolean | undefined,
): void {
  const values = trie.values;
  let node = trie.root(s.charCodeAt(start));
  for (let j = start + 1; node !== NONE; j++) {
    const value = values[node];
    if (value !== undefined && visit(value, j) === false) return;
    node = j < s.length ? trie.next(node, s.charCodeAt(j)) : NONE;
  }
}

/** The words of the trie in `s`: longest match, left to right, not overlapping. */
export function* longestMatches<T>(trie: Trie<T>, s: string): Generator<{ value: T; start: number; end: number }> {
  const values = trie.values;
  for (let i = 0; i < s.length; ) {
    let node = trie.root(s.charCodeAt(i));
    let best: T | undefined;
    let end = 0;
    for (let j = i + 1; node !== NONE; j++) {
      const value = values[node];
      if (value !== undefined) {
        best = value;
        end = j;
      }
      node = j < s.length ? trie.next(node, s.charCodeAt(j)) : NONE;
    }
    if (best === undefined) i++;
    else {
      yield { value: best, start: i, end };
      i = end;
    }
  }
}
