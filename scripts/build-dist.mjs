// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), copies the files
// that are not TypeScript (web pages, SPARQL of the integrity checks, the worker's boot file)
// beside them, and writes dist/BUILD, whose time bin/article-kg.js compares with the sources'.
// `node scripts/build-dist.mjs [OUTDIR]` builds elsewhere (the build test does).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

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
writeFileSync(join(out, "BUILD"), `${new Date().toISOString()}\n`);
console.log(`built ${relative(root, out) || out}: compiled src/ and ${copied} other files`);
