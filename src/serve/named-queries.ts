/** The named queries of `queries/*.rq`, with the title, description and parameters of their header comments. */
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

/** One named query. */
export interface NamedQuery {
  /** File name without `.rq`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly parameters: string;
  readonly text: string;
}

/** Directory of the project's named queries. */
export const QUERIES_DIR = new URL("../../queries/", import.meta.url).pathname;

/** Reads the header fields (`# title:`, `# description:` with `#   ` continuation lines, `# parameters:`). */
export function headerOf(text: string): { title: string; description: string; parameters: string } {
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    const field = /^#\s*([a-z]+):\s*(.*)$/u.exec(line);
    if (field?.[1] !== undefined) {
      last = field[1];
      fields[last] = field[2] ?? "";
    } else if (last !== undefined) fields[last] = `${fields[last]} ${line.replace(/^#\s*/u, "")}`.trim();
  }
  return { title: fields.title ?? "", description: fields.description ?? "", parameters: fields.parameters ?? "" };
}

/** Every `*.rq` of a directory, sorted by name. */
export async function readNamedQueries(dir = QUERIES_DIR): Promise<NamedQuery[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".rq")).sort();
  return Promise.all(
    files.map(async (f) => {
      const text = await readFile(join(dir, f), "utf8");
      const header = headerOf(text);
      return { name: basename(f, ".rq"), ...header, title: header.title || basename(f, ".rq"), text };
    }),
  );
}
