// Starts an extraction worker of a parallel build: the compiled extract-worker.js beside this
// file when it is there (dist/), else registers tsx in this thread and runs extract-worker.ts
// (the sources, no build step), as src/serve/worker-boot.mjs does for the query workers.
import { existsSync } from "node:fs";

const compiled = new URL("./extract-worker.js", import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./extract-worker.ts");
}
