/** Export of the store and of quads to RDF text. */

export {
  EXPORT_FORMATS,
  type ExportFormat,
  FORMAT_INFO,
  formatOfFile,
  isTextFormat,
  READ_FORMATS,
  type ReadFormat,
} from "../rdf/formats.js";
export { type ExportOptions, exportStore } from "./export.js";
export { CONTEXT_IRI, type JsonLdOptions, jsonldContext, writeJsonLd } from "./jsonld.js";
export { type Output, stdoutSink, withOutput, writeBatches } from "./write.js";
