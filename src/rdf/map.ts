/**
 * Extraction → quads (pure). The article's own facts go to its named graph
 * `iris.articleGraph(id)`, in the shape of the graph contract; the resources shared between
 * articles (data sets, schemes, places, periods) go to the reference graph (`reference.ts`).
 * Each observation belongs to the data set whose structure has exactly its dimensions.
 */
import { createHash } from "node:crypto";
import type * as RDF from "@rdfjs/types";
import { KgError } from "../errors.js";
import type {
  Approximation,
  Article,
  Bound,
  Direction,
  Extraction,
  Observation,
  ObservationKind,
  OrganisationRole,
} from "../types.js";
import { cubeOf, datasetIri } from "./cube.js";
import type { Iris } from "./iri.js";
import { hasYears } from "./period-resources.js";
import { referenceResources } from "./reference.js";
import { writeAnchor } from "./span.js";
import { GraphWriter, lang, str, typed } from "./terms.js";
import {
  DCTERMS,
  PROV,
  QB,
  RDF as RDFV,
  SCHEMA,
  SDMX_ATTRIBUTE,
  SDMX_DIMENSION,
  SDMX_MEASURE,
  SKOS,
  XSD,
} from "./vocab.js";

type KgTerm = keyof Iris["kg"];

const APPROXIMATION: Readonly<Record<Approximation, KgTerm>> = {
  "more-than": "MoreThan",
  nearly: "Nearly",
  about: "About",
};
const BOUND: Readonly<Record<Bound, KgTerm>> = { above: "Above", below: "Below" };
const DIRECTION: Readonly<Record<Direction, KgTerm>> = { increase: "Increase", decrease: "Decrease" };
const KIND: Readonly<Record<ObservationKind, KgTerm>> = { result: "Result", target: "Target" };
const ROLE: Readonly<Record<OrganisationRole["role"], KgTerm>> = {
  implementer: "implementer",
  donor: "donor",
  recipient: "recipient",
  source: "reportedBy",
};

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

/** The quads of one article: its own graph and the reference resources it uses. */
export interface MappedArticle {
  /** IRI of the article's named graph. */
  readonly graph: string;
  /** Quads of the article graph. */
  readonly quads: readonly RDF.Quad[];
  /** Reference resources used, keyed by IRI, all in `iris.referenceGraph`. */
  readonly reference: ReadonlyMap<string, readonly RDF.Quad[]>;
}

/** Maps an extraction to its article graph and the reference resources it uses. */
export function mapExtraction(x: Extraction, iris: Iris): MappedArticle {
  return {
    graph: iris.articleGraph(x.article.id),
    quads: articleQuads(x, iris),
    reference: referenceResources(x, iris),
  };
}

/** The quads of the article's named graph only. */
export function articleQuads(x: Extraction, iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.articleGraph(x.article.id));
  writeArticle(g, x, iris);
  for (const p of x.programs) {
    const s = p.kind === "program" ? iris.program(p.id) : iris.organisation(p.id);
    // scheme concepts are declared once, in the reference graph; local ones by each article
    if (p.inScheme !== true) {
      g.add(s, RDFV.type, p.kind === "program" ? iris.kg.Program : iris.kg.Organisation)
        .add(s, SKOS.prefLabel, lang(p.name, "zh-Hans"))
        .add(s, SKOS.notation, str(p.id));
      if (p.place !== undefined)
        g.add(s, p.kind === "program" ? DCTERMS.spatial : SCHEMA.location, iris.place(p.place.code));
    }
    p.mentions.forEach((span, i) => {
      const m = iris.programMention(x.article.id, p.id, i + 1);
      g.add(s, iris.kg.mentionedIn, m).add(m, RDFV.type, iris.kg.Mention);
      writeAnchor(g, m, iris.article(x.article.id), span);
    });
  }
  for (const o of x.observations) writeObservation(g, x.article, o, iris);
  return g.quads;
}

/**
 * The article's `dcterms:source`: its URL when known (`url`, or a source that is already an
 * http(s) IRI), else `urn:sha256:` + the SHA-256 of its text (UTF-8): never a local path, which
 * would say nothing to anyone but the machine that built the graph.
 */
export function sourceIriOf(a: Article): string {
  if (a.url !== undefined) return a.url;
  if (/^https?:\/\/[^\s<>"{}|^`\\]+$/iu.test(a.source)) return a.source;
  return `urn:sha256:${createHash("sha256").update(a.text, "utf8").digest("hex")}`;
}

function writeArticle(g: GraphWriter, x: Extraction, iris: Iris): void {
  const a = x.article;
  const s = iris.article(a.id);
  g.add(s, RDFV.type, SCHEMA.NewsArticle)
    .add(s, RDFV.type, iris.kg.Article)
    .add(s, DCTERMS.title, str(a.title))
    .add(s, DCTERMS.identifier, str(a.id))
    .add(s, DCTERMS.source, sourceIriOf(a));
  if (a.published !== undefined) g.add(s, SCHEMA.datePublished, typed(a.published, XSD.date));
  if (x.mainPlace) g.add(s, SCHEMA.contentLocation, iris.place(x.mainPlace.code));
  const seen = new Set<string>();
  for (const m of x.places) {
    if (seen.has(m.place.code)) continue;
    seen.add(m.place.code);
    g.add(s, SCHEMA.mentions, iris.place(m.place.code));
  }
}

function writeObservation(g: GraphWriter, article: Article, o: Observation, iris: Iris): void {
  if (!DECIMAL.test(o.value))
    throw new KgError(
      "E_VALIDATION",
      `${article.source}: observation ${o.index} has value "${o.value}", not a decimal.`,
      {
        context: { file: article.source, offset: o.span.start },
      },
    );
  const s = iris.observation(article.id, o.index);
  const m = iris.mention(article.id, o.index);
  const kg = iris.kg;
  const dated = o.period !== undefined && hasYears(o.period);
  // The data set whose structure has exactly the dimensions this observation has (IC-11).
  g.add(s, RDFV.type, QB.Observation)
    .add(s, QB.dataSet, datasetIri(iris, cubeOf(o.place !== undefined, dated)))
    .add(s, kg.indicator, iris.indicator(o.indicator))
    .add(s, SDMX_MEASURE.obsValue, typed(o.value, XSD.decimal))
    .add(s, SDMX_ATTRIBUTE.unitMeasure, iris.unit(o.unit))
    .add(s, kg.observationKind, kg[KIND[o.kind]])
    .add(s, PROV.wasDerivedFrom, m)
    // The mention is a dimension too: values stated twice (in two articles, or twice in one)
    // stay two observations side by side, each with its provenance (IC-12).
    .add(s, iris.kg.sourceMention, m);
  if (o.place) g.add(s, SDMX_DIMENSION.refArea, iris.place(o.place.code));
  if (o.period && dated) g.add(s, SDMX_DIMENSION.refPeriod, iris.period(o.period.start, o.period.end));
  if (o.approximation) g.add(s, kg.approximation, kg[APPROXIMATION[o.approximation]]);
  if (o.bound) g.add(s, kg.bound, kg[BOUND[o.bound]]);
  if (o.direction) g.add(s, kg.direction, kg[DIRECTION[o.direction]]);
  for (const p of o.programs) g.add(s, kg.program, iris.program(p));
  // kg:organisation, and the sub-property of the organisation's role (kg:donor …)
  for (const { id, role } of o.organisations ?? [])
    g.add(s, kg.organisation, iris.organisation(id)).add(s, kg[ROLE[role]], iris.organisation(id));
  // a subtotal (其中…) points at its total, so that sums can leave it out
  if (o.partOf !== undefined) g.add(s, kg.partOf, iris.observation(article.id, o.partOf));
  // deeply poor counties are counted under poor counties; the variant stays as a detail
  if (o.subIndicator !== undefined) g.add(s, kg.subIndicator, iris.indicator(o.subIndicator));
  // east–west cooperation: the place gave, refArea received
  if (o.donor !== undefined) g.add(s, kg.donorPlace, iris.place(o.donor.code));

  const articleIri = iris.article(article.id);
  g.add(m, RDFV.type, kg.Mention);
  writeAnchor(g, m, articleIri, o.span);
  const context = `${m}/context`;
  g.add(m, kg.context, context);
  writeAnchor(g, context, articleIri, o.context);
  // the same fact stated again (a headline repeated in the body): further sources, one fact
  (o.repeats ?? []).forEach((span, i) => {
    const again = `${m}/again/${i + 1}`;
    g.add(s, kg.alsoStatedIn, again).add(again, RDFV.type, kg.Mention);
    writeAnchor(g, again, articleIri, span);
  });
}
