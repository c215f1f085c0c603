/**
 * Issue-level acceptance of the foundation: `article-kg extract` on a real article prints
 * Turtle that a second parser (Debian's rapper) reads, and every observation in it follows
 * the graph contract (checked with SPARQL over the parsed graph, offsets against the text).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore } from "../src/store/index.js";
import { haveTool } from "./helpers/tools.js";

const UNIT_CODES = (JSON.parse(readFileSync("data/units.json", "utf8")) as { units: { code: string }[] }).units.map(
  (u) => u.code,
);
const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const HANZHONG = resolve("../shared/corpus/dev/hanzhong-2021.txt");
const inputs = [
  "data/samples/dingxi-2021.txt",
  "data/samples/huayuan-2020.txt",
  ...(existsSync(HANZHONG) ? [HANZHONG] : []),
];

function extractTurtle(file: string): Promise<string> {
  return new Promise((ok, fail) =>
    execFile(process.execPath, [BIN, "extract", file], { maxBuffer: 64 << 20 }, (e, stdout, stderr) =>
      e ? fail(new Error(stderr)) : ok(stdout),
    ),
  );
}

const CONTRACT = `
SELECT ?o ?value ?unitCode ?placeCode ?start ?end ?exact ?indicator WHERE {
  ?o a qb:Observation ; qb:dataSet ?ds ; sdmx-measure:obsValue ?value ;
     sdmx-attribute:unitMeasure ?unit ; sdmx-dimension:refArea ?place ; prov:wasDerivedFrom ?m .
  ?o ?ip ?indicator . FILTER(STRENDS(STR(?ip), "indicator"))
  ?unit skos:notation ?unitCode . ?place skos:notation ?placeCode .
  ?m oa:hasSource ?article ;
     oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                    [ a oa:TextQuoteSelector ; oa:exact ?exact ] .
}`;

describe("extract → Turtle → second parser → graph contract", () => {
  for (const file of inputs) {
    it(`${file.split("/").pop()}`, async () => {
      const turtle = await extractTurtle(file);
      if (haveTool("/usr/bin/rapper", "rapper (raptor2-utils)")) {
        const out = execFileSync("/usr/bin/rapper", ["-i", "turtle", "-c", "-", "https://example.org/"], {
          input: turtle,
          stdio: ["pipe", "pipe", "pipe"],
        });
        expect(out.toString()).toBe("");
      }
      const store = KgStore.memory();
      store.loadText(turtle, "text/turtle");
      const prefixes = prefixesFor(iris());
      const all = store.query("SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation }", { prefixes });
      const ok = store.query(CONTRACT, { prefixes });
      if (all.kind !== "bindings" || ok.kind !== "bindings") throw new Error("SELECT expected");
      const n = Number(all.rows[0]?.get("n")?.value);
      expect(n).toBeGreaterThan(10);
      const rows = ok.rows;
      expect(new Set(rows.map((r) => r.get("o")?.value)).size).toBe(n);
      const cps = [...readFileSync(file, "utf8").replace(/^\uFEFF/u, "")];
      for (const r of rows) {
        const v = r.get("value");
        expect(v?.termType === "Literal" && v.datatype.value.endsWith("#decimal")).toBe(true);
        expect(r.get("placeCode")?.value).toMatch(/^\d{6}$/u);
        expect(UNIT_CODES).toContain(r.get("unitCode")?.value);
        const start = Number(r.get("start")?.value);
        const end = Number(r.get("end")?.value);
        expect(cps.slice(start, end).join("")).toBe(r.get("exact")?.value);
      }
    });
  }
});
