/** The part of shacl-engine's API that `shacl.ts` uses (the package ships no types). */
declare module "shacl-engine" {
  import type * as RDF from "@rdfjs/types";

  export interface ValidationReport {
    readonly conforms: boolean;
    /** The report as RDF (sh:ValidationReport, sh:result …). */
    readonly dataset: RDF.DatasetCore;
    readonly term: RDF.Term;
  }

  export class Validator {
    constructor(shapes: RDF.DatasetCore, options: { factory: unknown; debug?: boolean; details?: boolean });
    validate(data: { dataset: RDF.DatasetCore; terms?: Iterable<RDF.Term> }): Promise<ValidationReport>;
  }
}
