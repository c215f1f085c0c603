/**
 * The `article-kg` command: a table of subcommands, each loaded on demand (so `--help` does
 * not start the store engine). User errors (KgError) print their message and exit 1 or 2;
 * anything else is a bug and prints its stack (exit 70).
 */
import { exitCodeOf, KgError } from "../errors.js";
import { err, out } from "./io.js";

/** A subcommand module: a one-line summary, its help text and its entry point. */
export interface CommandModule {
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[]): Promise<number>;
}

interface CommandEntry {
  readonly summary: string;
  /** Loads the module; absent for commands that are planned but not written yet. */
  readonly load?: () => Promise<CommandModule>;
}

/** The subcommands, in help order. */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  extract: { summary: "print the graph of one article", load: () => import("./commands/extract.js") },
  build: { summary: "ingest article files or folders into the store", load: () => import("./commands/build.js") },
  query: { summary: "run a SPARQL query against the store", load: () => import("./commands/query.js") },
  export: { summary: "write the whole store as RDF", load: () => import("./commands/export.js") },
  stats: {
    summary: "count articles, facts, places, indicators, periods and quads",
    load: () => import("./commands/stats.js"),
  },
  remove: { summary: "remove one article from the store", load: () => import("./commands/remove.js") },
  validate: {
    summary: "check the graph: SHACL shapes, Data Cube integrity constraints, plausibility",
    load: () => import("./commands/validate.js"),
  },
  serve: { summary: "SPARQL endpoint, linked data and web page over HTTP", load: () => import("./commands/serve.js") },
  link: { summary: "link places to an external graph by GB/T 2260 code", load: () => import("./commands/link.js") },
  import: { summary: "import an RDF file into its own named graph", load: () => import("./commands/import.js") },
  quickstatements: {
    summary: "export selected observations as QuickStatements for Wikidata",
    load: () => import("./commands/quickstatements.js"),
  },
};

/** Exit code of unexpected errors (bugs): EX_SOFTWARE. */
export const EXIT_BUG = 70;

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: article-kg COMMAND [options]

Turns the numeric facts of Chinese report articles into an RDF Data Cube graph.

Commands:
${lines.join("\n")}

Run "article-kg COMMAND --help" for the options of a command.

Exit codes:
  0   done
  1   bad input or store: a missing, empty, binary or undecodable file, a corrupt store,
      an unreachable server (one line on stderr says which and how to fix it)
  2   usage: an unknown command or option, a bad option value, a SPARQL syntax error
  3   build: the good articles were stored, bad files were skipped (one line each)
  124 query: the query ran past its --timeout and was stopped
  70  internal error (a bug: the stack is printed; please report it)
  75  the store is being written by another process (it holds DIR/store.lock): a writer
      waits ARTICLE_KG_LOCK_WAIT seconds (default 5), then gives up; try again later

The store on disk is always a whole one: DIR/store.nq is replaced atomically, keeps the
previous generation as DIR/store.nq.prev, and is checked (checksum) when it is opened; a
damaged one is refused with how to recover it.
`;
}

let pipeGuard = false;

const isHelp = (a: string) => a === "--help" || a === "-h";

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`article-kg export | head`) ends the output quietly. Registered once, so
  // that calling main again in one process (tests, embedding) does not pile up listeners.
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const [name, ...rest] = argv;
  try {
    if (name === undefined || isHelp(name) || name === "help") {
      const topic = name === "help" ? rest[0] : undefined;
      const entry = topic === undefined ? undefined : COMMANDS[topic];
      if (entry?.load) await out((await entry.load()).help);
      else await out(usage());
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-V") {
      await out("article-kg 0.1.0\n");
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (entry === undefined) throw new KgError("E_USAGE", `unknown command "${name}".`);
    if (entry.load === undefined) throw new KgError("E_USAGE", `"${name}" is not available yet.`);
    const command = await entry.load();
    if (rest.some(isHelp)) {
      await out(command.help);
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    return report(e, name);
  }
}

function report(e: unknown, command: string | undefined): number {
  if (e instanceof KgError) {
    err(`article-kg: ${e.message}`);
    if (e.code === "E_USAGE")
      err(`Run "article-kg ${command && Object.hasOwn(COMMANDS, command) ? `${command} ` : ""}--help" for usage.`);
    return exitCodeOf(e.code);
  }
  err(`article-kg: internal error (a bug, please report it):`);
  err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return EXIT_BUG;
}
