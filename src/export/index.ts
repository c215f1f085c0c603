/** Export of the store and of quads to RDF text. */
export { type ExportOptions, exportStore } from "./export.js";
export { type Output, stdoutSink, withOutput, writeBatches } from "./write.js";
