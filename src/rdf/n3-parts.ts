/**
 * n3's DataFactory and Writer without the rest of the package. `import … from "n3"` loads its
 * index, which requires every part of it — the store, the reasoner, the stream parser and
 * writer and, through them, readable-stream: some 40 CommonJS modules that a one-article
 * `extract` never uses (about 35 ms of its start-up). These are the very modules the index
 * re-exports (one require cache), so terms and classes are the same as those of `"n3"`.
 */
import { createRequire } from "node:module";
import type * as N3 from "n3";

const require = createRequire(import.meta.url);

/** n3's DataFactory (`import { DataFactory } from "n3"`). */
export const DataFactory: typeof N3.DataFactory = (
  require("n3/lib/N3DataFactory.js") as { default: typeof N3.DataFactory }
).default;
/** n3's Writer (`import { Writer } from "n3"`). */
export const Writer: typeof N3.Writer = (require("n3/lib/N3Writer.js") as { default: typeof N3.Writer }).default;
export type Writer = N3.Writer;
