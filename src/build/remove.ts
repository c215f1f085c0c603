/** Removing one article: its named graph dropped, the store saved. */
import { basename } from "node:path";
import { slugOf } from "../article/read.js";
import { KgError } from "../errors.js";
import type { Iris } from "../rdf/iri.js";
import type { Store } from "../store/index.js";

/** The graph IRI an ARTICLE argument names: the article's id, its file name, the article IRI or the graph IRI. */
export function graphOf(arg: string, ir: Iris): string {
  const graphPrefix = ir.articleGraph("");
  if (arg.startsWith(graphPrefix)) return arg;
  const articlePrefix = ir.article("");
  if (arg.startsWith(articlePrefix)) return ir.articleGraph(decodeURIComponent(arg.slice(articlePrefix.length)));
  return ir.articleGraph(/[/\\]|\.txt$/iu.test(arg) ? slugOf(basename(arg)) : arg);
}

/**
 * Drops the graph of the article `arg` names and saves the store; returns the graph and the
 * quads removed. An article not in the store is an E_INPUT_NOT_FOUND listing the ones that are
 * (`name` is how the store is named in that message).
 */
export async function removeArticle(
  store: Store,
  arg: string,
  options: { readonly iris: Iris; readonly name: string },
): Promise<{ readonly graph: string; readonly quads: number }> {
  const ir = options.iris;
  const graph = graphOf(arg, ir);
  const graphs = await store.graphs();
  if (!graphs.includes(graph)) {
    const prefix = ir.articleGraph("");
    const ids = graphs.filter((g) => g.startsWith(prefix)).map((g) => decodeURIComponent(g.slice(prefix.length)));
    const shown = ids.slice(0, 8).join(", ") + (ids.length > 8 ? ", …" : "");
    throw new KgError(
      "E_INPUT_NOT_FOUND",
      `article "${arg}" is not in the store ${options.name}; ${ids.length === 0 ? "it holds no articles" : `its articles: ${shown}`}.`,
    );
  }
  const before = await store.countQuads();
  await store.dropGraph(graph);
  await store.save();
  return { graph, quads: before - (await store.countQuads()) };
}
