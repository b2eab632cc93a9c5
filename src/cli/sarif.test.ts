// `--format sarif` against the SARIF 2.1.0 JSON schema (schemas/, see its README for the source), with a
// real validator (ajv; the schema is JSON Schema draft-04). Every case must validate and carry at least
// one run, so an empty or malformed file fails; a broken log is refused, so the validator is not a no-op.
import { describe, expect, it } from "vitest";
import { sarifErrors as errors } from "./sarif-schema";
import { runWith } from "./test-support";

type Log = { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[] };

describe("SARIF output validates against the SARIF 2.1.0 schema", () => {
  it.each([
    { name: "lint, no findings", argv: ["lint", "Dockerfile"], dockerfile: "FROM python:3.12-slim\n", results: 0 },
    { name: "lint, findings", argv: ["lint", "Dockerfile"], dockerfile: "FROM python:3.12\nCOPY . .\nRUN pip install flask\n", results: 1 },
    { name: "lint, parser diagnostics", argv: ["lint", "Dockerfile"], dockerfile: "FROM python:3.12-slim\n  FOO bar\nRUN <<EOF\necho\n", results: 1 },
    { name: "lint, an empty file", argv: ["lint", "Dockerfile"], dockerfile: "", results: 1 },
    { name: "plan, over the budget", argv: ["plan", "Dockerfile", "--max-size", "1B", "--max-pull-size", "1B"], dockerfile: "FROM python:3.12-slim\n", results: 2 },
  ])("$name", ({ argv, dockerfile, results }) => {
    const result = runWith([...argv, "--format", "sarif"], { Dockerfile: dockerfile });
    const log = JSON.parse(result.stdout) as Log;
    expect(errors(log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run?.results.length ?? 0).toBeGreaterThanOrEqual(results);
    // Every result names a rule the driver declares, and points at a place in a file.
    const declared = new Set(run?.tool.driver.rules.map((r) => r.id));
    for (const r of run?.results ?? []) {
      if (!r.ruleId.startsWith("dockerfile/") && !r.ruleId.startsWith("build-check/")) expect(declared.has(r.ruleId), r.ruleId).toBe(true);
      expect(r.locations).toHaveLength(1);
    }
  });

  it.each([
    { name: "no version", log: { runs: [] } },
    { name: "a level SARIF does not have", log: { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] } },
    { name: "a result without a message", log: { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "r" }] }] } },
    { name: "a region starting at line 0", log: { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "D" }, region: { startLine: 0 } } }] }] }] } },
  ])("the validator refuses $name", ({ log }) => {
    expect(errors(log)).not.toEqual([]);
  });
});
