/**
 * Program and organisation pages: the entity (labels in every language, kind, place, broader
 * and narrower programs) and its facts by place and year: the observations that it governs
 * (kg:program) or that name it (kg:organisation), those of its narrower programs included, with
 * their quotes. The same facts are in its Turtle description (`entityDescribeQuery`).
 */
import { KgError } from "../errors.js";
import { bindTerms, iriTerm, isAbsoluteIri } from "../query/bind.js";
import { canonicalLanguage } from "../rdf/language.js";
import type { ServeContext } from "./context.js";
import { ask, select } from "./select.js";

/**
 * The IRI a request path names, among those the graph knows: as written, then with its
 * percent-escapes of non-ASCII characters decoded (clients escape the Han characters of
 * `program/local/510000/三联三带`, the graph holds them as they are). Undefined when unknown.
 */
export async function knownIriOfPath(ctx: ServeContext, path: string): Promise<string | undefined> {
  const raw = `${ctx.iris.base}${path.replace(/^\//u, "")}`;
  let decoded = raw;
  try {
    decoded = `${ctx.iris.base}${decodeURI(path).replace(/^\//u, "")}`;
  } catch {
    // a malformed escape: only the path as written
  }
  for (const iri of raw === decoded ? [raw] : [raw, decoded]) {
    // A path no IRI can be names nothing (checked here, or refused by the query parser); any
    // other error (busy, time limit, a failed worker) is the answer, not a 404.
    if (!IRIREF.test(iri) || !isAbsoluteIri(iri)) continue;
    try {
      // bound through the parsed query, never pasted into its text (src/query/bind.ts)
      const query = bindTerms("ASK { { ?entity ?p ?o } UNION { ?s ?p ?entity } }", { entity: iriTerm(iri) });
      if (await ask(ctx, query)) return iri;
    } catch (e) {
      if (!(e instanceof KgError && e.code === "E_SPARQL_SYNTAX")) throw e;
    }
  }
  return undefined;
}

/** The characters SPARQL allows in `<…>` (IRIREF: no controls, spaces or <>"{}|^`\\). */
const IRIREF = /^[^\p{Cc}\s<>"{}|^`\\]*$/u;

/** Paths of program and organisation IRIs under the base. */
export const ENTITY_PATH = /^\/(?:program|organisation)\/./u;

/** One fact of a program, with its place, period and source quote. */
export interface ProgramFact {
  readonly obs: string;
  readonly program: string;
  readonly placeCode?: string;
  readonly placeName?: string;
  readonly start?: string;
  readonly end?: string;
  readonly indicator: string;
  readonly indicatorLabel?: string;
  readonly value: string;
  readonly unit: string;
  readonly kind: "result" | "target";
  readonly quote: string;
  readonly article: string;
}

/** Everything the program page shows. */
export interface ProgramData {
  readonly iri: string;
  readonly kind: "program" | "organisation";
  /** prefLabel by language tag, in BCP 47 case (`zh-Hans`, `zh-Hant`, `en`). */
  readonly labels: Readonly<Record<string, string>>;
  readonly notation?: string;
  readonly place?: { readonly code: string; readonly name?: string };
  readonly broader: readonly string[];
  readonly narrower: readonly string[];
  /** Ordered by place, then period. */
  readonly facts: readonly ProgramFact[];
}

const opt = <K extends string>(key: K, v: string | undefined) => (v === undefined ? {} : { [key]: v });

/** The data of a program or organisation page (404 when the IRI is neither). */
export async function programData(ctx: ServeContext, iri: string): Promise<ProgramData> {
  const entity = { entity: iriTerm(iri) };
  const bind = (template: string) => bindTerms(template, entity, ctx.prefixes);
  const s = "?entity";
  const info = await select(
    ctx,
    bind(`SELECT ?class ?label ?notation ?placeCode ?placeName ?broader ?narrower WHERE {
      ${s} a ?class . FILTER (?class IN (kg:Program, kg:Organisation))
      OPTIONAL { ${s} skos:prefLabel ?label }
      OPTIONAL { ${s} skos:notation ?notation }
      OPTIONAL { ${s} schema:location|dcterms:spatial ?place . ?place skos:notation ?placeCode .
        OPTIONAL { ?place skos:prefLabel ?placeName FILTER (langMatches(LANG(?placeName), "zh-Hans")) } }
      OPTIONAL { ${s} skos:broader ?broader }
      OPTIONAL { ?narrower skos:broader ${s} }
    }`),
  );
  if (info.length === 0) throw new KgError("E_NOT_FOUND", `no program or organisation ${iri} in the graph`);
  const labels: Record<string, string> = {};
  const lang = await select(ctx, bind(`SELECT ?label (LANG(?label) AS ?lang) WHERE { ${s} skos:prefLabel ?label }`));
  for (const r of lang) if (r.label !== undefined) labels[canonicalLanguage(r.lang ?? "")] = r.label;
  const first = info[0];
  const rows = await select(
    ctx,
    bind(`SELECT DISTINCT ?obs ?program ?placeCode ?placeName ?start ?end ?indicator ?indicatorLabel ?value ?unit ?kindTerm
        ?quote ?article WHERE {
      ?program skos:broader* ${s} .
      ?obs kg:program|kg:organisation ?program ;
        kg:indicator ?ind ;
        sdmx-measure:obsValue ?value ;
        sdmx-attribute:unitMeasure/skos:notation ?unit ;
        prov:wasDerivedFrom ?m .
      ?ind skos:notation ?indicator . FILTER (REGEX(?indicator, "^[a-z0-9-]+$"))
      OPTIONAL { ?ind skos:prefLabel ?indicatorLabel FILTER (langMatches(LANG(?indicatorLabel), "zh-Hans")) }
      OPTIONAL { ?obs sdmx-dimension:refArea ?place . ?place skos:notation ?placeCode .
        OPTIONAL { ?place skos:prefLabel ?placeName FILTER (langMatches(LANG(?placeName), "zh-Hans")) } }
      OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasBeginning/time:inXSDgYear ?start }
      OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasEnd/time:inXSDgYear ?end }
      OPTIONAL { ?obs kg:observationKind ?kindTerm }
      ?m oa:hasSource ?article ; oa:hasSelector ?mq . ?mq a oa:TextQuoteSelector ; oa:exact ?quote .
    } ORDER BY ?placeCode ?start ?end ?indicator ?obs`),
  );
  return {
    iri,
    kind: first?.class?.endsWith("#Organisation") ? "organisation" : "program",
    labels,
    ...opt("notation", first?.notation),
    ...(first?.placeCode === undefined ? {} : { place: { code: first.placeCode, ...opt("name", first.placeName) } }),
    broader: [...new Set(info.flatMap((r) => (r.broader === undefined ? [] : [r.broader])))],
    narrower: [...new Set(info.flatMap((r) => (r.narrower === undefined ? [] : [r.narrower])))],
    facts: rows.map((r) => ({
      obs: r.obs ?? "",
      program: r.program ?? "",
      ...opt("placeCode", r.placeCode),
      ...opt("placeName", r.placeName),
      ...opt("start", r.start),
      ...opt("end", r.end),
      indicator: r.indicator ?? "",
      ...opt("indicatorLabel", r.indicatorLabel),
      value: r.value ?? "",
      unit: r.unit ?? "",
      kind: r.kindTerm?.endsWith("#Target") ? "target" : "result",
      quote: r.quote ?? "",
      article: r.article ?? "",
    })),
  };
}

/**
 * The Turtle (or other) description of a program or organisation: its own statements and
 * mentions, and each fact it governs with the fact's place, period, indicator, value and unit.
 */
export function entityDescribeQuery(iri: string, prefixes: Readonly<Record<string, string>>): string {
  const s = "?entity";
  return bindTerms(
    `CONSTRUCT {
  ${s} ?p ?o . ?in ?r ${s} .
  ?obs sdmx-dimension:refArea ?place ; sdmx-dimension:refPeriod ?period ; kg:indicator ?ind ;
    sdmx-measure:obsValue ?value ; sdmx-attribute:unitMeasure ?unit ; kg:observationKind ?kind .
} WHERE {
  { ${s} ?p ?o }
  UNION { SELECT ?in ?r WHERE { ?in ?r ${s} } LIMIT 500 }
  UNION {
    ?obs kg:program|kg:organisation ${s} ; kg:indicator ?ind ; sdmx-measure:obsValue ?value ;
      sdmx-attribute:unitMeasure ?unit .
    OPTIONAL { ?obs sdmx-dimension:refArea ?place }
    OPTIONAL { ?obs sdmx-dimension:refPeriod ?period }
    OPTIONAL { ?obs kg:observationKind ?kind }
  }
}`,
    { entity: iriTerm(iri) },
    prefixes,
  );
}
