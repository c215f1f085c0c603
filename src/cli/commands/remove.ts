/** `article-kg remove ARTICLE`: drops one article's named graph from the store, saved atomically. */
import { basename } from "node:path";
import { slugOf } from "../../article/read.js";
import { KgError } from "../../errors.js";
import type { Iris } from "../../rdf/iri.js";
import { isRemoteStore, openStore, redact } from "../../store/index.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";
import { openExisting } from "./store.js";

export const summary = "remove one article (its named graph) from the store";

export const help = `Usage: article-kg remove ARTICLE [options]

Drops the named graph of one article: its facts, mentions and text. ARTICLE is the
article's id (the slug of its file name, e.g. dingxi-2021), its file name, the article IRI
or the graph IRI. The store is saved atomically: it holds the article or it does not. The
shared reference, description and provenance graphs are brought up to date by the next
build.

Options:
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --base IRI        base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

/** The graph IRI an ARTICLE argument names. */
export function graphOf(arg: string, ir: Iris): string {
  const graphPrefix = ir.articleGraph("");
  if (arg.startsWith(graphPrefix)) return arg;
  const articlePrefix = ir.article("");
  if (arg.startsWith(articlePrefix)) return ir.articleGraph(decodeURIComponent(arg.slice(articlePrefix.length)));
  return ir.articleGraph(/[/\\]|\.txt$/iu.test(arg) ? slugOf(basename(arg)) : arg);
}

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, { store: { type: "string" }, base: { type: "string" } });
  if (positionals.length !== 1) throw new CLIError("remove expects one ARTICLE (its id, file name or IRI).");
  const ir = irisOf(values.base);
  const arg = positionals[0] as string;
  const graph = graphOf(arg, ir);
  const spec = values.store ?? DEFAULT_STORE;
  const store = isRemoteStore(spec) ? await openStore(spec) : await openExisting(spec);
  const graphs = await store.graphs();
  if (!graphs.includes(graph)) {
    const prefix = ir.articleGraph("");
    const ids = graphs.filter((g) => g.startsWith(prefix)).map((g) => decodeURIComponent(g.slice(prefix.length)));
    const shown = ids.slice(0, 8).join(", ") + (ids.length > 8 ? ", …" : "");
    throw new KgError(
      "E_INPUT_NOT_FOUND",
      `article "${arg}" is not in the store ${isRemoteStore(spec) ? redact(spec) : spec}; ${ids.length === 0 ? "it holds no articles" : `its articles: ${shown}`}.`,
    );
  }
  const before = await store.countQuads();
  await store.dropGraph(graph);
  await store.save();
  await out(`Removed ${graph} (${before - (await store.countQuads())} quads).\n`);
  return 0;
}
