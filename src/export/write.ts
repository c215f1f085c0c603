/**
 * Streams RDF text out batch by batch (one graph at a time): nothing but the current batch
 * is held as text. Output goes to a file (temporary file + rename) or to stdout.
 */
import type * as RDF from "@rdfjs/types";
import type { RdfFormat } from "../rdf/formats.js";
import { groupBySubject, RdfTextWriter } from "../rdf/serialize.js";
import { type ChunkSink, writeAtomically } from "../store/files.js";

/** Where output goes: a file path, or stdout when undefined or "-". */
export type Output = string | undefined;

/** Writes batches of quads (each grouped by subject) in one format to a sink; returns the quad count. */
export async function writeBatches(
  batches: Iterable<Iterable<RDF.Quad>> | AsyncIterable<Iterable<RDF.Quad>>,
  format: RdfFormat,
  prefixes: Readonly<Record<string, string>>,
  sink: ChunkSink,
): Promise<number> {
  let pending: string[] = [];
  const writer = new RdfTextWriter(format, { write: (t) => pending.push(t) }, prefixes);
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    await sink.write(text);
  };
  let count = 0;
  for await (const batch of batches) {
    for (const q of groupBySubject(batch)) {
      writer.add(q);
      count++;
    }
    await flush();
  }
  await writer.end();
  await flush();
  return count;
}

/** A sink writing to stdout with back-pressure. */
export const stdoutSink: ChunkSink = {
  write: (text) =>
    new Promise((resolve, reject) => {
      process.stdout.write(text, (e) => (e ? reject(e) : resolve()));
    }),
};

/** Runs `fill` against the output: a file written atomically, or stdout. */
export async function withOutput(output: Output, fill: (sink: ChunkSink) => Promise<void>): Promise<void> {
  if (output === undefined || output === "-") return fill(stdoutSink);
  return writeAtomically(output, fill);
}
