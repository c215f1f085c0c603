/**
 * The program and organisation schemes: data/programs.json as typed records (for the
 * extractor) and as two SKOS concept schemes (for the graph and ontology/programs.ttl).
 * National programs, policies and mechanisms are concepts of `scheme/programs`
 * (`program/relocation`); national bodies and banks are concepts of `scheme/organisations`
 * (`organisation/ministry-of-finance`). Local programs and organisations are not in the
 * schemes: the extractor recognises them by the shape rules of `localShapes`.
 */
import type * as RDF from "@rdfjs/types";
import { dataJson, dataUrl } from "../data/load.js";
import type { LocalShapes } from "../data/types.js";
import { type Iris, iris as makeIris } from "./iri.js";
import { DataFactory } from "./n3-parts.js";
import { checkTree, fail, list, obj, optText, labels as parseLabels, text } from "./scheme-parse.js";
import type { Labels } from "./scheme-records.js";
import { addLabels, type SchemeOptions, writer } from "./schemes.js";
import { DCTERMS, RDF as RDFV, SKOS, WD } from "./vocab.js";

const { literal } = DataFactory;

/** What kind of body an organisation is. */
export const ORGANISATION_TYPES = ["government", "bank", "company", "university"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** One concept of the program scheme or the organisation scheme. */
export interface ProgramRecord {
  /** Stable kebab-case id; the IRI is `iris.program(id)` (or `iris.organisation(id)`). */
  readonly id: string;
  readonly prefLabel: Labels;
  /** Simplified variants written in articles (skos:altLabel, and matched in text). */
  readonly altLabels: readonly string[];
  readonly broader?: string;
  readonly definition?: { readonly en: string };
  /** Wikidata item id ("Q123"), only when checked by hand. */
  readonly wikidata?: string;
}

/** One organisation of the scheme. */
export interface OrganisationRecord extends ProgramRecord {
  readonly type: OrganisationType;
}

/** A kind of local government office: `organisation/<place code>/<id>` with the place written before it. */
export interface OfficeRecord {
  readonly id: string;
  readonly prefLabel: Labels;
  /** Simplified forms written after a place name (扶贫办, 扶贫开发办公室). */
  readonly forms: readonly string[];
}

/** The content of data/programs.json. */
export interface ProgramSchemes {
  readonly programs: readonly ProgramRecord[];
  readonly organisations: readonly OrganisationRecord[];
  readonly offices: readonly OfficeRecord[];
  readonly localShapes: LocalShapes;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const QID = /^Q\d+$/u;

function strings(v: unknown, file: string, where: string): string[] {
  return list(v ?? [], file, where).map((x, i) => text(x, file, `${where}[${i}]`));
}

function record(raw: unknown, file: string, where: string): ProgramRecord {
  const o = obj(raw, file, where);
  const id = text(o.id, file, `${where}.id`);
  const w = `"${id}"`;
  if (!ID.test(id)) fail(file, `${w}: the id must be kebab-case ASCII (it is part of IRIs).`);
  const broader = optText(o.broader, file, `${w}.broader`);
  const wikidata = optText(o.wikidata, file, `${w}.wikidata`);
  if (wikidata !== undefined && !QID.test(wikidata)) fail(file, `${w}: wikidata must be an item id like Q11229.`);
  const definition =
    o.definition === undefined ? undefined : { en: text(obj(o.definition, file, `${w}.definition`).en, file, w) };
  return {
    id,
    prefLabel: parseLabels(o.prefLabel, file, `${w}.prefLabel`),
    altLabels: strings(o.altLabels, file, `${w}.altLabels`),
    ...(broader === undefined ? {} : { broader }),
    ...(definition === undefined ? {} : { definition }),
    ...(wikidata === undefined ? {} : { wikidata }),
  };
}

/** Validates the parsed content of data/programs.json. */
export function parsePrograms(json: unknown, file = "data/programs.json"): ProgramSchemes {
  const root = obj(json, file, "the file");
  const programs = checkTree(
    list(root.programs, file, "programs").map((r, i) => record(r, file, `programs[${i}]`)),
    (r) => r.id,
    file,
  );
  const organisations = checkTree(
    list(root.organisations, file, "organisations").map((r, i): OrganisationRecord => {
      const rec = record(r, file, `organisations[${i}]`);
      const type = text(obj(r, file, "").type, file, `"${rec.id}".type`);
      if (!(ORGANISATION_TYPES as readonly string[]).includes(type))
        fail(file, `"${rec.id}": type "${type}" is not one of ${ORGANISATION_TYPES.join(", ")}.`);
      return { ...rec, type: type as OrganisationType };
    }),
    (r) => r.id,
    file,
  );
  const offices = list(root.offices, file, "offices").map((r, i): OfficeRecord => {
    const o = obj(r, file, `offices[${i}]`);
    const id = text(o.id, file, `offices[${i}].id`);
    if (!ID.test(id)) fail(file, `office "${id}": the id must be kebab-case ASCII (it is part of IRIs).`);
    return {
      id,
      prefLabel: parseLabels(o.prefLabel, file, `office "${id}".prefLabel`),
      forms: strings(o.forms, file, id),
    };
  });
  const sh = obj(root.localShapes, file, "localShapes");
  const roles = obj(sh.roles ?? {}, file, "localShapes.roles");
  const localShapes: LocalShapes = {
    documentSuffixes: strings(sh.documentSuffixes, file, "localShapes.documentSuffixes"),
    nameSuffixes: strings(sh.nameSuffixes, file, "localShapes.nameSuffixes"),
    initiativeCues: strings(sh.initiativeCues, file, "localShapes.initiativeCues"),
    notProgramSuffixes: strings(sh.notProgramSuffixes, file, "localShapes.notProgramSuffixes"),
    organisationSuffixes: strings(sh.organisationSuffixes, file, "localShapes.organisationSuffixes"),
    organisationBoundary: strings(sh.organisationBoundary, file, "localShapes.organisationBoundary"),
    roles: {
      recipientBefore: strings(roles.recipientBefore, file, "localShapes.roles.recipientBefore"),
      donorAfter: strings(roles.donorAfter, file, "localShapes.roles.donorAfter"),
      sourceAfter: strings(roles.sourceAfter, file, "localShapes.roles.sourceAfter"),
    },
    ownPlaceWords: Object.fromEntries(
      Object.entries(obj(sh.ownPlaceWords ?? {}, file, "localShapes.ownPlaceWords")).map(([word, level]) => {
        if (level !== "province" && level !== "prefecture" && level !== "county")
          fail(file, `localShapes.ownPlaceWords.${word}: the level must be province, prefecture or county.`);
        return [word, level];
      }),
    ),
  };
  // one written form, one entity: a label may name one concept only
  const owner = new Map<string, string>();
  const claim = (label: string, id: string) => {
    const other = owner.get(label);
    if (other !== undefined && other !== id) fail(file, `label "${label}" names both "${other}" and "${id}".`);
    owner.set(label, id);
  };
  for (const r of programs) for (const l of [r.prefLabel["zh-Hans"], ...r.altLabels]) claim(l, `program ${r.id}`);
  for (const r of organisations)
    for (const l of [r.prefLabel["zh-Hans"], ...r.altLabels]) claim(l, `organisation ${r.id}`);
  for (const r of offices) for (const l of r.forms) claim(l, `office ${r.id}`);
  return { programs, organisations, offices, localShapes };
}

/** Location of data/programs.json in the package. */
export const PROGRAMS_FILE = dataUrl("programs.json");

let cache: ProgramSchemes | undefined;

/** The program and organisation schemes of data/programs.json, read and validated once. */
export function loadPrograms(): ProgramSchemes {
  cache ??= Object.freeze(parsePrograms(dataJson("programs.json"), PROGRAMS_FILE.pathname));
  return cache;
}

function conceptQuads(
  records: readonly ProgramRecord[],
  scheme: { iri: string; labels: Labels; klass: string; mint: (id: string) => string },
  options: SchemeOptions,
): RDF.Quad[] {
  const { quads, add } = writer(options);
  add(scheme.iri, RDFV.type, SKOS.ConceptScheme);
  addLabels(add, scheme.iri, scheme.labels);
  add(scheme.iri, DCTERMS.source, literal("data/programs.json"));
  for (const r of records) {
    const s = scheme.mint(r.id);
    add(s, RDFV.type, SKOS.Concept);
    add(s, RDFV.type, scheme.klass);
    add(s, SKOS.inScheme, scheme.iri);
    add(s, SKOS.notation, literal(r.id));
    addLabels(add, s, r.prefLabel);
    for (const alt of r.altLabels) if (alt !== r.prefLabel["zh-Hans"]) add(s, SKOS.altLabel, literal(alt, "zh-Hans"));
    if (r.definition !== undefined) add(s, SKOS.definition, literal(r.definition.en, "en"));
    if (r.broader === undefined) {
      add(s, SKOS.topConceptOf, scheme.iri);
      add(scheme.iri, SKOS.hasTopConcept, s);
    } else {
      add(s, SKOS.broader, scheme.mint(r.broader));
      add(scheme.mint(r.broader), SKOS.narrower, s);
    }
    if (r.wikidata !== undefined) add(s, SKOS.exactMatch, WD.$ + r.wikidata);
  }
  return quads;
}

/** The program scheme as SKOS: each national program a `skos:Concept` and `kg:Program`. */
export function programSchemeQuads(programs: readonly ProgramRecord[], options: SchemeOptions = {}): RDF.Quad[] {
  const ir: Iris = options.iris ?? makeIris();
  return conceptQuads(
    programs,
    {
      iri: ir.programScheme,
      labels: {
        "zh-Hans": "扶贫项目与政策",
        "zh-Hant": "扶貧項目與政策",
        en: "Poverty-alleviation programs and policies",
      },
      klass: ir.kg.Program,
      mint: ir.program,
    },
    options,
  );
}

/** The organisation scheme as SKOS: each national body or bank a `skos:Concept` and `kg:Organisation`. */
export function organisationSchemeQuads(
  organisations: readonly OrganisationRecord[],
  options: SchemeOptions = {},
): RDF.Quad[] {
  const ir: Iris = options.iris ?? makeIris();
  return conceptQuads(
    organisations,
    {
      iri: ir.organisationScheme,
      labels: { "zh-Hans": "扶贫相关机构", "zh-Hant": "扶貧相關機構", en: "Organisations of poverty alleviation" },
      klass: ir.kg.Organisation,
      mint: ir.organisation,
    },
    options,
  );
}
