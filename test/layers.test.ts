/** The import-direction check (scripts/layers.ts): the real tree is in order, and planted violations are caught. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkLayers, importsOf, LAYERS } from "../scripts/layers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the layers of src/", () => {
  it("every import points down the layer order and no modules import each other in a cycle", () => {
    const messages = checkLayers(ROOT).map((v) => v.message);
    expect(messages, messages.join("\n")).toEqual([]);
  });
});

describe("importsOf", () => {
  it.each([
    ['import { a } from "./a.js";', ["./a.js"]],
    ['import type { A } from "../x/a.js";', ["../x/a.js"]],
    ['export { a } from "./a.js";\nexport * from "./b.js";', ["./a.js", "./b.js"]],
    ['import "./side.js";', ["./side.js"]],
    ['const m = await import("./lazy.js");', ["./lazy.js"]],
    ['load: () => import("./commands/build.js"),', ["./commands/build.js"]],
    ["import {\n  a,\n  b,\n} from './multi.js';", ["./multi.js"]],
    ['// import { a } from "./comment.js";\n/* import "./block.js" */', []],
    ["const s = \"import { a } from './string.js'\";", []],
    [`const t = \`import x from "./template.js" $\{f("y")}\`;`, []],
    ['const r = /from "x"/u; import { z } from "./after-regex.js";', ["./after-regex.js"]],
    ['const u = new URL("./worker.mjs", import.meta.url);', []],
    ['const q = a / b; import { c } from "./after-division.js";', ["./after-division.js"]],
  ])("%s", (text, expected) => {
    expect(importsOf(text).map((r) => r.specifier)).toEqual(expected);
  });

  it("gives the line of each specifier", () => {
    expect(importsOf('\n\nimport { a } from\n  "./a.js";').map((r) => r.line)).toEqual([4]);
  });
});

describe("checkLayers on a planted tree", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** A temporary tree with src/<path> files. */
  function tree(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), "layers-"));
    for (const [path, text] of Object.entries(files)) {
      const full = join(root, "src", path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return root;
  }

  const clean = {
    "errors.ts": "export class KgError extends Error {}\n",
    "rdf/map.ts": 'import { KgError } from "../errors.js";\nexport const m = KgError;\n',
    "build/build.ts": 'import { m } from "../rdf/map.js";\nexport const b = m;\n',
    "cli/main.ts": 'export const load = () => import("./commands/x.js");\n',
    "cli/commands/x.ts": 'import { b } from "../../build/build.js";\nexport const x = b;\n',
  };

  it("passes a tree in order", () => {
    expect(checkLayers(tree(clean))).toEqual([]);
  });

  it("catches a backward import and names it", () => {
    const v = checkLayers(
      tree({ ...clean, "rdf/map.ts": 'import { b } from "../build/build.js";\nexport const m = b;\n' }),
    );
    expect(v.map((x) => x.kind)).toContain("backward");
    const backward = v.find((x) => x.kind === "backward");
    expect(backward?.message).toBe(
      'src/rdf/map.ts:1 imports "../build/build.js" (src/build/build.ts): backward import, rdf (layer ' +
        `${LAYERS.findIndex((l) => l.includes("rdf"))}) may not depend on build (layer ` +
        `${LAYERS.findIndex((l) => l.includes("build"))}, above it).`,
    );
  });

  it("catches a backward type-only import, re-export and dynamic import", () => {
    const v = checkLayers(
      tree({
        ...clean,
        "errors.ts": 'import type { X } from "./rdf/map.js";\nexport class KgError extends Error {}\n',
        "rdf/reexport.ts": 'export { x } from "../cli/commands/x.js";\n',
        "rdf/lazy.ts": 'export const l = () => import("../build/build.js");\n',
      }),
    );
    expect(v.filter((x) => x.kind === "backward").map((x) => x.file)).toEqual([
      "src/errors.ts",
      "src/rdf/lazy.ts",
      "src/rdf/reexport.ts",
    ]);
  });

  it("catches an import between two units of one layer", () => {
    const v = checkLayers(
      tree({ ...clean, "eval/cli.ts": 'import { load } from "../cli/main.js";\nexport { load };\n' }),
    );
    expect(v.map((x) => [x.kind, x.file])).toEqual([["peer", "src/eval/cli.ts"]]);
  });

  it("catches a folder that is in no layer", () => {
    const v = checkLayers(tree({ ...clean, "misc/x.ts": 'import { m } from "../rdf/map.js";\nexport const y = m;\n' }));
    expect(v.map((x) => x.kind)).toEqual(["unplaced"]);
    expect(v[0]?.message).toMatch(/"misc" is in no layer/u);
  });

  it("catches a module cycle inside one folder, type-only imports included, with its path", () => {
    const v = checkLayers(
      tree({
        ...clean,
        "store/a.ts": 'import type { B } from "./b.js";\nexport interface A { b?: B }\n',
        "store/b.ts": 'import { c } from "./c.js";\nexport interface B { c: typeof c }\n',
        "store/c.ts": '\nimport type { A } from "./a.js";\nexport const c: A = {};\n',
      }),
    );
    expect(v.map((x) => x.kind)).toEqual(["cycle"]);
    expect(v[0]?.message).toBe("import cycle: src/store/a.ts:1 → src/store/b.ts:1 → src/store/c.ts:2 → src/store/a.ts");
  });
});
