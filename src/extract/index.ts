/**
 * The extractor's entry point: article → places, programs and observations (pure, no I/O
 * beyond reading the lexicons once). STUB while the extractor is being written.
 */
import type { Article, Extraction } from "../types.js";

/** Extracts every numeric fact of an article. */
export function extract(article: Article): Extraction {
  return { article, places: [], programs: [], observations: [] };
}
