/**
 * A character trie by UTF-16 code unit, stored in typed arrays: nodes are numbers, the root's
 * children are an array by code unit, every other edge sits in one open-addressing hash table.
 * The tries of the hot paths (script conversion, places, cue words, program labels) are walked
 * at every position of every article; with a Map per node a walk was a chain of dependent loads
 * through objects scattered over the heap, most of them cache misses once the rest of the
 * extraction had run. Here a step is one or two reads of a few compact arrays.
 */

/** Node 0 is the root; a child number 0 means "no such child" (the root is nobody's child). */
export const NONE = 0;

/**
 * The shape of a built trie as plain data, for a table prepared at build time (data/prepared.ts):
 * each node's parent and code unit, as base64 of typed arrays in the platform's byte order
 * (node 0, the root, has none; a prepared table is keyed by the byte order too). The values stay the caller's, by node number.
 */
export interface UnitTrieData {
  /** Int32Array: the parent of each node. */
  readonly parents: string;
  /** Uint16Array: the code unit of the edge into each node. */
  readonly units: string;
}

export class UnitTrie<T> {
  /** The root's child by code unit (0: none). */
  readonly first = new Int32Array(0x10000);
  /**
   * A bit per code unit that some word starts with (8 KiB): most positions of a text start no
   * word, and the bit says so from a table that stays in cache, where `first` (256 KiB per
   * trie, five tries walked over every article) does not.
   */
  private readonly starts = new Int32Array(0x10000 >>> 5);

  /** The root's child by code unit `unit`, or NONE (as `first[unit]`). */
  root(unit: number): number {
    return ((this.starts[unit >>> 5] as number) & (1 << (unit & 31))) === 0 ? NONE : (this.first[unit] as number);
  }
  /** The value of each node (undefined: no word ends there). */
  readonly values: (T | undefined)[];
  /** Hash table of the other edges: parent (0: free slot), code unit, child. */
  private parents = new Int32Array(1024);
  private units = new Uint16Array(1024);
  private children = new Int32Array(1024);
  private mask = 1023;
  private edges = 0;

  /** An empty trie; or, with `values`, one whose nodes `fromData` links. */
  constructor(values: (T | undefined)[] = [undefined]) {
    this.values = values;
  }

  /** A trie of the shape `data` (from `toData`) with these values by node, without adding the words again. */
  static fromData<T>(data: UnitTrieData, values: (T | undefined)[]): UnitTrie<T> {
    const parents = new Int32Array(bytesOf(data.parents).buffer);
    const units = new Uint16Array(bytesOf(data.units).buffer);
    const n = values.length;
    if (parents.length !== n || units.length !== n)
      throw new Error(`trie data of ${parents.length} nodes, ${n} values`);
    const trie = new UnitTrie<T>(values);
    let edges = 0;
    for (let node = 1; node < n; node++) if (parents[node] !== 0) edges++;
    let size = trie.mask + 1;
    while (2 * edges > size) size *= 2; // the size that adding the words one by one ends with
    trie.resize(size);
    for (let node = 1; node < n; node++) {
      const parent = parents[node] as number;
      if (parent === 0) {
        const unit = units[node] as number;
        trie.first[unit] = node;
        trie.starts[unit >>> 5] = (trie.starts[unit >>> 5] as number) | (1 << (unit & 31));
      } else trie.put(parent, units[node] as number, node);
    }
    trie.edges = edges;
    return trie;
  }

  /** The shape of the trie (see `UnitTrieData`); its values are `values`. */
  toData(): UnitTrieData {
    const n = this.values.length;
    const parents = new Int32Array(n);
    const units = new Uint16Array(n);
    for (let unit = 0; unit < 0x10000; unit++) {
      const child = this.first[unit] as number;
      if (child !== NONE) units[child] = unit;
    }
    for (let h = 0; h <= this.mask; h++) {
      const parent = this.parents[h] as number;
      if (parent === 0) continue;
      const child = this.children[h] as number;
      parents[child] = parent;
      units[child] = this.units[h] as number;
    }
    return { parents: base64Of(parents), units: base64Of(units) };
  }

  /** The child of `node` by code unit `unit`, or NONE. */
  next(node: number, unit: number): number {
    if (node === 0) return this.root(unit);
    const parents = this.parents;
    for (let h = slot(node, unit) & this.mask; ; h = (h + 1) & this.mask) {
      const p = parents[h] as number;
      if (p === node && this.units[h] === unit) return this.children[h] as number;
      if (p === 0) return NONE;
    }
  }

  /** Adds a word (its code units); a word added twice keeps the last value. */
  add(word: string, value: T): void {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const unit = word.charCodeAt(k);
      let child = this.next(node, unit);
      if (child === NONE) {
        child = this.values.length;
        this.values.push(undefined);
        if (node === 0) {
          this.first[unit] = child;
          this.starts[unit >>> 5] = (this.starts[unit >>> 5] as number) | (1 << (unit & 31));
        } else this.link(node, unit, child);
      }
      node = child;
    }
    this.values[node] = value;
  }

  private link(node: number, unit: number, child: number): void {
    if (2 * (this.edges + 1) > this.mask + 1) this.grow();
    this.put(node, unit, child);
    this.edges++;
  }

  private put(node: number, unit: number, child: number): void {
    let h = slot(node, unit) & this.mask;
    while (this.parents[h] !== 0) h = (h + 1) & this.mask;
    this.parents[h] = node;
    this.units[h] = unit;
    this.children[h] = child;
  }

  /** Doubles the table (kept at most half full, so that a miss ends after a probe or two). */
  private grow(): void {
    this.resize(2 * (this.mask + 1));
  }

  private resize(size: number): void {
    const { parents, units, children } = this;
    this.parents = new Int32Array(size);
    this.units = new Uint16Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
    for (let h = 0; h < parents.length; h++)
      if (parents[h] !== 0) this.put(parents[h] as number, units[h] as number, children[h] as number);
  }
}

/** Hash of an edge (multiplicative: neighbouring nodes and units land far apart). */
function slot(node: number, unit: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** The bytes of a typed array in base64. */
function base64Of(array: Int32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** Base64 as bytes in a buffer of their own (aligned for any typed array over it). */
function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}

/**
 * A set of BMP characters by UTF-16 code unit, a bit each (8 KiB): the tables tested at every
 * position of every article stay in cache together, where a byte per unit (64 KiB each) did not.
 */
export type UnitSet = Int32Array;

/** The set of the code units of `chars`. */
export function codeUnits(chars: string): UnitSet {
  const set = new Int32Array(0x10000 >>> 5);
  for (let i = 0; i < chars.length; i++) addUnit(set, chars.charCodeAt(i));
  return set;
}

/** Adds code unit `c` to a set. */
export function addUnit(set: UnitSet, c: number): void {
  set[c >>> 5] = (set[c >>> 5] as number) | (1 << (c & 31));
}

/** Is code unit `c` in the set? */
export function hasUnit(set: UnitSet, c: number): boolean {
  return ((set[c >>> 5] as number) & (1 << (c & 31))) !== 0;
}
