/**
 * Data of the resource page (observations, mentions, periods, units, the ontology, …): the
 * statements of its description, and for every IRI in them its labels in each language, its
 * prefixed name and the link to its own page, so the page shows 定西市 or "people lifted out
 * of poverty" instead of raw IRIs. Things without a label of their own are named by what they
 * are: a mention by its quote, an observation by its indicator and value.
 */
import type * as RDF from "@rdfjs/types";
import { KgError } from "../errors.js";
import { bindTerms, iriTerm, isAbsoluteIri } from "../query/bind.js";
import { canonicalLanguage } from "../rdf/language.js";
import { DCTERMS, RDFS, SCHEMA, SKOS, XSD } from "../rdf/vocab.js";
import type { ServeContext } from "./context.js";
import { describeText } from "./describe-query.js";
import { isOntologyIri, ONTOLOGY_PATH, ontologyFor } from "./ontology.js";
import { knownIriOfPath } from "./program-data.js";
import { parseNTriples } from "./rdf-documents.js";
import { select } from "./select.js";

/** A term of a statement. */
export type TermData =
  | { readonly type: "iri"; readonly value: string }
  | { readonly type: "bnode"; readonly value: string }
  | { readonly type: "literal"; readonly value: string; readonly lang?: string; readonly datatype?: string };

/** One statement. */
export interface Statement {
  readonly s: TermData;
  readonly p: string;
  readonly o: TermData;
}

/** What the page shows for an IRI in place of the IRI itself. */
export interface TermInfo {
  /** Labels by language tag in BCP 47 case (`""` for a label without a tag). */
  readonly labels: Readonly<Record<string, string>>;
  /** The prefixed name (`sdmx-dimension:refArea`), when a prefix fits. */
  readonly curie?: string;
  /** Where it dereferences: a path of this server for IRIs under the base, else the IRI. */
  readonly href: string;
}

/** Everything the resource page shows. */
export interface ResourceData {
  readonly iri: string;
  readonly statements: readonly Statement[];
  readonly terms: Readonly<Record<string, TermInfo>>;
}

const LABELS: readonly string[] = [SKOS.prefLabel, RDFS.label, SCHEMA.name, DCTERMS.title];
/** Most IRIs whose labels are looked up for one page. */
const MAX_LABELLED = 400;

function termData(t: RDF.Term): TermData {
  if (t.termType === "Literal")
    return {
      type: "literal",
      value: t.value,
      ...(t.language === "" ? {} : { lang: canonicalLanguage(t.language) }),
      ...(t.language !== "" || t.datatype.value === XSD.string ? {} : { datatype: t.datatype.value }),
    };
  return { type: t.termType === "BlankNode" ? "bnode" : "iri", value: t.value };
}

/** The local path of an IRI under the base (`/place/621100`, `/ontology#indicator`), else the IRI. */
export function hrefOf(iri: string, base: string): string {
  return iri.startsWith(base) ? `/${iri.slice(base.length)}` : iri;
}

/** The prefixed name of an IRI, when one of the prefixes fits and the rest is a plain local name. */
export function curieOf(iri: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(prefixes))
    if (iri.startsWith(ns) && (best === undefined || ns.length > best[1].length)) best = [p, ns];
  if (best === undefined) return undefined;
  const local = iri.slice(best[1].length);
  return /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(local) || local === "" ? `${best[0]}:${local}` : undefined;
}

/** Labels of IRIs from quads (the ontology's own). */
function labelsIn(quads: readonly RDF.Quad[], into: Map<string, Record<string, string>>): void {
  for (const q of quads)
    if (LABELS.includes(q.predicate.value) && q.object.termType === "Literal") {
      const labels = into.get(q.subject.value) ?? {};
      labels[canonicalLanguage(q.object.language)] ??= q.object.value;
      into.set(q.subject.value, labels);
    }
}

/** The page data of the resource at a path (404 when nothing is known about it). */
export async function resourceData(ctx: ServeContext, path: string): Promise<ResourceData> {
  const { base } = ctx.iris;
  const ontology = ontologyFor(base);
  let iri: string;
  let quads: readonly RDF.Quad[];
  if (path === ONTOLOGY_PATH) {
    iri = ontology.iri;
    quads = ontology.quads;
  } else {
    const known = await knownIriOfPath(ctx, path);
    if (known === undefined) throw new KgError("E_NOT_FOUND", `nothing is known about ${base}${path.slice(1)}`);
    iri = known;
    quads = parseNTriples(
      await ctx.pool.read({ op: "query", text: describeText(iri, path, ctx.prefixes), format: "nt", dataset: {} }),
    );
  }
  const iris = new Set<string>();
  for (const q of quads) {
    iris.add(q.predicate.value);
    for (const t of [q.subject, q.object]) if (t.termType === "NamedNode") iris.add(t.value);
  }
  const labels = new Map<string, Record<string, string>>();
  labelsIn(ontology.quads, labels);
  const wanted = [...iris].filter((i) => !isOntologyIri(i, base) && isAbsoluteIri(i)).slice(0, MAX_LABELLED);
  if (wanted.length > 0) {
    // the IRIs are bound through the parsed query as the rows of its VALUES (src/query/bind.ts)
    const query = bindTerms(
      `SELECT ?x ?label (LANG(?label) AS ?lang) WHERE {
        VALUES ?x { <urn:x-article-kg:none> }
        { VALUES ?p { <urn:x-article-kg:none> } ?x ?p ?label . FILTER (isLiteral(?label)) }
        # a mention by its quote, an observation by its indicator and value (in each language of the indicator)
        UNION { ?x oa:hasSelector/oa:exact ?q BIND (CONCAT("“", STR(?q), "”") AS ?label) }
        UNION {
          ?x kg:indicator/skos:prefLabel ?il ; sdmx-measure:obsValue ?v
          BIND (STRLANG(CONCAT(STR(?il), " ", STR(?v)), LANG(?il)) AS ?label)
        }
      }`,
      { x: wanted.map((i) => iriTerm(i)), p: LABELS.map((i) => iriTerm(i)) },
      ctx.prefixes,
    );
    const rows = await select(ctx, query);
    for (const r of rows) {
      if (r.x === undefined || r.label === undefined) continue;
      const l = labels.get(r.x) ?? {};
      l[canonicalLanguage(r.lang ?? "")] ??= r.label;
      labels.set(r.x, l);
    }
  }
  const terms: Record<string, TermInfo> = {};
  for (const i of iris) {
    const curie = curieOf(i, ctx.prefixes);
    terms[i] = { labels: labels.get(i) ?? {}, ...(curie === undefined ? {} : { curie }), href: hrefOf(i, base) };
  }
  return {
    iri,
    statements: quads.map((q) => ({ s: termData(q.subject), p: q.predicate.value, o: termData(q.object) })),
    terms,
  };
}
