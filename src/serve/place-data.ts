/**
 * Data of the web page: search places by name (Simplified or Traditional script, or code),
 * and everything the place page shows (facts with units and periods, their quotes and
 * sentences, and the text of each source article).
 */
import { existsSync } from "node:fs";
import { toAlignedSimplified } from "../article/script.js";
import { sourceText } from "../build/sources.js";
import { KgError } from "../errors.js";
import { bindTerms, iriTerm, isAbsoluteIri } from "../query/bind.js";
import { loadIndicators } from "../rdf/schemes.js";
import type { ServeContext } from "./context.js";
import { select } from "./select.js";

/** A place found by a search. */
export interface PlaceHit {
  readonly code: string;
  readonly name: string;
  readonly facts: number;
}

let placeCache: { at: number; rows: Promise<PlaceHit[]> } | undefined;

/** Every place with its name and number of facts (cached for a minute). */
function allPlaces(ctx: ServeContext): Promise<PlaceHit[]> {
  if (placeCache === undefined || Date.now() - placeCache.at > 60_000) {
    const rows = select(
      ctx,
      `SELECT ?code (SAMPLE(STR(?label)) AS ?name) (COUNT(DISTINCT ?obs) AS ?facts) WHERE {
        ?place a kg:Place ; skos:notation ?code .
        OPTIONAL { ?place skos:prefLabel ?label FILTER (langMatches(LANG(?label), "zh-Hans")) }
        OPTIONAL { ?obs sdmx-dimension:refArea ?place }
      } GROUP BY ?code`,
    ).then((rs) => rs.map((r) => ({ code: r.code ?? "", name: r.name ?? "", facts: Number(r.facts ?? 0) })));
    placeCache = { at: Date.now(), rows };
    rows.catch(() => {
      placeCache = undefined;
    });
  }
  return placeCache.rows;
}

/**
 * Places whose name contains the text or whose code starts with it. Both sides are compared
 * in Simplified script, so 漢中 finds 汉中市 and 汉中 finds a name stored as 漢中市.
 */
export async function searchPlaces(ctx: ServeContext, q: string): Promise<PlaceHit[]> {
  const text = q.trim().slice(0, 40);
  if (text === "") return [];
  const wanted = toAlignedSimplified(text);
  const hits = (await allPlaces(ctx)).filter((p) =>
    /^\d+$/u.test(text) ? p.code.startsWith(text) : toAlignedSimplified(p.name).includes(wanted),
  );
  return hits.sort((a, b) => b.facts - a.facts || a.code.localeCompare(b.code)).slice(0, 50);
}

/** One fact of a place, with its source. */
export interface PlaceFact {
  readonly obs: string;
  readonly indicator: string;
  readonly indicatorLabel: string;
  readonly value: string;
  readonly unit: string;
  readonly unitLabel: string;
  readonly start?: string;
  readonly end?: string;
  readonly kind: "result" | "target";
  readonly approximation?: string;
  readonly article: string;
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly sentence?: string;
  readonly sentenceStart?: number;
  readonly sentenceEnd?: number;
}

/** Everything the place page shows. */
export interface PlaceData {
  readonly code: string;
  readonly iri: string;
  readonly name: string;
  readonly level?: string;
  readonly parent?: { readonly code: string; readonly name: string };
  readonly facts: readonly PlaceFact[];
  readonly articles: Readonly<Record<string, { readonly title: string; readonly text?: string }>>;
}

let indicatorLabels: Map<string, string> | undefined;
function indicatorLabel(id: string): string {
  indicatorLabels ??= new Map(loadIndicators().map((i) => [i.id, i.prefLabel["zh-Hans"] ?? i.id]));
  return indicatorLabels.get(id) ?? id;
}

const opt = <K extends string>(key: K, v: string | undefined) => (v === undefined ? {} : { [key]: v });
const optNum = <K extends string>(key: K, v: string | undefined) => (v === undefined ? {} : { [key]: Number(v) });

/** The data of one place page (404 when the code is not a place of the graph). */
export async function placeData(ctx: ServeContext, code: string): Promise<PlaceData> {
  if (!/^\d{6}$/u.test(code)) throw new KgError("E_NOT_FOUND", `not a GB/T 2260 code: ${code}`);
  const iri = ctx.iris.place(code);
  const bind = (template: string) => bindTerms(template, { place: iriTerm(iri) }, ctx.prefixes);
  const place = "?place";
  const [info] = await select(
    ctx,
    bind(`SELECT ?name ?level ?parentCode ?parentName WHERE {
      ${place} skos:notation ?code .
      OPTIONAL { ${place} skos:prefLabel ?name FILTER (langMatches(LANG(?name), "zh-Hans")) }
      OPTIONAL { ${place} kg:level ?levelTerm BIND (STRAFTER(STR(?levelTerm), "#") AS ?level) }
      OPTIONAL { ${place} schema:containedInPlace ?parent . ?parent skos:notation ?parentCode . OPTIONAL { ?parent skos:prefLabel ?parentName FILTER (langMatches(LANG(?parentName), "zh-Hans")) } }
    } LIMIT 1`),
  );
  if (info === undefined) throw new KgError("E_NOT_FOUND", `no place ${code} in the graph`);
  const rows = await select(
    ctx,
    bind(`SELECT DISTINCT ?obs ?indicator ?value ?unit ?unitLabel ?start ?end ?kindTerm ?approx ?article
        ?quote ?qs ?qe ?sentence ?cs ?ce WHERE {
      ?obs sdmx-dimension:refArea ${place} ;
        kg:indicator/skos:notation ?indicator ;
        sdmx-measure:obsValue ?value ;
        sdmx-attribute:unitMeasure ?u ;
        prov:wasDerivedFrom ?m .
      FILTER (REGEX(?indicator, "^[a-z0-9-]+$"))
      ?u skos:notation ?unit .
      OPTIONAL { ?u skos:prefLabel ?unitLabel FILTER (langMatches(LANG(?unitLabel), "zh-Hans")) }
      OPTIONAL { ?obs kg:observationKind ?kindTerm }
      OPTIONAL { ?obs kg:approximation ?approx }
      OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasBeginning/time:inXSDgYear ?start }
      OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasEnd/time:inXSDgYear ?end }
      ?m oa:hasSource ?article ; oa:hasSelector ?mp, ?mq .
      ?mp a oa:TextPositionSelector ; oa:start ?qs ; oa:end ?qe .
      ?mq a oa:TextQuoteSelector ; oa:exact ?quote .
      OPTIONAL {
        ?m kg:context ?c . ?c oa:hasSelector ?cp, ?cq .
        ?cp a oa:TextPositionSelector ; oa:start ?cs ; oa:end ?ce .
        ?cq a oa:TextQuoteSelector ; oa:exact ?sentence .
      }
    } ORDER BY ?indicator ?start ?end ?obs`),
  );
  const facts: PlaceFact[] = rows.map((r) => ({
    obs: r.obs ?? "",
    indicator: r.indicator ?? "",
    indicatorLabel: indicatorLabel(r.indicator ?? ""),
    value: r.value ?? "",
    unit: r.unit ?? "",
    unitLabel: r.unitLabel ?? r.unit ?? "",
    ...opt("start", r.start),
    ...opt("end", r.end),
    kind: r.kindTerm?.endsWith("#Target") ? "target" : "result",
    ...opt("approximation", r.approx?.split("#")[1]),
    article: r.article ?? "",
    quote: r.quote ?? "",
    quoteStart: Number(r.qs),
    quoteEnd: Number(r.qe),
    ...opt("sentence", r.sentence),
    ...optNum("sentenceStart", r.cs),
    ...optNum("sentenceEnd", r.ce),
  }));
  const articles = await articleTexts(ctx, [...new Set(facts.map((f) => f.article))]);
  return {
    code,
    iri,
    name: info.name ?? code,
    ...opt("level", info.level),
    ...(info.parentCode === undefined
      ? {}
      : { parent: { code: info.parentCode, name: info.parentName ?? info.parentCode } }),
    facts,
    articles,
  };
}

/**
 * Title and text of articles. The text is `schema:text` in the graph; for stores built before
 * it was stored, the source file is read again when it is still where it was.
 */
async function articleTexts(
  ctx: ServeContext,
  articles: readonly string[],
): Promise<Record<string, { title: string; text?: string }>> {
  if (articles.length === 0) return {};
  const rows = await select(
    ctx,
    bindTerms(
      `SELECT ?article (SAMPLE(?t) AS ?title) (SAMPLE(?x) AS ?text) (SAMPLE(?s) AS ?source) WHERE {
      VALUES ?article { <urn:x-article-kg:none> }
      OPTIONAL { ?article dcterms:title ?t }
      OPTIONAL { ?article schema:text ?x }
      OPTIONAL { ?article dcterms:source ?s }
    } GROUP BY ?article`,
      { article: articles.filter(isAbsoluteIri).map((a) => iriTerm(a)) },
      ctx.prefixes,
    ),
  );
  const out: Record<string, { title: string; text?: string }> = {};
  for (const r of rows) {
    const a = r.article ?? "";
    let text = r.text;
    if (text === undefined && r.source !== undefined && existsSync(r.source)) text = await sourceText(r.source);
    out[a] = { title: r.title ?? a, ...(text === undefined ? {} : { text }) };
  }
  return out;
}
