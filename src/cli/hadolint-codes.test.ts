// Each rule that matches a hadolint check names its code wherever the CLI reports findings (issue 10): in
// lint's text, in the JSON findings, and in the SARIF rule descriptors' properties (tags), and the SARIF
// still validates against the 2.1.0 schema.
import { describe, expect, it } from "vitest";
import { RULES } from "../engine/rules/registry";
import { sarifErrors } from "./sarif-schema";
import { runWith } from "./test-support";

// pip's cache (DL3042), apt's lists (DL3009) and recommends (DL3015) in one file.
const dockerfile = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN pip install flask\n";

describe("hadolint codes in the CLI's output", () => {
  it("lint text appends the code to the rule id", () => {
    const out = runWith(["lint", "Dockerfile"], { Dockerfile: dockerfile }).stdout;
    expect(out).toContain("[size/pip-no-cache-dir, hadolint DL3042]");
    expect(out).toContain("[size/apt-no-install-recommends, hadolint DL3015]");
  });

  it("JSON findings carry the code, or null", () => {
    const json = JSON.parse(runWith(["lint", "Dockerfile", "--format", "json"], { Dockerfile: dockerfile }).stdout) as { findings: { ruleId: string; hadolint: string | null }[] };
    const codes = Object.fromEntries(json.findings.map((f) => [f.ruleId, f.hadolint]));
    expect(codes).toMatchObject({ "size/pip-no-cache-dir": "DL3042", "size/apt-lists": "DL3009", "size/apt-no-install-recommends": "DL3015" });
  });

  it("SARIF rule descriptors tag every rule's code and still validate", () => {
    const log = JSON.parse(runWith(["lint", "Dockerfile", "--format", "sarif"], { Dockerfile: dockerfile }).stdout) as { runs: { tool: { driver: { rules: { id: string; properties?: { tags: string[] } }[] } } }[] };
    expect(sarifErrors(log)).toEqual([]);
    const descriptors = log.runs[0]?.tool.driver.rules ?? [];
    for (const rule of RULES) {
      const tags = descriptors.find((d) => d.id === rule.meta.id)?.properties?.tags;
      expect(tags, rule.meta.id).toEqual(rule.meta.hadolint === null ? undefined : [`hadolint:${rule.meta.hadolint}`]);
    }
  });
});
