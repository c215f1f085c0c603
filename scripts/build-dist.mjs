// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), copies the files
// that are not TypeScript (web pages, SPARQL of the integrity checks, the worker's boot file)
// beside them, prepares the tables that the code would otherwise derive from data/ at every
// start (dist/prepared/, see src/data/prepared.ts), and writes dist/BUILD, whose time
// bin/article-kg.js compares with the sources'.
// `node scripts/build-dist.mjs [OUTDIR]` builds elsewhere (the build test does).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
// The extract command in one file: its ~70 modules under dist/ loaded one by one cost a one-article
// `extract` about 60 ms of resolving, reading and linking. dist/cli/commands/extract.js is replaced
// by a bundle of it and the modules of dist/ it imports (packages stay imports). dist/errors.js
// and dist/cli/io.js stay shared modules, since main.js imports them too (one KgError class).
// Each bundled module's import.meta.url is its own file's URL, as before.
const bundled = await bundleCommand(join(out, "cli", "commands", "extract.js"), [
  join(out, "errors.js"),
  join(out, "cli", "io.js"),
]);

writeFileSync(join(out, "BUILD"), `${new Date().toISOString()}\n`);
console.log(
  `built ${relative(root, out) || out}: compiled src/, ${copied} other files and ${PREPARED.length} prepared table(s)${bundled ? ", extract bundled" : ""}`,
);

/** Replaces `entry` by a bundle of it and the modules of out/ it imports, but `shared`; false without esbuild. */
async function bundleCommand(entry, shared) {
  let esbuild;
  try {
    esbuild = await import("esbuild"); // a devDependency (and tsx's)
  } catch {
    console.warn("esbuild not found: the extract command is not bundled (it works, starting a little slower)");
    return false;
  }
  const keep = new Set(shared);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: entry,
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    plugins: [
      {
        name: "article-kg",
        setup(build) {
          build.onResolve({ filter: /^\./ }, (args) => {
            const path = resolve(args.resolveDir, args.path);
            if (!keep.has(path)) return undefined;
            return { path: `./${relative(dirname(entry), path).split("\\").join("/")}`, external: true };
          });
          build.onLoad({ filter: /\.js$/ }, async (args) => {
            let contents = readFileSync(args.path, "utf8");
            if (args.path !== entry && contents.includes("import.meta")) {
              const count = (re) => contents.match(re)?.length ?? 0;
              if (count(/\bimport\.meta\b/gu) !== count(/\bimport\.meta\.url\b/gu))
                throw new Error(`${args.path}: import.meta other than import.meta.url cannot be bundled`);
              const own = relative(dirname(entry), args.path).split("\\").join("/");
              contents = contents.replace(
                /\bimport\.meta\.url\b/gu,
                `new URL(${JSON.stringify(own)}, import.meta.url).href`,
              );
            }
            return { contents, loader: "js" };
          });
        },
      },
    ],
  });
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  return true;
}
