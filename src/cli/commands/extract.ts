/** `article-kg extract FILE`: the graph (or a table of the facts) of one article on stdout. */
import { extractFacts, graphOfExtraction } from "../../build/article-graph.js";
import { readOneArticle } from "../../build/sources.js";
import { FACT_COLUMNS, factCells, factRows, factsToCsv, factsToJson } from "../../export/facts.js";
import { writeBatches } from "../../export/write.js";
import { alignedTable } from "../../query/format.js";
import { groupDigits } from "../../query/terms.js";
import { RDF_FORMATS } from "../../rdf/formats.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { absoluteIri, CLIError, choice, encodingOption, irisOf, parse } from "../args.js";
import { out } from "../io.js";

export const summary = "print the graph of one article";

const FACT_FORMATS = ["table", "csv", "json"] as const;
const FORMATS = [...RDF_FORMATS, ...FACT_FORMATS] as const;

export const help = `Usage: article-kg extract FILE [options]

Reads one article, extracts its numeric facts and prints its graph (the article's named
graph plus the reference resources it uses, so the output is self-contained), or its facts
as a table, CSV or JSON: one row per fact with place code and name, indicator, period
start and end, value in the base unit, unit, kind, approximation, the quote and its
start/end offsets (Unicode code points).

Options:
  --published YYYY-MM-DD   publication date (overrides a date found in the header)
  --encoding NAME          encoding of the file (utf-8, gb18030, gbk, big5, utf-16le, utf-16be);
                           default: detected (UTF-8 with or without BOM, UTF-16, GB18030, Big5)
  --source-url URL         the article's URL, its dcterms:source (else urn:sha256:… of the text)
  --format FORMAT          turtle (default), trig, nquads, ntriples; table, csv, json
  --base IRI               base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help               show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    published: { type: "string" },
    encoding: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
    "source-url": { type: "string" },
  });
  const format = choice("format", values.format, FORMATS, "turtle");
  const ir = irisOf(values.base);
  if (positionals.length !== 1) throw new CLIError("extract expects exactly one FILE.");
  const file = positionals[0] as string;
  const read = await readOneArticle(file, {
    ...(values.published === undefined ? {} : { published: values.published }),
    ...(values.encoding === undefined ? {} : { encoding: encodingOption(values.encoding) }),
  });
  const url = values["source-url"];
  const article = url === undefined ? read : { ...read, url: absoluteIri("source-url", url) };
  const extraction = extractFacts(article);
  if (format === "table" || format === "csv" || format === "json") {
    const rows = factRows(extraction);
    if (format === "csv") await out(factsToCsv(rows));
    else if (format === "json") await out(factsToJson(rows));
    else
      await out(
        alignedTable(
          FACT_COLUMNS,
          rows.map((r) => factCells(r).map((c, i) => (FACT_COLUMNS[i] === "value" ? groupDigits(c) : c))),
        ),
      );
    return 0;
  }
  const mapped = graphOfExtraction(extraction, ir, { text: false });
  await writeBatches([mapped.quads, [...mapped.reference.values()].flat()], format, prefixesFor(ir), {
    write: out,
  });
  return 0;
}
