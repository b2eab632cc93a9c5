// The shared corpus of real requirements files (third-party; read in place, never copied here): every file
// parses without throwing, and a file with requirement lines yields requirements. Skips where the corpus
// is absent, e.g. in a fresh clone.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { markerEnvironment } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { resolveRequirements } from "./resolve-requirements";

const corpus = fileURLToPath(new URL("../../../../shared/corpus", import.meta.url));
const dockerfiles = join(corpus, "dockerfiles");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function requirementsFiles(): { name: string; path: string }[] {
  if (!existsSync(dockerfiles)) return [];
  return walk(dockerfiles)
    .filter((path) => /requirements[^/]*\.(txt|in)$|\/requirements\/[^/]+\.(txt|in)$/.test(path))
    .sort()
    .map((path) => ({ name: relative(dockerfiles, path), path }));
}

/** A line that names something to install, judged independently of the parser: not blank, not a comment, not an option. */
function hasRequirementLines(text: string): boolean {
  return text.split(/\r\n|\n|\r/).some((line) => {
    const trimmed = line.replace(/(^|\s)#.*$/, "").trim();
    return trimmed !== "" && !trimmed.startsWith("-") && !line.startsWith(" ");
  });
}

describe.skipIf(!existsSync(dockerfiles))("corpus requirements files", () => {
  const env = markerEnvironment("3.12");

  it.each(requirementsFiles())("$name parses", ({ path }) => {
    const file = parseRequirementsFile(path, new Uint8Array(readFileSync(path)), env);
    if (hasRequirementLines(file.text)) expect(file.requirements.length).toBeGreaterThan(0);
    // Real files are what pip accepts: nothing in them may read as an error.
    expect(file.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const resolved = resolveRequirements(path, [file], env);
    expect(resolved.files).toEqual([file]);
  });

  it.each([
    { name: "011", first: "anyio", last: ["python-dotenv", "~=1.0.0"], count: 24 },
    { name: "031", first: "arabic-reshaper", last: null, count: null },
  ])("decodes the UTF-16LE file in $name", ({ name, first, last, count }) => {
    const path = join(dockerfiles, name, "requirements.txt");
    const file = parseRequirementsFile(path, new Uint8Array(readFileSync(path)), env);
    expect([file.encoding, file.hadBom]).toEqual(["utf-16le", true]);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements[0]?.name).toBe(first);
    expect(file.requirements[0]?.line).toBe(1);
    // CRLF must not leak into versions.
    for (const requirement of file.requirements) expect(requirement.specifier).not.toMatch(/\s/);
    if (last !== null) expect([file.requirements.at(-1)?.name, file.requirements.at(-1)?.specifier]).toEqual(last);
    if (count !== null) expect(file.requirements).toHaveLength(count);
  });
});
