/**
 * Prepared tables (src/data/prepared.ts): saved by the build, read back only while their input
 * files are unchanged, and equal to what is computed from the sources.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadPrepared, type PreparedTable, writePrepared } from "../src/data/prepared.js";
import { GAZETTEER_TABLES } from "../src/extract/gazetteer.js";

const dir = mkdtempSync(join(tmpdir(), "article-kg-prepared-"));
const dirUrl = pathToFileURL(`${dir}/`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prepared tables", () => {
  it("are read back while the inputs are the same, computed again when one changed or the file is missing", () => {
    const input = join(dir, "input.txt");
    writeFileSync(input, "one");
    let computed = 0;
    const table: PreparedTable<{ text: string }> = {
      name: "test-table",
      inputs: () => [pathToFileURL(input)],
      compute: () => {
        computed++;
        return { text: `computed ${computed}` };
      },
    };
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 1" }); // no file yet
    writePrepared(table, dirUrl); // computed 2, saved
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 2" });
    expect(computed).toBe(2);
    writeFileSync(input, "two");
    expect(loadPrepared(table, dirUrl)).toEqual({ text: "computed 3" });
  });

  it("the gazetteer's tables survive the round trip through the saved file", () => {
    writePrepared(GAZETTEER_TABLES, dirUrl);
    let computed = 0;
    const counting = {
      ...GAZETTEER_TABLES,
      compute: () => {
        computed++;
        return GAZETTEER_TABLES.compute();
      },
    };
    const saved = loadPrepared(counting, dirUrl);
    expect(computed).toBe(0);
    expect(saved).toEqual(GAZETTEER_TABLES.compute());
  });
});
