/**
 * Fuzzing the command line: random argv never throws past `main` and never ends as an internal
 * error (exit 70); an unknown option is one line on stderr (then the hint to --help) and exit 2.
 * Runs in an empty directory, so no default store or article folder is at hand.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "../src/cli/args.js";
import { COMMANDS, main } from "../src/cli/main.js";
import { KgError } from "../src/errors.js";

let tmp: string;
let cwd: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "kg-fuzz-cli-"));
  cwd = process.cwd();
  process.chdir(tmp);
});
afterAll(async () => {
  process.chdir(cwd);
  await rm(tmp, { recursive: true, force: true });
});

/** Runs `main` with stdout and stderr captured. */
async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    stdout += String(chunk);
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Commands that only read or fail in an empty directory (no serve: it would listen; no build: it writes). */
const SAFE = Object.keys(COMMANDS).filter((c) => c !== "serve" && c !== "build");

const token = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    "--store",
    "--format",
    "json",
    "--param",
    "a=b",
    "place=1",
    "--base",
    "not an iri",
    "--graph",
    "-x",
    "-",
    "=",
    "--format=",
    "--store=",
    "--published",
    "2020-13-45",
    "--encoding",
    "klingon",
    "\u0000",
    "陝西😀",
    "%s%n",
    "../../etc/passwd",
    "nonexistent.txt",
  ),
);
/** An option no command has. */
const unknownOption = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/u).map((s) => `--zz-${s}`);

describe("fuzz: command line", () => {
  it("an unknown option anywhere gives one line on stderr (and the --help hint) and exit 2", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(COMMANDS)),
        fc.array(
          token.filter((t) => t !== "--" && t !== "-h" && t !== "--help"),
          { maxLength: 5 },
        ),
        unknownOption,
        fc.nat(5),
        async (command, rest, bad, at) => {
          const args = [...rest];
          args.splice(Math.min(at, args.length), 0, bad);
          const r = await runMain([command, ...args]);
          expect(r.code, r.stderr).toBe(2);
          const lines = r.stderr.trimEnd().split("\n");
          expect(lines[0]).toMatch(/^article-kg: /u);
          expect(lines.length).toBeLessThanOrEqual(2);
          if (lines.length === 2) expect(lines[1]).toBe(`Run "article-kg ${command} --help" for usage.`);
          expect(r.stdout).toBe("");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("random argv never throws past main and never ends as an internal error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...SAFE, "help", "--version", "-h", ""), fc.string({ maxLength: 6 })),
        fc.array(
          token.filter((t) => t !== "--"),
          { maxLength: 6 },
        ),
        async (command, rest) => {
          if (command === "serve" || command === "build") return;
          const r = await runMain([command, ...rest]);
          expect([0, 1, 2, 3, 75], r.stderr).toContain(r.code);
          expect(r.stderr).not.toContain("internal error");
          if (r.code !== 0) expect(r.stderr).toMatch(/^article-kg: /u);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the option parser throws nothing but a usage error", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 10 })), { maxLength: 10 }), (argv) => {
        try {
          parse(argv, {
            store: { type: "string" },
            all: { type: "boolean" },
            param: { type: "string", multiple: true },
          });
        } catch (e) {
          expect(e).toBeInstanceOf(KgError);
          expect((e as KgError).code).toBe("E_USAGE");
          expect((e as KgError).message).not.toContain("\n");
        }
      }),
      { numRuns: 1000 },
    );
  });
});
