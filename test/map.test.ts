import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { articleQuads, mapExtraction } from "../src/rdf/map.js";
import { periodQuads } from "../src/rdf/period-resources.js";
import type { Extraction } from "../src/types.js";
import { ARTICLE, EXTRACTION } from "./helpers/fixtures.js";
import { expectIsomorphic, trig } from "./helpers/rdf.js";

const IRIS = iris();

const ARTICLE_GRAPH = `
GRAPH <https://w3id.org/article-kg/graph/article/qingshan> {
  base:article/qingshan a schema:NewsArticle, kg:Article ;
    dcterms:title "青山县脱贫攻坚成效明显" ;
    dcterms:identifier "qingshan" ;
    dcterms:source <urn:sha256:${createHash("sha256").update(ARTICLE.text).digest("hex")}> ;
    schema:datePublished "2020-11-18"^^xsd:date ;
    schema:contentLocation base:place/610799 ;
    schema:mentions base:place/610799 .

  base:program/十三五 a kg:Program ;
    skos:prefLabel "十三五"@zh-Hans ;
    skos:notation "十三五" ;
    kg:mentionedIn <https://w3id.org/article-kg/mention/qingshan/program/十三五/1> .
  <https://w3id.org/article-kg/mention/qingshan/program/十三五/1> a kg:Mention ;
    oa:hasSource base:article/qingshan ;
    oa:hasSelector <https://w3id.org/article-kg/mention/qingshan/program/十三五/1#position>,
                   <https://w3id.org/article-kg/mention/qingshan/program/十三五/1#quote> .
  <https://w3id.org/article-kg/mention/qingshan/program/十三五/1#position> a oa:TextPositionSelector ;
    oa:start "25"^^xsd:nonNegativeInteger ; oa:end "28"^^xsd:nonNegativeInteger .
  <https://w3id.org/article-kg/mention/qingshan/program/十三五/1#quote> a oa:TextQuoteSelector ;
    oa:exact "十三五" .

  base:observation/qingshan/1 a qb:Observation ;
    qb:dataSet base:dataset/observations ;
    kg:indicator base:indicator/poverty-fund-investment ;
    sdmx-dimension:refArea base:place/610799 ;
    sdmx-dimension:refPeriod base:period/2016-2020 ;
    sdmx-measure:obsValue "1260000000"^^xsd:decimal ;
    sdmx-attribute:unitMeasure base:unit/CNY ;
    kg:observationKind kg:Result ;
    kg:program base:program/十三五 ;
    prov:wasDerivedFrom base:mention/qingshan/1 ;
    kg:sourceMention base:mention/qingshan/1 .
  base:mention/qingshan/1 a kg:Mention ;
    oa:hasSource base:article/qingshan ;
    oa:hasSelector <https://w3id.org/article-kg/mention/qingshan/1#position>, <https://w3id.org/article-kg/mention/qingshan/1#quote> ;
    kg:context base:mention/qingshan/1/context .
  <https://w3id.org/article-kg/mention/qingshan/1#position> a oa:TextPositionSelector ;
    oa:start "43"^^xsd:nonNegativeInteger ; oa:end "49"^^xsd:nonNegativeInteger .
  <https://w3id.org/article-kg/mention/qingshan/1#quote> a oa:TextQuoteSelector ; oa:exact "12.6亿元" .
  base:mention/qingshan/1/context oa:hasSource base:article/qingshan ;
    oa:hasSelector <https://w3id.org/article-kg/mention/qingshan/1/context#position>,
                   <https://w3id.org/article-kg/mention/qingshan/1/context#quote> .
  <https://w3id.org/article-kg/mention/qingshan/1/context#position> a oa:TextPositionSelector ;
    oa:start "24"^^xsd:nonNegativeInteger ; oa:end "50"^^xsd:nonNegativeInteger .
  <https://w3id.org/article-kg/mention/qingshan/1/context#quote> a oa:TextQuoteSelector ;
    oa:exact "“十三五”期间，青山县累计投入扶贫资金12.6亿元。" .

  base:observation/qingshan/2 a qb:Observation ;
    qb:dataSet base:dataset/observations ;
    kg:indicator base:indicator/poor-population ;
    sdmx-dimension:refArea base:place/610799 ;
    sdmx-dimension:refPeriod base:period/-2019 ;
    sdmx-measure:obsValue "1200"^^xsd:decimal ;
    sdmx-attribute:unitMeasure base:unit/PERSON ;
    kg:observationKind kg:Result ;
    kg:approximation kg:MoreThan ;
    kg:direction kg:Decrease ;
    prov:wasDerivedFrom base:mention/qingshan/2 ;
    kg:sourceMention base:mention/qingshan/2 .
  base:mention/qingshan/2 a kg:Mention ;
    oa:hasSource base:article/qingshan ;
    oa:hasSelector <https://w3id.org/article-kg/mention/qingshan/2#position>, <https://w3id.org/article-kg/mention/qingshan/2#quote> ;
    kg:context base:mention/qingshan/2/context .
  <https://w3id.org/article-kg/mention/qingshan/2#position> a oa:TextPositionSelector ;
    oa:start "69"^^xsd:nonNegativeInteger ; oa:end "75"^^xsd:nonNegativeInteger .
  <https://w3id.org/article-kg/mention/qingshan/2#quote> a oa:TextQuoteSelector ; oa:exact "1200余人" .
  base:mention/qingshan/2/context oa:hasSource base:article/qingshan ;
    oa:hasSelector <https://w3id.org/article-kg/mention/qingshan/2/context#position>,
                   <https://w3id.org/article-kg/mention/qingshan/2/context#quote> .
  <https://w3id.org/article-kg/mention/qingshan/2/context#position> a oa:TextPositionSelector ;
    oa:start "51"^^xsd:nonNegativeInteger ; oa:end "76"^^xsd:nonNegativeInteger .
  <https://w3id.org/article-kg/mention/qingshan/2/context#quote> a oa:TextQuoteSelector ;
    oa:exact "截至2019年底，全县贫困人口减少到1200余人。" .
}`;

const REFERENCE_GRAPH = `
GRAPH <https://w3id.org/article-kg/graph/reference> {
  base:dataset/observations a qb:DataSet ; qb:structure base:structure/observations ;
    dcterms:title "中文报道中的数字事实"@zh-Hans, "Numeric facts of Chinese report articles"@en .
  base:place/610799 a kg:Place, schema:AdministrativeArea, skos:Concept ;
    skos:inScheme base:scheme/places ; skos:notation "610799" ;
    skos:prefLabel "青山县"@zh-Hans ; schema:name "青山县"@zh-Hans ;
    kg:level kg:County ; kg:divisionType kg:CountyDivision ;
    schema:containedInPlace base:place/610700 ; skos:broader base:place/610700 .
  base:period/2016-2020 a time:Interval, kg:Period ; rdfs:label "2016–2020" ;
    time:hasBeginning <https://w3id.org/article-kg/period/2016-2020#beginning> ;
    time:hasEnd <https://w3id.org/article-kg/period/2016-2020#end> .
  <https://w3id.org/article-kg/period/2016-2020#beginning> a time:Instant ; time:inXSDgYear "2016"^^xsd:gYear .
  <https://w3id.org/article-kg/period/2016-2020#end> a time:Instant ; time:inXSDgYear "2020"^^xsd:gYear .
  base:period/-2019 a time:Interval, kg:Period ; rdfs:label "–2019" ;
    time:hasEnd <https://w3id.org/article-kg/period/-2019#end> .
  <https://w3id.org/article-kg/period/-2019#end> a time:Instant ; time:inXSDgYear "2019"^^xsd:gYear .
}`;

describe("mapExtraction", () => {
  it("writes the article graph in the shape of the graph contract", () => {
    expectIsomorphic(articleQuads(EXTRACTION, IRIS), trig(ARTICLE_GRAPH));
  });

  it("writes data sets, schemes, places and periods to the reference graph", () => {
    const mapped = mapExtraction(EXTRACTION, IRIS);
    expect(mapped.graph).toBe("https://w3id.org/article-kg/graph/article/qingshan");
    // The dated data set, the (invented) place and the periods; the schemes and structures are
    // whole resources of their own (test/validate.test.ts checks them against the Data Cube ICs).
    const subjects = [IRIS.dataset, IRIS.place("610799"), IRIS.period(2016, 2020), IRIS.period(undefined, 2019)];
    const own = [...mapped.reference.values()]
      .flat()
      .filter((q) => subjects.some((s) => q.subject.value === s || q.subject.value.startsWith(`${s}#`)));
    expectIsomorphic(own, trig(REFERENCE_GRAPH));
    for (const key of [IRIS.structure, IRIS.indicatorScheme, IRIS.unitScheme, IRIS.placeScheme])
      expect(mapped.reference.has(key), key).toBe(true);
  });

  it("is deterministic: no blank nodes, same quads on every run", () => {
    const a = articleQuads(EXTRACTION, IRIS);
    const b = articleQuads(EXTRACTION, IRIS);
    expect(a.some((q) => q.subject.termType === "BlankNode" || q.object.termType === "BlankNode")).toBe(false);
    expect(a.map(String)).toEqual(b.map(String));
  });

  it("omits refArea and refPeriod when the text gives no place or time", () => {
    const [first] = EXTRACTION.observations;
    if (!first) throw new Error("fixture");
    const { place: _p, period: _t, ...rest } = first;
    const x: Extraction = { ...EXTRACTION, observations: [{ ...rest, period: { phrase: "近年来" } }] };
    const preds = articleQuads(x, IRIS)
      .filter((q) => q.subject.value === IRIS.observation("qingshan", 1))
      .map((q) => q.predicate.value);
    expect(preds).not.toContain("http://purl.org/linked-data/sdmx/2009/dimension#refArea");
    expect(preds).not.toContain("http://purl.org/linked-data/sdmx/2009/dimension#refPeriod");
  });

  it("marks targets and writes no publication date when unknown", () => {
    const { published: _d, ...article } = ARTICLE;
    const [first] = EXTRACTION.observations;
    if (!first) throw new Error("fixture");
    const x: Extraction = { ...EXTRACTION, article, observations: [{ ...first, kind: "target" }] };
    const quads = articleQuads(x, IRIS);
    expect(quads.some((q) => q.predicate.value === "https://schema.org/datePublished")).toBe(false);
    expect(quads.find((q) => q.predicate.value === IRIS.kg.observationKind)?.object.value).toBe(IRIS.kg.Target);
  });

  it("rejects a value that is not an xsd:decimal", () => {
    const [first] = EXTRACTION.observations;
    if (!first) throw new Error("fixture");
    const x: Extraction = { ...EXTRACTION, observations: [{ ...first, value: "1.2e9" }] };
    expect(() => articleQuads(x, IRIS)).toThrow(/not a decimal/u);
  });

  it("writes a one-year period with equal beginning and end", () => {
    expectIsomorphic(
      periodQuads({ start: 2019, end: 2019, phrase: "2019年" }, IRIS),
      trig(`GRAPH base:graph/reference {
        base:period/2019-2019 a time:Interval, kg:Period ; rdfs:label "2019" ;
          time:hasBeginning <https://w3id.org/article-kg/period/2019-2019#beginning> ;
          time:hasEnd <https://w3id.org/article-kg/period/2019-2019#end> .
        <https://w3id.org/article-kg/period/2019-2019#beginning> a time:Instant ; time:inXSDgYear "2019"^^xsd:gYear .
        <https://w3id.org/article-kg/period/2019-2019#end> a time:Instant ; time:inXSDgYear "2019"^^xsd:gYear .
      }`),
    );
  });
});
