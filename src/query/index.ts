/** Query result formatting. */
export {
  alignedTable,
  formatResult,
  isResultFormat,
  RESULT_FORMATS,
  type ResultFormat,
  sparqlJsonTerm,
  toCsv,
  toSparqlJson,
  toTable,
  toTsv,
} from "./format.js";
export { withCanonicalLang } from "./lang.js";
export { displayOf, displayWidth, groupDigits, ntriplesOf, shorten } from "./terms.js";
