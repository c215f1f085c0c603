/**
 * The dataset's VoID figures without a query over the article graphs: each article graph is
 * summarised where it is made (a build's worker), and a tally adds the summaries up. A build
 * into an empty store thus never loads its article graphs into the engine to count them
 * (stats.ts counts the other graphs and adds the tally).
 *
 * Exact, not estimated: a term that only this article's graph can hold (its observations and
 * mentions: IRIs under `observation/<id>/` and `mention/<id>/`, its "own" terms) is counted
 * per graph; every other term and every statement about one is handed over as a key and
 * counted once over the dataset. A tally that finds an own term of one graph anywhere else
 * says so (`consistent`), and the figures are then counted by the store instead.
 */
import { hash } from "node:crypto";
import type * as RDF from "@rdfjs/types";
import { LINK_PREDICATES, LINK_TARGETS } from "../link/targets.js";
import { RDF as RDFV, XSD } from "../rdf/vocab.js";

/**
 * What the VoID figures need of one article graph. Keys (termKey, tripleKey) go as their
 * digests (`digestKey`), by category (`Category`): 16 bytes each, whatever the length of the
 * term (an article's text is one), so that a tally of 10,000 graphs fits in a small file and a
 * build can keep it from one run to the next (the store's index, build/build-index.ts).
 */
export interface GraphSummary {
  readonly graph: string;
  /** Distinct quads of the graph. */
  readonly quads: number;
  /** Prefixes of the graph's own IRIs. */
  readonly own: readonly string[];
  /** Distinct own subjects, own objects and statements about an own subject. */
  readonly ownSubjects: number;
  readonly ownObjects: number;
  readonly ownTriples: number;
  /** Own subjects per class (class IRI → count). */
  readonly ownClasses: Readonly<Record<string, number>>;
  /** Digests of the other terms and statements, by category. */
  readonly keys: Readonly<Record<string, readonly string[]>>;
  /** Own-IRI prefixes (of any article) met as one of the other terms. */
  readonly foreign: readonly string[];
}

/**
 * Categories of keys: subjects, objects, properties, statements (about another subject, and
 * every link statement), entities (subjects under the base), subjects of a class (`c <class>`),
 * link statements of a link set (`l <target id> <predicate>`).
 */
const TYPED = "c ";
const LINKED = "l ";
const Category = {
  subjects: "s",
  objects: "o",
  properties: "p",
  triples: "t",
  entities: "e",
  typed: (cls: string) => `${TYPED}${cls}`,
  link: (target: string, predicate: string) => `${LINKED}${target} ${predicate}`,
} as const;

/**
 * A key's digest: its MD5 as a 16-character binary string. Content addressing, not security:
 * two keys of one category that collide would count as one (odds about 1 in 10^26 for a
 * million keys).
 */
const digestKey = (key: string): string => hash("md5", key, "binary");

/**
 * A term as a key: the id n3 gives it (`iri`, `_:label`, `"value"`, `"value"@lang` with the
 * language in lower case, `"value"^^datatype`), computed alike for a term of another library.
 * An n3 term's id is a field: no getter that cuts the value out of it again.
 */
export function termKey(t: RDF.Term): string {
  const id = (t as { readonly id?: unknown }).id;
  if (typeof id === "string") return id;
  switch (t.termType) {
    case "NamedNode":
      return t.value;
    case "BlankNode":
      return `_:${t.value}`;
    case "Literal":
      return literalKey(t.value, t.language, t.datatype.value);
    default:
      return `?${t.value}`;
  }
}

function literalKey(value: string, language: string, datatype: string): string {
  if (language !== "") return `"${value}"@${language.toLowerCase()}`;
  return datatype === XSD.string ? `"${value}"` : `"${value}"^^${datatype}`;
}

/** A statement as the keys of its terms (`termKey`): what a tally counts of a graph it did not summarise. */
export interface StatementKeys {
  readonly s: string;
  readonly p: string;
  readonly o: string;
  /** Whether the object is an IRI. */
  readonly iriObject: boolean;
}

/** The keys of a statement. */
export const statementKeysOf = (q: RDF.Quad): StatementKeys => ({
  s: termKey(q.subject),
  p: q.predicate.value,
  o: termKey(q.object),
  iriObject: q.object.termType === "NamedNode",
});

/**
 * The keys of the statements of an N-Triples text as the store writes it (one statement per
 * line, terms separated by one space), read without building terms: several times faster
 * than the store's terms through JS. Undefined for anything else (an RDF-star triple term, a
 * comment): the caller reads those statements as terms instead.
 */
export function ntriplesKeys(text: string): StatementKeys[] | undefined {
  const out: StatementKeys[] = [];
  let at = 0;
  const n = text.length;
  /** An IRI or blank node from `at` (moving `at` past it), or undefined. */
  const node = (): string | undefined => {
    const c = text.charCodeAt(at);
    if (c === 0x3c) {
      const end = text.indexOf(">", at);
      if (end < 0) return undefined;
      const iri = text.slice(at + 1, end);
      at = end + 1;
      return iri;
    }
    if (c === 0x5f && text.charCodeAt(at + 1) === 0x3a) {
      const end = text.indexOf(" ", at);
      if (end < 0) return undefined;
      const label = text.slice(at, end);
      at = end;
      return label;
    }
    return undefined;
  };
  while (at < n) {
    const s = node();
    if (s === undefined || text.charCodeAt(at) !== 0x20) return undefined;
    at++;
    if (text.charCodeAt(at) !== 0x3c) return undefined;
    const p = node();
    if (p === undefined || text.charCodeAt(at) !== 0x20) return undefined;
    at++;
    let o: string | undefined;
    let iriObject = false;
    if (text.charCodeAt(at) === 0x22) {
      // a literal: up to the first quotation mark not escaped
      let end = at + 1;
      let escaped = false;
      for (;;) {
        end = text.indexOf('"', end);
        if (end < 0) return undefined;
        let backslashes = 0;
        for (let b = end - 1; text.charCodeAt(b) === 0x5c; b--) backslashes++;
        if (backslashes % 2 === 0) break;
        escaped = true;
        end++;
      }
      let value = text.slice(at + 1, end);
      if (escaped || value.includes("\\")) {
        const v = unescapeNTriples(value);
        if (v === undefined) return undefined;
        value = v;
      }
      at = end + 1;
      const c = text.charCodeAt(at);
      if (c === 0x40) {
        const stop = text.indexOf(" ", at);
        if (stop < 0) return undefined;
        o = literalKey(value, text.slice(at + 1, stop), "");
        at = stop;
      } else if (c === 0x5e && text.charCodeAt(at + 1) === 0x5e) {
        at += 2;
        const dt = node();
        if (dt === undefined) return undefined;
        o = literalKey(value, "", dt);
      } else o = literalKey(value, "", XSD.string);
    } else {
      iriObject = text.charCodeAt(at) === 0x3c;
      o = node();
    }
    if (o === undefined || text.charCodeAt(at) !== 0x20 || text.charCodeAt(at + 1) !== 0x2e) return undefined;
    at += 2;
    if (text.charCodeAt(at) !== 0x0a) return undefined;
    at++;
    out.push({ s, p, o, iriObject });
  }
  return out;
}

const ECHAR: Readonly<Record<string, string>> = {
  t: "\t",
  b: "\b",
  n: "\n",
  r: "\r",
  f: "\f",
  '"': '"',
  "'": "'",
  "\\": "\\",
};

/** An N-Triples string's escapes undone (ECHAR, UCHAR); undefined for a malformed one. */
function unescapeNTriples(v: string): string | undefined {
  let bad = false;
  const out = v.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/gu, (_, u4, u8, c) => {
    if (u4 !== undefined || u8 !== undefined) return String.fromCodePoint(Number.parseInt(u4 ?? u8, 16));
    const e = ECHAR[c as string];
    if (e === undefined) bad = true;
    return e ?? "";
  });
  return bad ? undefined : out;
}

/** Whether a key is an IRI's (a literal's starts with a quotation mark, a blank node's with `_:`). */
const isIriKey = (key: string): boolean => !key.startsWith('"') && !key.startsWith("_:");

/**
 * The key of a term as the embedded store holds it, or undefined when that is not known here.
 * Oxigraph stores some literals by value: every integer type as an xsd:integer without sign or
 * leading zeros, a decimal without trailing zeros, a language tag in lower case (measured on
 * oxigraph 0.5: test/graph-summary.test.ts). Two statements of one graph that differ only so are
 * one statement in the store.
 */
export function storedKey(t: RDF.Term): string | undefined {
  const key = termKey(t);
  if (t.termType !== "Literal") return key;
  const end = key.lastIndexOf('"');
  if (key.charCodeAt(end + 1) !== 0x5e) return key; // "value" or "value"@lang
  const dt = key.slice(end + 3);
  if (!NATIVE.has(dt)) return key;
  const v = key.slice(1, end);
  if (INTEGER_TYPES.has(dt)) return INTEGER.test(v) ? literalKey(BigInt(v).toString(), "", XSD.integer) : key;
  if (dt === XSD.decimal) {
    const m = DECIMAL.exec(v);
    if (m === null) return key;
    const [, sign, whole = "", f1, f2] = m;
    const fraction = f1 ?? f2 ?? "";
    const w = whole.replace(/^0+/u, "");
    const f = fraction.replace(/0+$/u, "");
    if (w.length > 20 || f.length > 18) return undefined; // beyond the store's decimals: kept as written, or not
    const digits = `${w === "" ? "0" : w}${f === "" ? "" : `.${f}`}`;
    return literalKey(sign === "-" && digits !== "0" ? `-${digits}` : digits, "", dt);
  }
  const safe = AS_WRITTEN.get(dt);
  return safe?.test(v) ? key : undefined;
}

const XS = "http://www.w3.org/2001/XMLSchema#";
const INTEGER_TYPES = new Set(
  [
    "integer",
    "long",
    "int",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
  ].map((n) => XS + n),
);
const INTEGER = /^[+-]?\d+$/u;
const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))$/u;
/** Literals the store keeps as written when they look so (else: not known here). */
const AS_WRITTEN = new Map<string, RegExp>([
  [`${XS}date`, /^\d{4}-\d\d-\d\d$/u],
  [`${XS}gYear`, /^\d{4}$/u],
  [`${XS}boolean`, /^(?:true|false)$/u],
]);
/** The other datatypes the store holds by value. */
const OTHER_NATIVE = new Set(
  [
    "double",
    "float",
    "dateTime",
    "dateTimeStamp",
    "time",
    "gYearMonth",
    "gMonth",
    "gDay",
    "gMonthDay",
    "duration",
    "dayTimeDuration",
    "yearMonthDuration",
  ].map((n) => XS + n),
);

/** Every datatype the store may hold by value. */
const NATIVE = new Set([...INTEGER_TYPES, XSD.decimal, ...AS_WRITTEN.keys(), ...OTHER_NATIVE]);

/** A statement as a key (its three term keys, NUL-separated). */
export const tripleKey = (s: string, p: string, o: string): string => `${s}\u0000${p}\u0000${o}`;

/** The own-IRI prefix (`<base>observation/<id>/`, `<base>mention/<id>/`) an IRI falls under, if any. */
export function ownPrefixOf(iri: string, base: string): string | undefined {
  for (const kind of OWN_KINDS) {
    const start = base.length + kind.length;
    if (iri.startsWith(kind, base.length) && iri.startsWith(base)) {
      const slash = iri.indexOf("/", start);
      return slash > start ? iri.slice(0, slash + 1) : undefined;
    }
  }
  return undefined;
}
const OWN_KINDS = ["observation/", "mention/"];

/** The own-IRI prefixes of an article (its id as minted into IRIs). */
export function ownPrefixes(base: string, articleId: string): string[] {
  const id = encodeURIComponent(articleId);
  return OWN_KINDS.map((k) => `${base}${k}${id}/`);
}

const LINKS = new Set(LINK_PREDICATES);

/** The link-set categories of a link statement (predicate, object key): one per target whose URI space holds the object. */
function linkCategories(p: string, o: string): string[] {
  const out: string[] = [];
  if (LINKS.has(p)) for (const t of LINK_TARGETS) if (o.startsWith(t.uriSpace)) out.push(Category.link(t.id, p));
  return out;
}

/** A statement's key as the store holds it (storedKey), or undefined when that is not known here. */
export function storedTripleKey(q: RDF.Quad): string | undefined {
  const o = storedKey(q.object);
  return o === undefined ? undefined : tripleKey(termKey(q.subject), q.predicate.value, o);
}

/** A graph's summary, and which of its quads to keep: the first of each statement as the store holds it. */
export interface Summarised {
  readonly summary: GraphSummary;
  /** 1 for a quad to keep, 0 for a repeat of an earlier one (by storedTripleKey). */
  readonly keep: Uint8Array;
}

/** Distinct keys by category, digested once each. */
class KeySets {
  readonly #sets = new Map<string, Set<string>>();
  readonly #digests = new Map<string, string>();

  add(category: string, key: string): void {
    let set = this.#sets.get(category);
    if (set === undefined) {
      set = new Set();
      this.#sets.set(category, set);
    }
    set.add(key);
  }

  /** Category → digests of its keys. */
  digested(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [c, set] of this.#sets) {
      const list: string[] = [];
      for (const k of set) {
        let d = this.#digests.get(k);
        if (d === undefined) {
          d = digestKey(k);
          this.#digests.set(k, d);
        }
        list.push(d);
      }
      out[c] = list;
    }
    return out;
  }
}

/**
 * The keys of a statement about a subject that is not an own IRI of the graph (or of a link
 * statement): subject, entity, statement, class, link sets.
 */
function addStatementKeys(keys: KeySets, s: string, p: string, o: string, t: string, isType: boolean, base: string) {
  keys.add(Category.subjects, s);
  if (s.startsWith(base)) keys.add(Category.entities, s);
  keys.add(Category.triples, t);
  if (isType) keys.add(Category.typed(o), s);
  for (const c of linkCategories(p, o)) keys.add(c, t);
}

/**
 * Summarises one article graph (`own`: its own-IRI prefixes, under `base`) from its quads,
 * each counted once as the store holds it (storedTripleKey); undefined when a literal is one
 * whose stored form is not known here.
 */
export function summariseGraph(
  graph: string,
  quads: readonly RDF.Quad[],
  own: readonly string[],
  base: string,
): Summarised | undefined {
  // an IRI under one of the prefixes (each ends with the article's id and a slash, and an id
  // holds no slash): the IRI's own prefix is that one
  const isOwn = (t: RDF.Term) => t.termType === "NamedNode" && own.some((p) => t.value.startsWith(p));
  const keep = new Uint8Array(quads.length);
  const seen = new Set<string>();
  const ownSubjects = new Set<string>();
  const ownObjects = new Set<string>();
  const ownClasses: Record<string, number> = {};
  let ownTriples = 0;
  const keys = new KeySets();
  const foreign = new Set<string>();
  const other = new Set<string>();
  const notOwn = (key: string) => {
    if (other.has(key)) return;
    other.add(key);
    if (isIriKey(key)) {
      const prefix = ownPrefixOf(key, base);
      if (prefix !== undefined) foreign.add(prefix);
    }
  };
  for (let i = 0; i < quads.length; i++) {
    const q = quads[i] as RDF.Quad;
    const ownO = isOwn(q.object);
    const o = ownO ? q.object.value : storedKey(q.object);
    if (o === undefined) return undefined;
    const p = q.predicate.value;
    const s = termKey(q.subject);
    const t = tripleKey(s, p, o);
    if (seen.has(t)) continue;
    seen.add(t);
    keep[i] = 1;
    keys.add(Category.properties, p);
    if (ownO) ownObjects.add(o);
    else {
      keys.add(Category.objects, o);
      notOwn(o);
    }
    const isType = p === RDFV.type && q.object.termType === "NamedNode";
    if (isOwn(q.subject)) {
      ownSubjects.add(q.subject.value);
      if (LINKS.has(p)) {
        keys.add(Category.triples, t);
        for (const c of linkCategories(p, o)) keys.add(c, t);
      } else ownTriples++;
      // each statement once: one per (subject, class)
      if (isType) ownClasses[q.object.value] = (ownClasses[q.object.value] ?? 0) + 1;
    } else {
      notOwn(s);
      addStatementKeys(keys, s, p, o, t, isType, base);
    }
  }
  const summary: GraphSummary = {
    graph,
    quads: seen.size,
    own,
    ownSubjects: ownSubjects.size,
    ownObjects: ownObjects.size,
    ownTriples,
    ownClasses,
    keys: keys.digested(),
    foreign: [...foreign],
  };
  return { summary, keep };
}

/** The figures a tally gives (the same as `DatasetStats` less the graphs' count). */
export interface TallyFigures {
  readonly triples: number;
  readonly subjects: number;
  readonly entities: number;
  readonly properties: number;
  readonly objects: number;
  readonly classes: ReadonlyMap<string, number>;
  /** Distinct link statements per link set: target id → predicate → count. */
  readonly links: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Adds `n` to a count of a map (deleting it at 0). */
function bump<K>(map: Map<K, number>, key: K, n: number): number {
  const v = (map.get(key) ?? 0) + n;
  if (v === 0) map.delete(key);
  else map.set(key, v);
  return v;
}

/**
 * First line of a saved tally. The number goes up whenever what `summariseGraph` makes of a
 * graph changes (keys, categories, own IRIs): a tally of other summaries cannot have a graph
 * taken away by summarising its text again.
 */
const TALLY_FORMAT = "article-kg tally 2";

/**
 * Adds up graph summaries, and takes them away again: each key is kept with the number of
 * summaries that hold it, so a graph replaced or dropped changes the figures without the
 * others being read again. The summaries' quads must be distinct within each graph; two
 * summaries of one graph make it inconsistent. A tally saves to bytes and loads from them
 * (`toBytes`, `fromBytes`).
 */
export class DatasetTally {
  readonly #base: string;
  /** The summarised graphs. */
  readonly graphs = new Set<string>();
  #ownSubjects = 0;
  #ownObjects = 0;
  #ownTriples = 0;
  readonly #ownClasses = new Map<string, number>();
  /** Own-IRI prefixes of the summarised graphs, and of the other terms (consistent only if none is both). */
  readonly #own = new Map<string, number>();
  readonly #foreign = new Map<string, number>();
  /** Category → digest → summaries holding it. */
  readonly #keys = new Map<string, Map<string, number>>();
  #untrusted = false;

  constructor(base: string) {
    this.#base = base;
  }

  /** Adds one article graph's summary. */
  add(s: GraphSummary): void {
    if (this.graphs.has(s.graph)) this.#untrusted = true;
    this.graphs.add(s.graph);
    this.#apply(s, 1);
  }

  /** Takes away the summary of a graph added before (its graph replaced or dropped). */
  remove(s: GraphSummary): void {
    if (!this.graphs.delete(s.graph)) {
      this.#untrusted = true; // not there: the figures cannot be trusted
      return;
    }
    this.#apply(s, -1);
  }

  #apply(s: GraphSummary, n: number): void {
    // a count below zero: a summary taken away that was not the one added (the figures are
    // then not to be trusted, and the tally is not saved)
    let negative = false;
    const add = <K>(map: Map<K, number>, key: K, by: number) => {
      if (bump(map, key, by) < 0) negative = true;
    };
    this.#ownSubjects += n * s.ownSubjects;
    this.#ownObjects += n * s.ownObjects;
    this.#ownTriples += n * s.ownTriples;
    for (const [c, k] of Object.entries(s.ownClasses)) add(this.#ownClasses, c, n * k);
    for (const p of s.own) add(this.#own, p, n);
    for (const p of s.foreign) add(this.#foreign, p, n);
    for (const [category, digests] of Object.entries(s.keys)) {
      let map = this.#keys.get(category);
      if (map === undefined) {
        map = new Map();
        this.#keys.set(category, map);
      }
      for (const d of digests) add(map, d, n);
      if (map.size === 0) this.#keys.delete(category);
    }
    if (negative || this.#ownSubjects < 0 || this.#ownObjects < 0 || this.#ownTriples < 0) this.#untrusted = true;
  }

  /** Whether the summaries add up: no graph twice, none taken away that was not added, no graph's own IRI used by another graph. */
  get consistent(): boolean {
    if (this.#untrusted) return false;
    for (const p of this.#foreign.keys()) if (this.#own.has(p)) return false;
    return true;
  }

  /**
   * The figures over every summary, and the statements `others` of graphs that were not
   * summarised (as the store gives them back); undefined when they do not add up (see
   * `consistent`, and an own IRI of a summarised graph among the other statements).
   */
  figures(others: Iterable<StatementKeys> = []): TallyFigures | undefined {
    if (!this.consistent) return undefined;
    const base = this.#base;
    const keys = new KeySets();
    let foreign = false;
    const iri = (key: string) => {
      if (isIriKey(key)) {
        const prefix = ownPrefixOf(key, base);
        if (prefix !== undefined && this.#own.has(prefix)) foreign = true;
      }
    };
    for (const { s, p, o, iriObject } of others) {
      iri(s);
      iri(o);
      keys.add(Category.properties, p);
      keys.add(Category.objects, o);
      addStatementKeys(keys, s, p, o, tripleKey(s, p, o), iriObject && p === RDFV.type, base);
    }
    if (foreign) return undefined;
    // each category: the summaries' keys, and the others' keys that no summary holds
    const sizes = new Map<string, number>();
    for (const [c, map] of this.#keys) sizes.set(c, map.size);
    for (const [c, digests] of Object.entries(keys.digested())) {
      const map = this.#keys.get(c);
      let extra = 0;
      for (const d of digests) if (map?.has(d) !== true) extra++;
      sizes.set(c, (sizes.get(c) ?? 0) + extra);
    }
    const size = (c: string) => sizes.get(c) ?? 0;
    const classes = new Map(this.#ownClasses);
    const links = new Map<string, Map<string, number>>();
    for (const [c, n] of sizes) {
      if (c.startsWith(TYPED)) bump(classes, c.slice(TYPED.length), n);
      else if (c.startsWith(LINKED)) {
        const [target = "", predicate = ""] = c.slice(LINKED.length).split(" ");
        let perTarget = links.get(target);
        if (perTarget === undefined) {
          perTarget = new Map();
          links.set(target, perTarget);
        }
        perTarget.set(predicate, n);
      }
    }
    return {
      triples: size(Category.triples) + this.#ownTriples,
      subjects: size(Category.subjects) + this.#ownSubjects,
      entities: size(Category.entities) + this.#ownSubjects,
      properties: size(Category.properties),
      objects: size(Category.objects) + this.#ownObjects,
      classes: new Map([...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      links,
    };
  }

  /**
   * The tally as bytes: a JSON line (graphs, counts, prefixes, categories and their sizes),
   * then per category its digests (16 bytes each) and their counts (4 bytes each, little-endian).
   */
  toBytes(): Buffer {
    const categories = [...this.#keys].map(([c, m]) => [c, m.size] as const);
    const head = JSON.stringify({
      format: TALLY_FORMAT,
      base: this.#base,
      graphs: [...this.graphs],
      ownSubjects: this.#ownSubjects,
      ownObjects: this.#ownObjects,
      ownTriples: this.#ownTriples,
      ownClasses: [...this.#ownClasses],
      own: [...this.#own],
      foreign: [...this.#foreign],
      untrusted: this.#untrusted,
      categories,
    });
    let bytes = 0;
    for (const [, n] of categories) bytes += n * 20;
    const headBytes = Buffer.from(`${head}\n`, "utf8");
    const out = Buffer.allocUnsafe(headBytes.length + bytes);
    headBytes.copy(out, 0);
    let at = headBytes.length;
    for (const [, map] of this.#keys) {
      for (const d of map.keys()) at += out.write(d, at, "latin1");
      for (const n of map.values()) at = out.writeUInt32LE(n, at);
    }
    return out;
  }

  /** A tally saved by `toBytes`; undefined when the bytes are not one (or of another base). */
  static fromBytes(bytes: Uint8Array, base: string): DatasetTally | undefined {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const nl = buf.indexOf(10);
    if (nl < 0) return undefined;
    let head: TallyHead;
    try {
      head = JSON.parse(buf.toString("utf8", 0, nl)) as TallyHead;
    } catch {
      return undefined;
    }
    if (head.format !== TALLY_FORMAT || head.base !== base) return undefined;
    let bytesNeeded = nl + 1;
    for (const [, n] of head.categories) bytesNeeded += n * 20;
    if (bytesNeeded !== buf.length) return undefined;
    const t = new DatasetTally(base);
    for (const g of head.graphs) t.graphs.add(g);
    t.#ownSubjects = head.ownSubjects;
    t.#ownObjects = head.ownObjects;
    t.#ownTriples = head.ownTriples;
    for (const [c, n] of head.ownClasses) t.#ownClasses.set(c, n);
    for (const [p, n] of head.own) t.#own.set(p, n);
    for (const [p, n] of head.foreign) t.#foreign.set(p, n);
    t.#untrusted = head.untrusted;
    let at = nl + 1;
    for (const [c, n] of head.categories) {
      const map = new Map<string, number>();
      const counts = at + n * 16;
      for (let i = 0; i < n; i++)
        map.set(buf.toString("latin1", at + i * 16, at + i * 16 + 16), buf.readUInt32LE(counts + i * 4));
      at = counts + n * 4;
      t.#keys.set(c, map);
    }
    return t;
  }
}

/** The JSON line of a saved tally. */
interface TallyHead {
  readonly format: string;
  readonly base: string;
  readonly graphs: readonly string[];
  readonly ownSubjects: number;
  readonly ownObjects: number;
  readonly ownTriples: number;
  readonly ownClasses: readonly [string, number][];
  readonly own: readonly [string, number][];
  readonly foreign: readonly [string, number][];
  readonly untrusted: boolean;
  readonly categories: readonly [string, number][];
}
