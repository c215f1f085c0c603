// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), copies the files
// that are not TypeScript (web pages, SPARQL of the integrity checks, the worker's boot file)
// beside them, prepares the tables that the code would otherwise derive from data/ at every
// start (dist/prepared/, see src/data/prepared.ts), and writes dist/BUILD, whose time
// bin/article-kg.js compares with the sources'.
// `node scripts/build-dist.mjs [OUTDIR]` builds elsewhere (the build test does).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const out = resolve(process.argv[2] ?? join(root, "dist"));
const src = join(root, "src");
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");

rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", out], { stdio: "inherit" });

let copied = 0;
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (!entry.name.endsWith(".ts")) {
      cpSync(path, join(out, relative(src, path)));
      copied++;
    }
  }
}
copyAssets(src);
if (!existsSync(join(out, "cli", "main.js"))) throw new Error(`tsc wrote no ${join(out, "cli", "main.js")}`);

// The prepared tables, computed by the compiled code itself: [module under out/, export].
const PREPARED = [
  ["extract/gazetteer.js", "GAZETTEER_TABLES"],
  ["article/t2s.js", "T2S_NEEDED"],
  ["article/t2s.js", "T2S_TRIES"],
];
const { writePrepared } = await import(pathToFileURL(join(out, "data", "prepared.js")).href);
for (const [module, name] of PREPARED) {
  const table = (await import(pathToFileURL(join(out, module)).href))[name];
  if (table === undefined) throw new Error(`${module} exports no ${name}`);
  writePrepared(table, pathToFileURL(join(out, "prepared", "/")));
}
writeFileSync(join(out, "BUILD"), `${new Date().toISOString()}\n`);
console.log(
  `built ${relative(root, out) || out}: compiled src/, ${copied} other files and ${PREPARED.length} prepared table(s)`,
);
