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
import type * as RDF from "@rdfjs/types";
import { LINK_PREDICATES } from "../link/targets.js";
import { RDF as RDFV, XSD } from "../rdf/vocab.js";

/** What the VoID figures need of one article graph. */
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
  /** Keys (termKey) of the other subjects, objects and properties. */
  readonly subjects: readonly string[];
  readonly objects: readonly string[];
  readonly properties: readonly string[];
  /** Keys (tripleKey) of the statements about another subject, and of every link statement. */
  readonly triples: readonly string[];
  /** `subjectKey classKey` of the other subjects' classes. */
  readonly typed: readonly string[];
}

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

/**
 * Summarises one article graph (`own`: its own-IRI prefixes) from its quads, each counted once
 * as the store holds it (storedTripleKey); undefined when a literal is one whose stored form is
 * not known here.
 */
export function summariseGraph(
  graph: string,
  quads: readonly RDF.Quad[],
  own: readonly string[],
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
  const subjects = new Set<string>();
  const objects = new Set<string>();
  const properties = new Set<string>();
  const triples = new Set<string>();
  const typed = new Set<string>();
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
    properties.add(p);
    if (ownO) ownObjects.add(o);
    else objects.add(o);
    const isType = p === RDFV.type && q.object.termType === "NamedNode";
    if (isOwn(q.subject)) {
      ownSubjects.add(q.subject.value);
      if (LINKS.has(p)) triples.add(t);
      else ownTriples++;
      // each statement once: one per (subject, class)
      if (isType) ownClasses[q.object.value] = (ownClasses[q.object.value] ?? 0) + 1;
    } else {
      subjects.add(s);
      triples.add(t);
      if (isType) typed.add(`${s} ${o}`);
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
    subjects: [...subjects],
    objects: [...objects],
    properties: [...properties],
    triples: [...triples],
    typed: [...typed],
  };
  return { summary, keep };
}

/** The figures a tally gives (the same as `DatasetStats` less the link sets and the graphs' count). */
export interface TallyFigures {
  readonly triples: number;
  readonly subjects: number;
  readonly entities: number;
  readonly properties: number;
  readonly objects: number;
  readonly classes: ReadonlyMap<string, number>;
  /** Distinct statements with a link predicate (p, o keys): what the link-set figures count. */
  readonly links: readonly (readonly [string, string])[];
}

/**
 * Adds up graph summaries (and the statements of the other graphs, `addQuad`). The summaries'
 * quads must be distinct within each graph; two summaries of one graph make it inconsistent.
 */
export class DatasetTally {
  readonly #base: string;
  readonly graphs = new Set<string>();
  #ownSubjects = 0;
  #ownObjects = 0;
  #ownTriples = 0;
  readonly #ownClasses = new Map<string, number>();
  readonly #own = new Set<string>();
  /** Own-IRI prefixes met as another graph's term (consistent only if none is a summarised graph's). */
  readonly #foreign = new Set<string>();
  readonly #subjects = new Set<string>();
  readonly #objects = new Set<string>();
  readonly #properties = new Set<string>();
  readonly #triples = new Set<string>();
  readonly #typed = new Set<string>();
  #twice = false;

  constructor(base: string) {
    this.#base = base;
  }

  /** Adds one article graph's summary. */
  add(s: GraphSummary): void {
    if (this.graphs.has(s.graph)) this.#twice = true;
    this.graphs.add(s.graph);
    this.#ownSubjects += s.ownSubjects;
    this.#ownObjects += s.ownObjects;
    this.#ownTriples += s.ownTriples;
    for (const [c, n] of Object.entries(s.ownClasses)) this.#ownClasses.set(c, (this.#ownClasses.get(c) ?? 0) + n);
    for (const p of s.own) this.#own.add(p);
    for (const k of s.subjects) this.#addKey(this.#subjects, k);
    for (const k of s.objects) this.#addKey(this.#objects, k);
    for (const k of s.properties) this.#properties.add(k);
    for (const k of s.triples) this.#triples.add(k);
    for (const k of s.typed) this.#typed.add(k);
  }

  /** Adds one statement of a graph that was not summarised. */
  addQuad(q: RDF.Quad): void {
    const s = termKey(q.subject);
    const p = termKey(q.predicate);
    const o = termKey(q.object);
    this.#addKey(this.#subjects, s);
    this.#addKey(this.#objects, o);
    this.#properties.add(p);
    this.#triples.add(tripleKey(s, p, o));
    if (q.predicate.value === RDFV.type && q.object.termType === "NamedNode") this.#typed.add(`${s} ${o}`);
  }

  /** Whether the summaries add up: no graph twice, and no graph's own IRI used by another graph. */
  get consistent(): boolean {
    if (this.#twice) return false;
    for (const p of this.#foreign) if (this.#own.has(p)) return false;
    return true;
  }

  /** The figures over every summary and statement added. */
  figures(): TallyFigures {
    const classes = new Map(this.#ownClasses);
    for (const k of this.#typed) {
      const c = k.slice(k.indexOf(" ") + 1); // a subject's key holds no space
      classes.set(c, (classes.get(c) ?? 0) + 1);
    }
    const sortedClasses = new Map([...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let entities = this.#ownSubjects;
    for (const s of this.#subjects) if (s.startsWith(this.#base)) entities++;
    const links: [string, string][] = [];
    for (const t of this.#triples) {
      // subject and predicate keys hold no NUL: the first two end them
      const a = t.indexOf("\u0000");
      const b = t.indexOf("\u0000", a + 1);
      const p = t.slice(a + 1, b);
      if (LINKS.has(p)) links.push([p, t.slice(b + 1)]);
    }
    return {
      triples: this.#triples.size + this.#ownTriples,
      subjects: this.#subjects.size + this.#ownSubjects,
      entities,
      properties: this.#properties.size,
      objects: this.#objects.size + this.#ownObjects,
      classes: sortedClasses,
      links,
    };
  }

  #addKey(set: Set<string>, key: string): void {
    if (set.has(key)) return;
    set.add(key);
    if (isIriKey(key)) {
      const p = ownPrefixOf(key, this.#base);
      if (p !== undefined) this.#foreign.add(p);
    }
  }
}
