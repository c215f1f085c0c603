/** `article-kg remove ARTICLE`: drops one article's named graph from the store, saved atomically. */
import { openBuilt, storeName } from "../../build/open.js";
import { removeArticle } from "../../build/remove.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";

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

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, { store: { type: "string" }, base: { type: "string" } });
  if (positionals.length !== 1) throw new CLIError("remove expects one ARTICLE (its id, file name or IRI).");
  const ir = irisOf(values.base);
  const arg = positionals[0] as string;
  const spec = values.store ?? DEFAULT_STORE;
  const store = await openBuilt(spec);
  const removed = await removeArticle(store, arg, { iris: ir, name: storeName(spec) });
  await out(`Removed ${removed.graph} (${removed.quads} quads).\n`);
  return 0;
}
