// Starts a query worker: registers tsx in this thread (no build step), then runs worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
