// The plan's promise (issue 9 §2, §4): a rewrite that adds a build-check error is never applied — the step
// says why and the next rule goes on; an error the input already had does not block a step; an applied
// step is titled after the alternative applied; a finding with no rewrite says so in words.
import { describe, expect, it } from "vitest";
import { RULES } from "../rules/registry";
import type { Finding, FixAlternative, Rule } from "../rules/types";
import { buildPlan } from "./plan";

function finding(ruleId: string): Finding {
  return { ruleId, messageId: "m", message: `${ruleId} fired`, severity: "warning", line: 1, column: 1, endLine: 1, endColumn: 2 };
}

/** A rule that fires until the Dockerfile contains `marker`, and appends `line` to fix it (no fix: null). */
function appendRule(id: string, marker: string, line: string | null, title = `Append ${marker}`): Rule {
  const base = RULES[0] as Rule;
  return {
    meta: { ...base.meta, id },
    detect: ({ input }) => (String(input.dockerfile).includes(marker) ? [] : [finding(id)]),
    fix: ({ input }): FixAlternative[] => {
      if (line === null) return [];
      const end = String(input.dockerfile).length;
      return [{ id: "only", title, reason: "Test rewrite.", edits: [{ file: "dockerfile", edits: [{ start: end, end, text: `${line}\n` }] }] }];
    },
  };
}

const SLIM = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n";

describe("the plan and the build check", () => {
  it("does not apply a step that adds a build-check error, says why, and goes on", () => {
    const breaks = appendRule("size/breaks", "apk", "RUN apk add --no-cache curl");
    const fine = appendRule("hygiene/fine", "# fine", "# fine");
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [breaks, fine] });
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "size/breaks:failed", "hygiene/fine:applied"]);
    expect(plan.steps[1]?.rationale).toMatch(/^Not applied: the rewritten Dockerfile would not build or run: apk does not exist on Debian/);
    expect(plan.steps[2]?.texts.dockerfile).toBe(`${SLIM}# fine\n`);
  });

  it("does not apply a step whose COPY --chown names a user the stage does not have yet (corpus 058)", () => {
    const chown = appendRule("security/chown", "--chown", "COPY --chown=locust app.py /app/app.py");
    const withUser = `${SLIM}RUN useradd --create-home locust\n`;
    expect(buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [chown] }).steps[1]?.rationale)
      .toMatch(/^Not applied: the rewritten Dockerfile would not build or run: COPY --chown=locust: there is no user locust in this stage yet/);
    expect(buildPlan({ dockerfile: withUser, requirements: [], dockerignore: null, rules: [chown] }).steps[1]?.status).toBe("applied");
  });

  it("does not apply a step whose COPY --from names the stage it is in (BuildKit: circular dependency)", () => {
    const self = appendRule("size/self-copy", "--from", "COPY --from=0 /usr/local /opt/copy");
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [self] });
    expect(plan.steps[1]?.status).toBe("failed");
    expect(plan.steps[1]?.rationale).toMatch(/^Not applied: the rewritten Dockerfile would not build or run: COPY --from=0 copies from the stage it is in/);
  });

  it("without a decision, an alternative the build check rejects gives way to the next; a chosen one does not", () => {
    // Two alternatives: the first breaks the build (apk on Debian), the second is fine.
    const twoWays: Rule = {
      ...appendRule("size/two-ways", "# done", null),
      fix: ({ input }) => {
        const end = String(input.dockerfile).length;
        const append = (id: string, line: string): FixAlternative =>
          ({ id, title: `Append ${id}`, reason: `Test rewrite ${id}.`, edits: [{ file: "dockerfile", edits: [{ start: end, end, text: `${line}\n` }] }] });
        return [append("apk", "RUN apk add --no-cache curl # done"), append("comment", "# done")];
      },
    };
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [twoWays] });
    expect(plan.steps[1]).toMatchObject({ status: "applied", alternative: "comment", title: "Append comment" });
    expect(plan.steps[1]?.rationale).toMatch(/^Not “Append apk”: the rewritten Dockerfile would not build or run: apk does not exist on Debian.* Test rewrite comment\./);
    const chosen = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [twoWays], decisions: { "size/two-ways": { action: "apply", alternative: "apk" } } });
    expect(chosen.steps[1]).toMatchObject({ status: "failed", alternative: null });
  });

  // The rule now asks about the pinned version itself (rules/support/packages.ts), so it puts slim first and
  // offers no Alpine rewrite: pyarrow 16.1.0 has no musllinux wheel and its musl build needs Arrow C++.
  it("size/base-variant applies slim where a pinned package has no musllinux wheel (fuzz case 4799)", () => {
    const plan = buildPlan({
      dockerfile: "FROM python:3.11-bookworm\nWORKDIR /job\nCOPY . .\nRUN pip install -r requirements.txt\n",
      requirements: [{ path: "requirements.txt", content: "pyarrow==16.1.0\n" }],
      dockerignore: null,
      rules: RULES.filter((r) => r.meta.id === "size/base-variant"),
    });
    expect(plan.steps[1]).toMatchObject({ status: "applied", alternative: "slim", alternatives: [{ id: "slim" }] });
    expect(plan.steps[1]?.rationale).toMatch(/^Debian slim keeps glibc/);
  });

  it("applies a step when the error was already there (same code and subject, another line)", () => {
    const broken = "FROM python:3.12-slim\nRUN apk add --no-cache curl\n";
    const plan = buildPlan({ dockerfile: broken, requirements: [], dockerignore: null, rules: [appendRule("hygiene/fine", "# fine", "# fine")] });
    expect(plan.steps.map((s) => s.status)).toEqual(["original", "applied"]);
    expect(plan.steps[1]?.analysis.buildCheck.map((f) => f.code)).toEqual(["apk-on-debian"]);
  });

  it("titles an applied step after the alternative applied", () => {
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [appendRule("hygiene/fine", "# fine", "# fine", "Add the fine comment")] });
    expect(plan.steps[1]?.title).toBe("Add the fine comment");
  });

  it("says in words when a finding has no rewrite", () => {
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [appendRule("hygiene/manual", "# manual", null)] });
    expect(plan.steps[1]?.status).toBe("failed");
    expect(plan.steps[1]?.rationale).toBe("No automatic rewrite: hygiene/manual fired (line 1). Whaleweight cannot change this safely for you; edit the Dockerfile by hand.");
  });

  it("says in words when a rewrite would not solve what it found", () => {
    const plan = buildPlan({ dockerfile: SLIM, requirements: [], dockerignore: null, rules: [appendRule("hygiene/stubborn", "# never", "# tried")] });
    expect(plan.steps[1]?.status).toBe("failed");
    expect(plan.steps[1]?.rationale).toBe("Not applied: the rewrite would not solve it: hygiene/stubborn fired");
  });
});

describe("a base change that would break an account command", () => {
  it("Hugging Face's Spaces recipe (useradd) moves to Alpine with shadow's useradd installed first", () => {
    const dockerfile = "FROM python:3.9\nRUN useradd -m -u 1000 user\nUSER user\nENV PATH=\"/home/user/.local/bin:$PATH\"\nWORKDIR /app\nCOPY --chown=user ./requirements.txt requirements.txt\nRUN pip install --no-cache-dir --upgrade -r requirements.txt\nCOPY --chown=user . /app\nCMD [\"uvicorn\", \"app:app\", \"--host\", \"0.0.0.0\", \"--port\", \"7860\"]\n";
    const plan = buildPlan({ dockerfile, requirements: [{ path: "requirements.txt", content: "fastapi==0.111.0\nuvicorn==0.30.1\n" }], dockerignore: null, rules: RULES });
    const step = plan.steps.find((s) => s.id === "size/base-variant");
    expect(step?.status).toBe("applied");
    expect(step?.alternative).toBe("alpine");
    expect(step?.texts.dockerfile).toContain("FROM python:3.9-alpine\nRUN apk add --no-cache shadow\nRUN useradd -m -u 1000 user\n");
    expect(step?.rationale).toContain("the rewrite installs shadow before it");
  });

  it("without the install, Alpine's missing useradd is what the build check reports", () => {
    const plan = buildPlan({ dockerfile: "FROM python:3.12-alpine\nRUN useradd -m app\nUSER app\n", requirements: [], dockerignore: null, rules: [] });
    expect(plan.steps[0]?.analysis.buildCheck.map((c) => `${c.code} ${c.subject}`)).toEqual(["missing-executable useradd"]);
  });
});
