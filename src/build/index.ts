/**
 * The build layer: the one place that knows the order of the pipeline (read → extract → map →
 * store → describe) and the store-changing operations built on it. Commands, the server and
 * the benchmarks call it and keep no step order of their own.
 */
export {
  type ArticleGraph,
  articleGraph,
  articleGraphs,
  extractFacts,
  type GraphOptions,
  graphOfExtraction,
} from "./article-graph.js";
export { type BuildOptions, type BuildResult, buildStore } from "./build.js";
export { type BuildRun, finishBuild } from "./finish.js";
export { importedGraph, importRdf } from "./import.js";
export { gb2260LinkGraph, type LinkRun, linkPlaces } from "./link.js";
export { loadSaved, openBuilt, openExisting, openForBuild, storeName } from "./open.js";
export { type ReferenceOptions, rebuildReference } from "./reference.js";
export { graphOf, removeArticle } from "./remove.js";
export {
  articleFileList,
  articleFiles,
  isBadFile,
  readArticles,
  readOneArticle,
  type SourceOptions,
  sourceText,
} from "./sources.js";
export { storeStats } from "./stats.js";
export { buildSummary } from "./summary.js";
export { type WrittenGraphs, writeArticleGraphs } from "./write.js";
