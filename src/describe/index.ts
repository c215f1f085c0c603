/** Description of what a build publishes: VoID, DCAT and PROV. */
export { DEFAULT_LICENSE, type DescriptionOptions, datasetIri, describeDataset } from "./describe.js";
export { DatasetTally, type GraphSummary, ownPrefixes, storedTripleKey, summariseGraph } from "./graph-summary.js";
export {
  activityIri,
  agentIri,
  type BuildRecord,
  buildProvenance,
  forgetGraphsUpdate,
  type GraphRecord,
  TOOL_VERSION,
} from "./prov.js";
export { type DatasetStats, datasetStats, descriptionGraph, type LinksetStats, provenanceGraph } from "./stats.js";
