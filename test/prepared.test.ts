/**
 * Prepared tables (src/data/prepared.ts): saved by the build, read back only while their input
 * files are unchanged, and equal to what is computed from the sources.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { T2S_NEEDED, T2S_TRIES } from "../src/article/t2s.js";
import { NONE, UnitTrie } from "../src/article/unit-trie.js";
import { loadPrepared, type PreparedTable, writePrepared } from "../src/data/prepared.js";
import { GAZETTEER_TABLES } from "../src/extract/gazetteer.js";

const dir = mkdtempSync(join(tmpdir(), "article-kg-prepared-"));
const dirUrl = pathToFileURL(`${dir}/`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prepared tables", () => {
  it("are read back while the inputs are the same, computed again when one changed or the file is missing", () => {
    const input = join(dir, "input.txt");
    writeFileSync(input, "one");
    let computed = 0;
    const table: PreparedTable<{ text: string }> = {
      name: "test-table",
      inputs: () => [pathToFileURL(input)],
      compute: () => {
        computed++;
        return { text: `computed ${computed}` };
      },
    };
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 1" }); // no file yet
    writePrepared(table, dirUrl); // computed 2, saved
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 2" });
    expect(computed).toBe(2);
    writeFileSync(input, "two");
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 3" });
  });

  it.each([
    ["the gazetteer", GAZETTEER_TABLES],
    ["t2s's needed characters", T2S_NEEDED],
    ["t2s's tries", T2S_TRIES],
  ] as [string, PreparedTable<unknown>][])(
    "%s: the table survives the round trip through the saved file",
    (_, table) => {
      writePrepared(table, dirUrl);
      let computed = 0;
      const counting = {
        ...table,
        compute: () => {
          computed++;
          return table.compute();
        },
      };
      const saved = loadPrepared(counting, dirUrl);
      expect(computed).toBe(0);
      expect(saved).toEqual(table.compute());
    },
  );
});

describe("a trie's shape as data (UnitTrie.toData / fromData)", () => {
  /** Every node reached by a code unit from each node: the whole trie as [node, unit, child] rows. */
  function edgesOf(trie: UnitTrie<unknown>, words: readonly string[]): string[] {
    const rows: string[] = [];
    for (const word of words) {
      let node = 0;
      for (let k = 0; k < word.length && node !== NONE; k++) {
        const child = trie.next(node, word.charCodeAt(k));
        rows.push(`${node} ${word.charCodeAt(k)} ${child}`);
        node = child;
      }
      rows.push(`end ${node} ${String(trie.values[node])}`);
    }
    return rows;
  }

  it("gives back a trie with the same nodes, edges and values", () => {
    const words = ["汉中", "汉中市", "汉阴县", "中", "a", "ab", "abc", "𠀀𠀁", "略阳县", "宁强县", "宁夏"];
    for (let i = 0; i < 3000; i++) words.push(`词${String.fromCharCode(0x4e00 + ((i * 7919) % 20000))}${i}`);
    const trie = new UnitTrie<number>();
    for (const [i, w] of words.entries()) trie.add(w, i);
    const copy = UnitTrie.fromData(JSON.parse(JSON.stringify(trie.toData())), [...trie.values]);
    const probes = [...words, "汉", "汉中县", "abd", "词", "x", "宁夏回族自治区"];
    expect(edgesOf(copy, probes)).toEqual(edgesOf(trie, probes));
    copy.add("新词", -1); // and it grows as before
    expect(copy.values[copy.values.length - 1]).toBe(-1);
    expect(edgesOf(copy, probes)).toEqual(edgesOf(trie, probes));
  });
});
