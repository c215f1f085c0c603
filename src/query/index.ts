/** Query result formatting. */
export {
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
export { displayOf, displayWidth, ntriplesOf, shorten } from "./terms.js";
