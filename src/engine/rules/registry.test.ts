// Meta-test (ESLint's rule meta-tests): every rule is registered once, its id matches its file name, it has
// a test file that runs the rule tester, docs under every heading, and every message it can report.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { RULES } from "./registry";

const ALL = RULES;

const dir = import.meta.dirname;
const ruleFiles = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["registry.ts", "types.ts", "rule-tester.ts"].includes(f));

describe("rule registry", () => {
  it("has unique ids", () => {
    const ids = ALL.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("registers every rule file (in the plan or pending), and only those", () => {
    expect(ALL.map((r) => `${r.meta.id.split("/")[1] ?? ""}.ts`).sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ALL.map((r) => ({ id: r.meta.id, rule: r })))("$id: id matches its file, category and test file", ({ id, rule }) => {
    const [category, name] = id.split("/");
    expect(category).toBe(rule.meta.category);
    const source = readFileSync(join(dir, `${name ?? ""}.ts`), "utf8");
    expect(source).toContain(`id: "${id}"`);
    const test = readFileSync(join(dir, `${name ?? ""}.test.ts`), "utf8");
    expect(test).toContain("runRuleTests(");
  });

  it.each(ALL.map((r) => ({ id: r.meta.id, rule: r })))("$id: docs are complete and the before example fires", ({ rule }) => {
    const { docs, messages } = rule.meta;
    for (const field of [docs.what, docs.why, docs.before, docs.after, docs.safety]) expect(field.trim().length).toBeGreaterThan(10);
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    const before = analyze({ dockerfile: docs.before, requirements: [], dockerignore: null });
    expect(rule.detect({ input: { dockerfile: docs.before, requirements: [], dockerignore: null }, analysis: before }).length).toBeGreaterThan(0);
    const afterInput = { dockerfile: docs.after, requirements: [], dockerignore: docs.afterDockerignore ?? null };
    expect(rule.detect({ input: afterInput, analysis: analyze(afterInput) })).toEqual([]);
  });
});
