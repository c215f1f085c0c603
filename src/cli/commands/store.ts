/** Opening an existing store for the read-only commands (src/build/open.ts). */
export { openExisting } from "../../build/open.js";
