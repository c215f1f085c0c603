/**
 * Lexicon word lists tested against the text on the hot path ("does one of these words start
 * here / end here / occur in this clause?"). `list.some((w) => s.startsWith(w, i))` compares
 * every word at every call; a WordList looks only at the words whose first (or last) UTF-16
 * unit is the one in the text. Same answers as the plain loops, in the list's order.
 */

/** Words by one of their UTF-16 units, each bucket in list order. */
type Buckets = ReadonlyMap<number, readonly string[]>;

function bucketsBy(words: readonly string[], unitOf: (w: string) => number): Buckets {
  const out = new Map<number, string[]>();
  for (const w of words) {
    if (w === "") continue;
    const k = unitOf(w);
    const list = out.get(k);
    if (list === undefined) out.set(k, [w]);
    else list.push(w);
  }
  return out;
}

export class WordList {
  private readonly byFirst: Buckets;
  private readonly byLast: Buckets;
  /**
   * The first UTF-16 units of the words, a bit each (set: some word starts with it): most
   * positions of a text need no lookup. Bits, not a byte per unit: 8 KiB per list stay in cache
   * beside the other tables of the hot path, where 64 KiB per list did not.
   */
  private readonly firstUnits = new Int32Array(0x10000 >>> 5);
  /** The list holds "", which starts and ends everywhere. */
  private readonly empty: boolean;

  constructor(readonly words: readonly string[]) {
    this.byFirst = bucketsBy(words, (w) => w.charCodeAt(0));
    this.byLast = bucketsBy(words, (w) => w.charCodeAt(w.length - 1));
    this.empty = words.includes("");
    for (const unit of this.byFirst.keys())
      this.firstUnits[unit >>> 5] = (this.firstUnits[unit >>> 5] as number) | (1 << (unit & 31));
  }

  /** The first word of the list that starts at `i` of `s` (`s.startsWith(w, i)`) and passes `test`. */
  at(s: string, i: number, test?: (word: string) => boolean): string | undefined {
    // a negative position counts from 0, as in startsWith
    if (this.empty || i < 0) return this.words.find((w) => s.startsWith(w, i) && (test === undefined || test(w)));
    const bucket = i < s.length ? this.byFirst.get(s.charCodeAt(i)) : undefined;
    if (bucket !== undefined)
      for (const w of bucket) if (s.startsWith(w, i) && (test === undefined || test(w))) return w;
    return undefined;
  }

  /** Does a word that starts at `i` of `s` pass `test`? */
  someAt(s: string, i: number, test: (word: string) => boolean): boolean {
    return this.at(s, i, test) !== undefined;
  }

  /** Does a word start at `i` of `s`? */
  startsAt(s: string, i: number): boolean {
    return this.at(s, i) !== undefined;
  }

  /** The first word of the list that ends at `end` of `s` (`s.endsWith(w, end)`). */
  endingAt(s: string, end: number): string | undefined {
    if (this.empty) return this.words.find((w) => s.endsWith(w, end));
    const e = Math.min(end, s.length);
    const bucket = e > 0 ? this.byLast.get(s.charCodeAt(e - 1)) : undefined;
    if (bucket !== undefined) for (const w of bucket) if (s.endsWith(w, e)) return w;
    return undefined;
  }

  /** Does a word end at `end` of `s` (the end of `s` when omitted)? */
  endsAt(s: string, end = s.length): boolean {
    return this.endingAt(s, end) !== undefined;
  }

  /** Does a word occur in `s[from, to)` (all of `s` by default)? */
  occursIn(s: string, from = 0, to = s.length): boolean {
    if (this.empty) return true;
    const firstUnits = this.firstUnits;
    for (let i = Math.max(0, from); i < to; i++) {
      const c = s.charCodeAt(i);
      if (((firstUnits[c >>> 5] as number) & (1 << (c & 31))) === 0) continue;
      const bucket = this.byFirst.get(c);
      if (bucket === undefined) continue;
      for (const w of bucket) if (i + w.length <= to && s.startsWith(w, i)) return true;
    }
    return false;
  }

  /** The first word of the list (in list order) that occurs in `s` (`words.find((w) => s.includes(w))`). */
  firstIn(s: string): string | undefined {
    if (this.empty) return this.words.find((w) => s.includes(w));
    let best = -1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (((this.firstUnits[c >>> 5] as number) & (1 << (c & 31))) === 0) continue;
      const bucket = this.byFirst.get(c);
      if (bucket === undefined) continue;
      for (const w of bucket) {
        if (!s.startsWith(w, i)) continue;
        const k = this.order(w);
        if (best < 0 || k < best) best = k;
      }
    }
    return best < 0 ? undefined : this.words[best];
  }

  private orderOf: Map<string, number> | undefined;
  private order(w: string): number {
    if (this.orderOf === undefined) {
      this.orderOf = new Map();
      this.words.forEach((x, k) => {
        if (!this.orderOf?.has(x)) this.orderOf?.set(x, k);
      });
    }
    return this.orderOf.get(w) as number;
  }
}

const lists = new WeakMap<readonly string[], WordList>();
/** The WordList of a lexicon array, made once per array. */
export function wordList(words: readonly string[]): WordList {
  let list = lists.get(words);
  if (list === undefined) {
    list = new WordList(words);
    lists.set(words, list);
  }
  return list;
}
