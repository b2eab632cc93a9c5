// A rewrite that would not land as meant is not offered (issue 14's fuzz): one that would carry the file
// past a limit (non-reparsing steps on files near the limits; the files are built from LIMITS, so they
// stay near the limit when a limit changes), or that writes into a heredoc that is never closed.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../limits";
import { buildPlan } from "../../plan/plan";
import { contextOf } from "../rule-tester";
import { RULES } from "../registry";
import type { Rule } from "../types";
import { guardRewrites } from "./safe-rewrites";

function rule(id: string): Rule {
  const found = RULES.find((r) => r.meta.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

/** `size/multistage` repeats the instructions before the install in the final stage: 60% of the limit
 *  before the install becomes 120% after the split. */
const nearInstructions = `FROM python:3.12-slim\n${"ENV A=1\n".repeat(Math.ceil(LIMITS.instructions * 0.6))}RUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nCMD ["python", "app.py"]\n`;
const RM = " && rm -rf /var/lib/apt/lists/*";
/** A RUN that size/apt-lists' appended rm would carry past the instruction size limit. */
const longRun = (room: number): string => {
  const head = "RUN apt-get update && apt-get install -y curl && echo ";
  return `FROM python:3.12-slim\n${head}${"a".repeat(LIMITS.instructionChars - head.length - room)}\n`;
};

describe("guardRewrites", () => {
  it.each([
    // The plan's work budget (PLAN_WORK) stops before a step on a file this long, so only the rule itself
    // meets the limit here; the plan must not apply it either.
    { name: "a split that would pass the instruction limit", id: "size/multistage", dockerfile: nearInstructions, planStopsFirst: true },
    { name: "an appended rm that would pass the instruction size limit", id: "size/apt-lists", dockerfile: longRun(RM.length - 1) },
    // Minimised from a fuzzed corpus file (heredoc+line-del+line-dup, seed 7): the new final stage went
    // into the open heredoc's body, the builder stayed the image, and the rule fired again.
    { name: "a split after a heredoc that is never closed", id: "size/multistage", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install psycopg2\nRUN <<EOF\npip install flask\n" },
    // Buster left deb.debian.org: the split's final stage would apt-get update its runtime library (libpq5),
    // which fails there (build check archived-release). Fuzz seed 7, heredoc+line-dup on corpus 015.
    { name: "a split that apt-gets runtime libraries on buster", id: "size/multistage", dockerfile: "FROM python:3.9-slim-buster\nRUN pip install psycopg2\nCMD [\"python\", \"app.py\"]\n".replace("RUN pip", "RUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip") },
  ])("$name: the rule still finds it, and offers no rewrite", ({ id, dockerfile, planStopsFirst }) => {
    const context = contextOf({ dockerfile });
    const findings = rule(id).detect(context);
    expect(findings.length).toBeGreaterThan(0);
    expect(rule(id).fix(context, findings)).toEqual([]);
    // The plan shows the finding as a step with no rewrite, not a rewrite that failed to re-parse.
    const plan = buildPlan({ dockerfile, requirements: [], dockerignore: null });
    const step = plan.steps.find((s) => s.id === id);
    if (planStopsFirst === true) {
      expect(step).toBeUndefined();
      expect(plan.notice?.split("Not tried: ")[1]?.split(", ").map((x) => x.replace(/\.$/, ""))).toContain(id);
      return;
    }
    expect({ status: step?.status, alternatives: step?.alternatives }).toEqual({ status: "failed", alternatives: [] });
  }, 60_000);

  // Fuzz seed 100 case 44042, minimised: the split rewrote the open heredoc's RUN (deleted from its start
  // to the end of the file and written again, the final stage after it), so its edits began before the
  // opening line but the final stage still went into the body, and the rule fired again.
  it("a split that writes the open heredoc's RUN again with the final stage after it is not offered; --no-cache-dir, before it, is", () => {
    const dockerfile = "FROM python:3.11-bookworm\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /job\nCOPY . .\nRUN pip install numpy pandas\nRUN rm <<-rf /root/.cache/pip\nENTRYPOINT [\"python\", \"run_job.py\"]\n";
    const context = contextOf({ dockerfile });
    const split = rule("size/multistage");
    expect(split.fix(context, split.detect(context)).map((a) => a.id)).toEqual(["no-cache-dir"]);
    const step = buildPlan({ dockerfile, requirements: [], dockerignore: null }).steps.find((s) => s.id === "size/multistage");
    // In the plan, after the slim base, the cache is no longer all it would save: the finding stays, with
    // no rewrite, rather than a split that fails its own re-check (the fuzz's non-converging step).
    expect({ status: step?.status, alternatives: step?.alternatives }).toEqual({ status: "failed", alternatives: [] });
  });

  it("a rewrite that fits exactly is kept", () => {
    const context = contextOf({ dockerfile: longRun(RM.length) });
    const unwrapped = rule("size/apt-lists");
    const findings = unwrapped.detect(context);
    expect(unwrapped.fix(context, findings).map((a) => a.id)).toEqual(["rm-lists"]);
  });

  it("keeps the rule's meta and its other alternatives unchanged", () => {
    const inner = rule("size/base-variant");
    const wrapped = guardRewrites(inner);
    expect(wrapped.meta).toBe(inner.meta);
    const context = contextOf({ dockerfile: "FROM python:3.12\nRUN pip install flask\n" });
    expect(wrapped.fix(context, wrapped.detect(context))).toEqual(inner.fix(context, inner.detect(context)));
  });
});
