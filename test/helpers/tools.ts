/**
 * External tools some tests use (Debian's rapper, python3-rdflib …). Locally a missing tool
 * skips those tests with a message; under CI (CI set) it is an error, since .ci/run installs
 * them.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Whether an executable is there; throws under CI when it is not. */
export function haveTool(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${what} (${path}) is missing in CI: add it to .ci/apt-packages.txt`);
  console.log(`skipping: ${what} (${path}) is not installed`);
  return false;
}

/** Whether /usr/bin/python3 can import a module; throws under CI when it cannot. */
export function havePythonModule(module: string, pkg: string): boolean {
  try {
    execFileSync("/usr/bin/python3", ["-c", `import ${module}`], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI) throw new Error(`python module ${module} missing in CI: add ${pkg} to .ci/apt-packages.txt`);
    console.log(`skipping: python module ${module} (${pkg}) is not installed`);
    return false;
  }
}
