// Starts a query worker: the compiled worker.js beside this file when it is there (dist/),
// else registers tsx in this thread and runs worker.ts (the sources, no build step).
import { existsSync } from "node:fs";

const compiled = new URL("./worker.js", import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./worker.ts");
}
