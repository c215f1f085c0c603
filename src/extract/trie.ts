/**
 * A character trie of words, built once from data and walked over a text in one pass: every
 * word that starts at a position (indicator cues), or the leftmost-longest words of a text
 * (program and organisation labels). Positions are UTF-16 indices of the text, and words are
 * stored by UTF-16 unit too, so a word with a character outside the BMP matches as well.
 */

/** A node: the next nodes by UTF-16 code unit (a number: no one-character string per position of the text), and the value of the word that ends here. */
export interface TrieNode<T> {
  readonly next: Map<number, TrieNode<T>>;
  value?: T;
}

/** The root, with its children also in an array by UTF-16 unit (an index, not a hash lookup, at every position of a text). */
export interface TrieRoot<T> extends TrieNode<T> {
  readonly first: readonly (TrieNode<T> | undefined)[];
}

/** Builds a trie of `[word, value]` entries; a word given twice keeps the last value. */
export function buildTrie<T>(entries: Iterable<readonly [string, T]>): TrieRoot<T> {
  const root: TrieNode<T> = { next: new Map() };
  for (const [word, value] of entries) {
    let node = root;
    for (let k = 0; k < word.length; k++) {
      const ch = word.charCodeAt(k);
      let n = node.next.get(ch);
      if (n === undefined) {
        n = { next: new Map() };
        node.next.set(ch, n);
      }
      node = n;
    }
    node.value = value;
  }
  const first: (TrieNode<T> | undefined)[] = new Array(0x10000).fill(undefined);
  for (const [unit, node] of root.next) first[unit] = node;
  return { ...root, first };
}

/**
 * Calls `visit` with each word of the trie that starts at `start` in `s`, shortest first, and
 * the index where it ends; stops early when `visit` returns false.
 */
export function visitWordsAt<T>(
  root: TrieRoot<T>,
  s: string,
  start: number,
  visit: (value: T, end: number) => boolean | undefined,
): void {
  let node = root.first[s.charCodeAt(start)];
  for (let j = start + 1; node !== undefined; j++) {
    if (node.value !== undefined && visit(node.value, j) === false) return;
    node = j < s.length ? node.next.get(s.charCodeAt(j)) : undefined;
  }
}

/** The words of the trie in `s`: longest match, left to right, not overlapping. */
export function* longestMatches<T>(root: TrieRoot<T>, s: string): Generator<{ value: T; start: number; end: number }> {
  for (let i = 0; i < s.length; ) {
    let node = root.first[s.charCodeAt(i)];
    let best: { value: T; end: number } | undefined;
    for (let j = i + 1; node !== undefined; j++) {
      if (node.value !== undefined) best = { value: node.value, end: j };
      node = j < s.length ? node.next.get(s.charCodeAt(j)) : undefined;
    }
    if (best === undefined) i++;
    else {
      yield { value: best.value, start: i, end: best.end };
      i = best.end;
    }
  }
}
