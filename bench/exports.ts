/** Export time of a store in every format (`exportStore`, as `article-kg export` writes it), to files. */
import { join } from "node:path";
import { EXPORT_FORMATS, exportStore, FORMAT_INFO } from "../src/export/index.js";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import type { KgStore } from "../src/store/index.js";

/** Seconds per export format, and the file each was written to. */
export async function exportTimes(
  store: KgStore,
  outDir: string,
): Promise<{ seconds: Record<string, number>; files: Record<string, string> }> {
  const prefixes = prefixesFor(iris());
  const seconds: Record<string, number> = {};
  const files: Record<string, string> = {};
  for (const format of EXPORT_FORMATS) {
    const file = join(outDir, `graph.${FORMAT_INFO[format].ext[0] ?? format}`);
    const t0 = performance.now();
    await exportStore(store, { format, output: file, prefixes });
    seconds[format] = (performance.now() - t0) / 1000;
    files[format] = file;
  }
  return { seconds, files };
}
