/** `article-kg extract FILE`: the graph of one article on stdout, with the reference resources it uses. */
import { readArticle } from "../../article/read.js";
import { writeBatches } from "../../export/index.js";
import { extract } from "../../extract/index.js";
import { mapExtraction } from "../../rdf/map.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { RDF_FORMATS } from "../../rdf/serialize.js";
import { CLIError, choice, encodingOption, irisOf, parse } from "../args.js";
import { out } from "../io.js";

export const summary = "print the graph of one article";

export const help = `Usage: article-kg extract FILE [options]

Reads one article, extracts its numeric facts and prints its graph (the article's named
graph plus the reference resources it uses, so the output is self-contained).

Options:
  --published YYYY-MM-DD   publication date (overrides a date found in the header)
  --encoding NAME          encoding of the file (utf-8, gb18030, gbk, big5, utf-16le, utf-16be);
                           default: detected (UTF-8 with or without BOM, UTF-16, GB18030, Big5)
  --format FORMAT          turtle (default), trig, nquads, ntriples
  --base IRI               base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help               show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    published: { type: "string" },
    encoding: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
  });
  const format = choice("format", values.format, RDF_FORMATS, "turtle");
  const ir = irisOf(values.base);
  if (positionals.length !== 1) throw new CLIError("extract expects exactly one FILE.");
  const file = positionals[0] as string;
  const article = await readArticle(file, {
    ...(values.published === undefined ? {} : { published: values.published }),
    ...(values.encoding === undefined ? {} : { encoding: encodingOption(values.encoding) }),
  });
  const mapped = mapExtraction(extract(article), ir);
  await writeBatches([mapped.quads, [...mapped.reference.values()].flat()], format, prefixesFor(ir), {
    write: out,
  });
  return 0;
}
