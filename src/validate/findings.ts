/** What validation reports: violations (a broken contract or standard) and warnings (implausible facts). */

/** Where a fact was read from: the article and the quoted span (code point offsets). */
export interface SourceSpan {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  readonly exact: string;
}

/** One violation or warning. */
export interface Finding {
  /** Violations make `validate` exit 1; warnings never change the exit code. */
  readonly severity: "violation" | "warning";
  /** The check: "IC-12", "shacl:MinCountConstraintComponent", "plausibility:share-above-100" … */
  readonly constraint: string;
  /** Its title: "No duplicate observations", the SHACL shape, the plausibility check. */
  readonly title: string;
  /** The offending node (IRI, or `_:id` for a blank node). */
  readonly node: string;
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** The property concerned (SHACL result path), if any. */
  readonly path?: string;
  /** The offending value or the other node involved (the duplicate, the missing dimension …). */
  readonly value?: string;
  /** For observations and mentions: the text the fact was read from. */
  readonly source?: SourceSpan;
  /** Further observations involved (conflicting values), each with its own source. */
  readonly related?: readonly { readonly node: string; readonly value?: string; readonly source?: SourceSpan }[];
}

/** Counts of what was checked. */
export interface Checked {
  /** Node shapes of ontology/shapes.ttl. */
  readonly shapes: number;
  /** Property shapes of those node shapes. */
  readonly propertyShapes: number;
  readonly integrityConstraints: number;
  readonly plausibilityChecks: number;
  readonly quads: number;
  readonly observations: number;
}

/** The outcome of `validate`. */
export interface ValidationReport {
  /** True when there is no violation (warnings allowed). */
  readonly conforms: boolean;
  readonly checked: Checked;
  readonly violations: readonly Finding[];
  readonly warnings: readonly Finding[];
}
