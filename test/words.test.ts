import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WordList, wordList } from "../src/extract/words.js";

// a small alphabet, so that words and texts overlap often
const text = fc.string({ unit: fc.constantFrom("脱", "贫", "人", "口", "万", "a", "1", "，"), maxLength: 24 });
const words = fc.array(text, { maxLength: 8 });

describe("WordList: the same answers as the plain loops over the list", () => {
  it("at, startsAt, someAt", () => {
    fc.assert(
      fc.property(words, text, fc.integer({ min: -3, max: 30 }), (ws, s, i) => {
        const list = new WordList(ws);
        expect(list.at(s, i)).toBe(ws.find((w) => s.startsWith(w, i)));
        expect(list.startsAt(s, i)).toBe(ws.some((w) => s.startsWith(w, i)));
        const test = (w: string) => w.length % 2 === 0;
        expect(list.someAt(s, i, test)).toBe(ws.some((w) => s.startsWith(w, i) && test(w)));
      }),
    );
  });
  it("endingAt, endsAt", () => {
    fc.assert(
      fc.property(words, text, fc.integer({ min: -3, max: 30 }), (ws, s, end) => {
        const list = new WordList(ws);
        expect(list.endingAt(s, end)).toBe(ws.find((w) => s.endsWith(w, end)));
        expect(list.endsAt(s, end)).toBe(ws.some((w) => s.endsWith(w, end)));
        expect(list.endsAt(s)).toBe(ws.some((w) => s.endsWith(w)));
      }),
    );
  });
  it("occursIn, firstIn", () => {
    fc.assert(
      fc.property(words, text, (ws, s) => {
        const list = new WordList(ws);
        expect(list.occursIn(s)).toBe(ws.some((w) => s.includes(w)));
        expect(list.firstIn(s)).toBe(ws.find((w) => s.includes(w)));
        const from = Math.floor(s.length / 3);
        const to = s.length - 1;
        expect(list.occursIn(s, from, to)).toBe(ws.some((w) => s.slice(from, Math.max(from, to)).includes(w)));
      }),
    );
  });
  it("wordList makes one list per array", () => {
    const ws = ["贫困", "脱贫"];
    expect(wordList(ws)).toBe(wordList(ws));
    expect(wordList(ws).firstIn("全县脱贫贫困")).toBe("贫困");
  });
});
