import { describe, expect, it } from "vitest";
import { buildTrie, longestMatches, visitWordsAt } from "../src/extract/trie.js";

const trie = buildTrie<string>([
  ["乡村振兴", "rural"],
  ["国家乡村振兴局", "nrra"],
  ["扶贫", "pa"],
  ["扶贫办", "office"],
  ["𠮷", "rare"],
]);

describe("the word trie of the extractor", () => {
  it("finds the leftmost-longest words, not overlapping", () => {
    const found = [...longestMatches(trie, "国家乡村振兴局和县扶贫办推进乡村振兴𠮷")].map(
      (m) => `${m.value}@${m.start}-${m.end}`,
    );
    expect(found).toEqual(["nrra@0-7", "office@9-12", "rural@14-18", "rare@18-20"]);
  });

  it("visits every word starting at a position, shortest first, until told to stop", () => {
    const seen: string[] = [];
    visitWordsAt(trie, "扶贫办", 0, (v, end) => {
      seen.push(`${v}@${end}`);
      return true;
    });
    expect(seen).toEqual(["pa@2", "office@3"]);
    const first: string[] = [];
    visitWordsAt(trie, "扶贫办", 0, (v) => {
      first.push(v);
      return false;
    });
    expect(first).toEqual(["pa"]);
  });

  it("keeps the last value of a word given twice", () => {
    expect(
      [
        ...longestMatches(
          buildTrie([
            ["甲", 1],
            ["甲", 2],
          ]),
          "甲",
        ),
      ].map((m) => m.value),
    ).toEqual([2]);
  });
});
