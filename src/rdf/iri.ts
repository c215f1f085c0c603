/**
 * The project's IRIs. Readable and stable: the same input always gives the same IRIs, so a
 * re-run replaces instead of duplicating. Everything hangs off one base (`--base`).
 */
import { DEFAULT_BASE, type KgNamespace, kgNamespace } from "./vocab.js";

export { DEFAULT_BASE };

/** IRIs minted under one base. */
export interface Iris {
  readonly base: string;
  /** The project ontology's terms under this base (`kg:`). */
  readonly kg: KgNamespace;
  article(id: string): string;
  articleGraph(id: string): string;
  observation(articleId: string, n: number): string;
  mention(articleId: string, n: number): string;
  /** The n-th (1-based) mention of a program or organisation in an article. */
  programMention(articleId: string, programId: string, n: number): string;
  place(code: string): string;
  indicator(id: string): string;
  unit(code: string): string;
  period(start?: number, end?: number): string;
  /**
   * A program: a concept of the program scheme (`program/relocation`) or a local program
   * (`program/local/610000/油返砂`). Readable: only characters that an IRI cannot hold are escaped.
   */
  program(id: string): string;
  /** An organisation (`organisation/ministry-of-finance`, `organisation/610700/poverty-alleviation-office`). */
  organisation(id: string): string;
  readonly dataset: string;
  readonly structure: string;
  readonly indicatorScheme: string;
  readonly unitScheme: string;
  readonly placeScheme: string;
  readonly programScheme: string;
  readonly organisationScheme: string;
  /** Named graph holding the shared reference data (places, indicators, units, periods). */
  readonly referenceGraph: string;
}

/** Builds the IRI minting functions for a base (must end in / or #). */
export function iris(base: string = DEFAULT_BASE): Iris {
  const b = base.endsWith("/") || base.endsWith("#") ? base : `${base}/`;
  const enc = (s: string) => encodeURIComponent(s);
  return {
    base: b,
    kg: kgNamespace(b),
    article: (id) => `${b}article/${enc(id)}`,
    articleGraph: (id) => `${b}graph/article/${enc(id)}`,
    observation: (a, n) => `${b}observation/${enc(a)}/${n}`,
    mention: (a, n) => `${b}mention/${enc(a)}/${n}`,
    programMention: (a, p, n) => `${b}mention/${enc(a)}/program/${iriPath(p)}/${n}`,
    place: (code) => `${b}place/${enc(code)}`,
    indicator: (id) => `${b}indicator/${enc(id)}`,
    unit: (code) => `${b}unit/${enc(code)}`,
    period: (start, end) => `${b}period/${start ?? ""}-${end ?? ""}`,
    program: (id) => `${b}program/${iriPath(id)}`,
    organisation: (id) => `${b}organisation/${iriPath(id)}`,
    dataset: `${b}dataset/observations`,
    structure: `${b}structure/observations`,
    indicatorScheme: `${b}scheme/indicators`,
    unitScheme: `${b}scheme/units`,
    placeScheme: `${b}scheme/places`,
    programScheme: `${b}scheme/programs`,
    organisationScheme: `${b}scheme/organisations`,
    referenceGraph: `${b}graph/reference`,
  };
}

/** Printable ASCII characters that an IRI cannot hold, or that delimit its parts. */
const IRI_UNSAFE = '<>"{}|\\^`?#%';

/**
 * A path of IRI segments (RFC 3987): Han characters and other non-ASCII letters stay as they are,
 * `/` separates segments; only what an IRI cannot hold (controls, space, <>"{}|\\^`) and the
 * delimiters ? # % are percent-encoded, so `local/610000/油返砂` stays readable.
 */
export function iriPath(id: string): string {
  let out = "";
  for (const c of id) {
    const code = c.codePointAt(0) ?? 0;
    out += code <= 0x20 || code === 0x7f || IRI_UNSAFE.includes(c) ? encodeURIComponent(c) : c;
  }
  return out;
}
