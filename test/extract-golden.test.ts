/**
 * Golden articles written for these tests (test/fixtures/golden/NAME.txt, not from the
 * corpus): every observation the extractor gives, with its value, unit, place, period,
 * indicator and kind, must equal NAME.expected.json. An article without its expected file fails.
 * After a deliberate change, review the difference and rewrite the file with
 * `UPDATE_GOLDEN=1 npx vitest run test/extract-golden.test.ts`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleFromText, readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

const DIR = join(import.meta.dirname, "fixtures", "golden");
const names = readdirSync(DIR)
  .filter((f) => f.startsWith("golden-") && f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/u, ""));

describe("line endings", () => {
  for (const name of names) {
    it(`${name}: the same facts with CRLF line breaks, spans still exact`, async () => {
      const lf = extract(await readArticle(join(DIR, `${name}.txt`)));
      const text = lf.article.text.replace(/\n/gu, "\r\n");
      const crlf = extract(articleFromText(text, `${name}.txt`));
      const cps = [...text];
      for (const o of crlf.observations) expect(cps.slice(o.span.start, o.span.end).join("")).toBe(o.span.exact);
      const brief = (x: typeof lf) => x.observations.map((o) => [o.span.exact, o.value, o.place?.code, o.indicator]);
      expect(brief(crlf)).toEqual(brief(lf));
    });
  }
});

describe("golden articles", () => {
  it("has golden articles", () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, async () => {
      const result = extract(await readArticle(join(DIR, `${name}.txt`)));
      const got = {
        mainPlace: result.mainPlace?.code ?? null,
        observations: result.observations.map((o) =>
          [
            o.span.exact,
            o.value,
            o.unit,
            o.place?.code ?? "-",
            o.period ? `${o.period.start ?? ""}–${o.period.end ?? ""}` : "-",
            o.indicator,
            o.kind,
            [o.approximation, o.bound, o.direction].filter(Boolean).join(",") || "-",
          ].join(" | "),
        ),
      };
      const file = join(DIR, `${name}.expected.json`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(existsSync(file), `no expected result ${file}`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
  }
});
