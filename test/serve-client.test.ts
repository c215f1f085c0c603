/**
 * A real SPARQL client, Python SPARQLWrapper (Debian python3-sparqlwrapper, run with
 * /usr/bin/python3), gets the same answers as the CLI for every named query and for ASK and
 * CONSTRUCT, in every format it asks for. Skipped when missing locally, failed in CI.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { buildSamples, cli, serve } from "./e2e/server.js";

const PYTHON = "/usr/bin/python3";
function hasWrapper(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import SPARQLWrapper, rdflib"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const present = hasWrapper();
if (!present && process.env.CI) throw new Error("python3-sparqlwrapper (and python3-rdflib) are needed in CI");
if (!present) console.warn("serve-client: skipped, no SPARQLWrapper for /usr/bin/python3");

function python(input: unknown): Promise<Record<string, Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const p = spawn(PYTHON, [join(import.meta.dirname, "e2e", "sparqlwrapper_client.py")]);
    let out = "";
    let err = "";
    // a multi-byte character may straddle two chunks: decode the stream, not each chunk
    p.stdout.setEncoding("utf8");
    p.stderr.setEncoding("utf8");
    p.stdout.on("data", (c) => {
      out += c;
    });
    p.stderr.on("data", (c) => {
      err += c;
    });
    p.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
    p.stdin.end(JSON.stringify(input));
  });
}

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
interface Binding {
  type: string;
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}
function normalise(doc: { boolean?: boolean; results?: { bindings: Record<string, Binding>[] } }) {
  if (doc.boolean !== undefined) return { boolean: doc.boolean };
  const rows = (doc.results?.bindings ?? []).map((b) =>
    JSON.stringify(
      Object.entries(b)
        // language tags exactly: the CLI and the endpoint both write zh-Hans (BCP 47 case)
        .map(([k, v]) => [k, v.type, v.value, (v.datatype ?? v["xml:lang"] ?? "").replace(XSD_STRING, "")])
        .sort(),
    ),
  );
  return { rows: rows.sort() };
}

describe.skipIf(!present)("a SPARQL client (SPARQLWrapper) against the endpoint", () => {
  let dir: string;
  let store: string;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kg-client-"));
    store = join(dir, "store");
    await buildSamples(store);
    server = await serve({ storeDir: store });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers SELECT, ASK and CONSTRUCT in every format, equal to the CLI", async () => {
    const queries: Record<string, string> = {};
    const forms: Record<string, string> = {};
    for (const q of await readNamedQueries()) {
      queries[q.name] = q.text.replaceAll('"610700"', '"621100"');
      forms[q.name] = "SELECT";
    }
    queries.ask = "ASK { ?s a qb:Observation }";
    forms.ask = "ASK";
    queries.construct =
      "CONSTRUCT { ?p skos:notation ?c ; skos:prefLabel ?l } WHERE { ?p a kg:Place ; skos:notation ?c ; skos:prefLabel ?l }";
    forms.construct = "CONSTRUCT";
    const answers = await python({ endpoint: `${server.url}/sparql`, queries, forms });
    for (const [name, text] of Object.entries(queries)) {
      const a = answers[name] ?? {};
      if (forms[name] === "CONSTRUCT") {
        const n = new Parser().parse(await cli("query", text, "--store", store)).length;
        expect(n).toBeGreaterThan(0);
        for (const f of ["turtle", "n3", "json-ld"]) expect(a[f], `${name} ${f}`).toEqual({ triples: n });
        continue;
      }
      const expected = normalise(JSON.parse(await cli("query", text, "--store", store, "--format", "json")));
      expect(a.json, `${name} json`).toEqual(expected);
      // XML parsers turn a raw CR into LF (the engine writes CR unescaped in XML results), so
      // the XML answer is compared with line ends normalised.
      const crlf = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll("\\r\\n", "\\n").replaceAll("\\r", "\\n"));
      expect(crlf(a.xml), `${name} xml`).toEqual(crlf(expected));
      if (forms[name] === "SELECT") {
        const csv = (await cli("query", text, "--store", store, "--format", "csv")).split("\r\n").filter(Boolean);
        expect(a.csv, `${name} csv`).toEqual({ header: csv[0]?.split(","), count: csv.length - 1 });
        expect((a.tsv as { count: number }).count, `${name} tsv`).toBe(csv.length - 1);
        if (name === "facts-by-place") expect(csv.length - 1).toBeGreaterThan(0);
      }
    }
    // two CLI runs per named query to compare with: a minute is not enough on a busy machine
  }, 240_000);
});
