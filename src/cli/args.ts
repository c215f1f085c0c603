/** Argument parsing for subcommands (node:util parseArgs), with usage errors as KgError E_USAGE. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { knownEncoding } from "../article/decode.js";
import { KgError } from "../errors.js";
import { type Iris, iris } from "../rdf/iri.js";

/** A usage error: exit code 2, printed with a hint to `--help`. */
export class CLIError extends KgError {
  constructor(message: string) {
    super("E_USAGE", message);
    this.name = "CLIError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses argv strictly; unknown options and missing values are usage errors. */
export function parse<const O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    // node's messages may run over several lines ("argument is ambiguous.\nDid you forget …"): one line
    throw new CLIError(
      (e as Error).message
        .replace(/\. To specify a positional.*$/su, ".")
        .replace(/\s*\n\s*/gu, " ")
        .trim(),
    );
  }
}

/** Checks a value against a list of choices. */
export function choice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new CLIError(`--${name} must be one of ${choices.join(", ")}; got "${value}".`);
}

/** IRIs for a `--base` value (an absolute IRI). */
export function irisOf(base: string | undefined): Iris {
  if (base === undefined) return iris();
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]*$/iu.test(base))
    throw new CLIError(`--base must be an absolute IRI; got "${base}".`);
  return iris(base);
}

/** Checks an `--encoding` value: a name iconv-lite knows. */
export function encodingOption(value: string): string {
  if (!knownEncoding(value))
    throw new CLIError(`--encoding: unknown encoding "${value}"; use utf-8, gb18030, gbk, big5, utf-16le or utf-16be.`);
  return value;
}

/** Default store directory. */
export const DEFAULT_STORE = ".kg-store";

/** Checks an option whose value must be an absolute IRI. */
export function absoluteIri(option: string, value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]+$/iu.test(value))
    throw new CLIError(`--${option} must be an absolute IRI; got "${value}".`);
  return value;
}
