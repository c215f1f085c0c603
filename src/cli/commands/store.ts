/** Opening an existing store for the read-only commands. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KgError } from "../../errors.js";
import { KgStore, STORE_FILE } from "../../store/index.js";

/** Opens the store in `dir`, which must have been built. */
export async function openExisting(dir: string): Promise<KgStore> {
  if (!existsSync(join(dir, STORE_FILE)))
    throw new KgError("E_STORE", `no store in ${dir} (run "article-kg build PATH --store ${dir}" first).`, {
      context: { file: dir },
    });
  return KgStore.open(dir);
}
