import { describe, expect, it } from "vitest";
import {
  EXPORT_FORMATS,
  FORMAT_INFO,
  formatOfFile,
  formatOfMediaType,
  RDF_FORMATS,
  READ_FORMATS,
  storeMediaTypeOf,
} from "../src/rdf/formats.js";
import { negotiate, SERIALISATIONS } from "../src/serve/negotiate.js";

describe("the one table of RDF formats", () => {
  it("names the formats of every command", () => {
    expect(READ_FORMATS).toEqual(["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"]);
    expect(RDF_FORMATS).toEqual(["turtle", "trig", "nquads", "ntriples"]);
    expect(EXPORT_FORMATS).toEqual(["turtle", "trig", "nquads", "ntriples", "jsonld"]);
  });

  it.each([
    ["graph.ttl", "turtle"],
    ["graph.trig", "trig"],
    ["graph.nq", "nquads"],
    ["graph.nq.gz", "nquads"],
    ["graph.NT", "ntriples"],
    ["graph.jsonld", "jsonld"],
    ["ontology.owl", "rdfxml"],
    ["notes.txt", undefined],
  ])("tells %s by its extension", (file, format) => {
    expect(formatOfFile(file)).toBe(format);
  });

  it("finds a format by any media type that selects it", () => {
    expect(formatOfMediaType("text/plain; charset=utf-8")).toBe("ntriples");
    expect(formatOfMediaType("application/x-turtle")).toBe("turtle");
    expect(formatOfMediaType("text/html")).toBeUndefined();
  });

  it("loads JSON-LD through N-Quads, everything else as written", () => {
    expect(storeMediaTypeOf("jsonld")).toBeUndefined();
    for (const f of READ_FORMATS.filter((f) => f !== "jsonld"))
      expect(storeMediaTypeOf(f)).toBe(FORMAT_INFO[f].mediaType);
  });

  it("gives the endpoint the same names and media types", () => {
    const byParam = (name: string) => negotiate(SERIALISATIONS.graph, undefined, name).contentType;
    expect(byParam("ttl")).toBe("text/turtle; charset=utf-8");
    expect(byParam("n3")).toBe("text/turtle; charset=utf-8");
    expect(byParam("nt")).toBe("application/n-triples; charset=utf-8");
    expect(byParam("json-ld")).toBe("application/ld+json; charset=utf-8");
    expect(byParam("nquads")).toBe("application/n-quads; charset=utf-8");
    expect(byParam("rdf")).toBe("application/rdf+xml; charset=utf-8");
    expect(negotiate(SERIALISATIONS.bindings, "text/tab-separated-values").format).toBe("tsv");
    expect(SERIALISATIONS.boolean.map((s) => s.format)).toEqual(["json", "xml"]);
    expect(negotiate(SERIALISATIONS.graph, "*/*").format).toBe("ttl");
  });
});
