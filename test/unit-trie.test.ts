/**
 * The typed-array trie against a plain map of words: every added word leads to its last value,
 * every other path to no value or no node, whatever the words (property test, with enough words
 * to make the edge table grow several times).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NONE, UnitTrie } from "../src/article/unit-trie.js";

/** The node a word leads to, or NONE. */
function walk(trie: UnitTrie<number>, word: string): number {
  let node = 0;
  for (let k = 0; k < word.length && (k === 0 || node !== NONE); k++) node = trie.next(node, word.charCodeAt(k));
  return node;
}

// a small alphabet (shared prefixes, collisions), CJK and astral characters (surrogate pairs)
const unit = fc.constantFrom("a", "b", "减", "贫", "縣", "\u{20000}", "\uffff");
const word = fc.array(unit, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(""));

describe("UnitTrie", () => {
  it("finds each word's last value and nothing on other paths", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.integer()), { maxLength: 400 }),
        fc.array(word, { maxLength: 50 }),
        (entries, probes) => {
          const trie = new UnitTrie<number>();
          const expected = new Map<string, number>();
          for (const [w, v] of entries) {
            trie.add(w, v);
            expected.set(w, v);
          }
          for (const [w, v] of expected) expect(trie.values[walk(trie, w)]).toBe(v);
          for (const w of probes) {
            const node = walk(trie, w);
            const isPrefix = [...expected.keys()].some((k) => k.startsWith(w));
            if (!isPrefix) expect(node).toBe(NONE);
            else expect(trie.values[node]).toBe(expected.get(w));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps every edge through many growths of its table", () => {
    const trie = new UnitTrie<number>();
    const words = Array.from({ length: 20_000 }, (_, i) => `县${i.toString(36)}`);
    for (const [i, w] of words.entries()) trie.add(w, i);
    for (const [i, w] of words.entries()) expect(trie.values[walk(trie, w)]).toBe(i);
    expect(walk(trie, "县-")).toBe(NONE);
  });
});
