// A rule blocked by something a later step removes is tried again (plan.ts, retryUnblocked): planning the
// plan's own result again must apply nothing (issue 14, fuzz seed 100 cases 37786 and 82373).
import { describe, expect, it } from "vitest";
import { RULES } from "../rules/registry";
import type { Finding, Rule } from "../rules/types";
import { analysisWork, buildPlan, PLAN_WORK } from "./plan";

function finding(ruleId: string): Finding {
  return { ruleId, messageId: "m", message: `${ruleId} fired`, severity: "warning", line: 1, column: 1, endLine: 1, endColumn: 2 };
}

/** Fires until the Dockerfile has `done`; appends it, but only where `blocker` is absent (else no rewrite). */
function blockedRule(id: string, done: string, blocker: string): Rule {
  const base = RULES[0] as Rule;
  return {
    meta: { ...base.meta, id },
    detect: ({ input }) => (String(input.dockerfile).includes(done) ? [] : [finding(id)]),
    fix: ({ input }) => {
      const text = String(input.dockerfile);
      if (text.includes(blocker)) return [];
      return [{ id: "append", title: `Append ${done}`, reason: "Test rewrite.", edits: [{ file: "dockerfile", edits: [{ start: text.length, end: text.length, text: `${done}\n` }] }] }];
    },
  };
}

/** Fires while the Dockerfile has the line `line`, and deletes it. */
function removeRule(id: string, line: string): Rule {
  const base = RULES[0] as Rule;
  return {
    meta: { ...base.meta, id },
    detect: ({ input }) => (String(input.dockerfile).includes(`${line}\n`) ? [finding(id)] : []),
    fix: ({ input }) => {
      const at = String(input.dockerfile).indexOf(`${line}\n`);
      return [{ id: "remove", title: `Remove ${line}`, reason: "Test rewrite.", edits: [{ file: "dockerfile", edits: [{ start: at, end: at + line.length + 1, text: "" }] }] }];
    },
  };
}

const SLIM = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n";
const applied = (plan: ReturnType<typeof buildPlan>): string[] => plan.steps.filter((s) => s.status === "applied").map((s) => s.id);

describe("a rule a later step unblocks", () => {
  const blocked = blockedRule("size/blocked", "# fixed", "# blocker");
  const unblock = removeRule("hygiene/unblock", "# blocker");

  it("is tried again after that step, and its applied step replaces the failed one", () => {
    const plan = buildPlan({ dockerfile: `${SLIM}# blocker\n`, requirements: [], dockerignore: null, rules: [blocked, unblock] });
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "hygiene/unblock:applied", "size/blocked:applied"]);
    expect(plan.steps.at(-1)?.texts.dockerfile).toBe(`${SLIM}# fixed\n`);
    expect(plan.steps.at(-1)?.diff).toContain("+# fixed");
    expect(plan.notice).toBeNull();
    const again = buildPlan({ dockerfile: plan.steps.at(-1)?.texts.dockerfile ?? "", requirements: [], dockerignore: null, rules: [blocked, unblock] });
    expect(applied(again)).toEqual([]);
  });

  it("stays where it failed when the later steps do not unblock it", () => {
    const other = removeRule("hygiene/other", "# other");
    const plan = buildPlan({ dockerfile: `${SLIM}# blocker\n# other\n`, requirements: [], dockerignore: null, rules: [blocked, other] });
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "size/blocked:failed", "hygiene/other:applied"]);
    expect(plan.steps[1]?.rationale).toMatch(/^No automatic rewrite: size\/blocked fired/);
  });

  it("is not tried again past the work budget, and the notice says so", () => {
    // Sized so that the original, the failed try and the unblocking step fit (3 analyses) and a retry (a 4th) does not.
    const envs = Array.from({ length: Math.round(PLAN_WORK.units * 0.29) }, (_, i) => `ENV V${i}=1\n`).join("");
    const plan = buildPlan({ dockerfile: `${SLIM}${envs}# blocker\n`, requirements: [], dockerignore: null, rules: [blocked, unblock] });
    const first = plan.steps[0];
    if (first === undefined) throw new Error("no original step");
    const work = analysisWork(first.analysis);
    expect(3 * work).toBeLessThanOrEqual(PLAN_WORK.units);
    expect(4 * work).toBeGreaterThan(PLAN_WORK.units);
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "size/blocked:failed", "hygiene/unblock:applied"]);
    expect(plan.notice).toMatch(/the plan stopped after 2 steps to stay within about a second\. Not tried again: size\/blocked\.$/);
  });

  it("is not tried again when it was skipped", () => {
    const plan = buildPlan({ dockerfile: `${SLIM}# blocker\n`, requirements: [], dockerignore: null, rules: [blocked, unblock], decisions: { "size/blocked": { action: "skip" } } });
    // Skipped only applies to a step with a rewrite: here the first try had none, so it failed; the retry
    // honours the skip and leaves the failed step in place.
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "size/blocked:failed", "hygiene/unblock:applied"]);
  });
});

// The same with the registry's rules: the split needs a venv (a RUN between the installs imports the first),
// so the pip upgrade after `USER app` blocks it; the user drops the upgrade; the split follows.
describe("size/multistage after hygiene/pip-self-upgrade drops the upgrade that blocked it", () => {
  it("applies after the drop, and the result plans to nothing more", () => {
    const dockerfile = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nRUN python -c 'import psycopg2'\nRUN pip install flask\nRUN useradd app\nUSER app\nRUN pip install --upgrade pip\n";
    const plan = buildPlan({ dockerfile, requirements: [], dockerignore: ".git\n", decisions: { "hygiene/pip-self-upgrade": { action: "apply", alternative: "drop" } } });
    const ids = applied(plan);
    expect(ids.indexOf("size/multistage")).toBeGreaterThan(ids.indexOf("hygiene/pip-self-upgrade"));
    expect(ids.indexOf("hygiene/pip-self-upgrade")).toBeGreaterThanOrEqual(0);
    expect(plan.steps.filter((s) => s.id === "size/multistage")).toHaveLength(1);
    const last = plan.steps.at(-1);
    expect(last?.texts.dockerfile).toContain("COPY --from=builder /opt/venv /opt/venv");
    const again = buildPlan({ dockerfile: last?.texts.dockerfile ?? "", requirements: [], dockerignore: last?.texts.dockerignore ?? null });
    expect(applied(again)).toEqual([]);
  });
});
