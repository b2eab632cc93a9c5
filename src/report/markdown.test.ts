import { describe, expect, it } from "vitest";
import { buildPlan } from "../engine/plan/plan";
import { EXAMPLES } from "../examples/index";
import { toPlanView } from "../worker/plan-view";
import { cell, code, playgroundMarkdown, stepsMarkdown } from "./markdown";

const plans = EXAMPLES.map((example) => {
  const plan = buildPlan({
    dockerfile: example.dockerfile,
    requirements: example.requirements.map((f) => ({ path: f.path, content: f.text })),
    dockerignore: example.dockerignore,
  });
  return { id: example.id, plan, view: toPlanView(plan) };
});

describe("stepsMarkdown", () => {
  // The CLI formats the engine's plan, the playground the worker's view of it: one report for both.
  it.each(plans)("prints the same table for the CLI's plan and the page's view ($id)", ({ plan, view }) => {
    const fromPlan = stepsMarkdown(plan.steps.map((s) => ({ ...s, estimate: s.analysis.estimate })));
    expect(stepsMarkdown(view.steps)).toEqual(fromPlan);
  });

  it.each(plans)("has one table row per step, numbered from 0 ($id)", ({ view }) => {
    const rows = stepsMarkdown(view.steps).filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.map((r) => r.split("|")[1]?.trim())).toEqual(view.steps.map((_, i) => String(i)));
  });
});

describe("what the sizes leave out", () => {
  it("lists the original's uncounted bytes (an unknown base, an unmodelled command) under the headline, once each", () => {
    const plan = buildPlan({
      dockerfile: "FROM continuumio/miniconda3:24.1.2-0\nCOPY environment.yml .\nRUN conda env create -f environment.yml\nCOPY . .\n",
      requirements: [],
      dockerignore: null,
    });
    const lines = stepsMarkdown(plan.steps.map((s) => ({ ...s, estimate: s.analysis.estimate })));
    const at = lines.indexOf("Not in these sizes:");
    expect(at).toBe(2);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      "- line 1: The size of continuumio/miniconda3:24.1.2-0 is not known: the total leaves it out.",
      "- line 3: `conda` may add files the model does not know: counted as 0 bytes.",
    ]);
    // The dockerignore warning is advice, not missing bytes: not listed.
    expect(lines.join("\n")).not.toContain(".dockerignore also sends");
  });

  it("lists a local project whose dependencies were not read (no pyproject.toml, setup.cfg or setup.py given)", () => {
    const plan = buildPlan({ dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n", requirements: [], dockerignore: null });
    const lines = stepsMarkdown(plan.steps.map((s) => ({ ...s, estimate: s.analysis.estimate })));
    expect(lines).toContain("- line 4: pip installs the local project .: its dependencies are not counted. Add its pyproject.toml (or setup.cfg, setup.py) as a project file: the dependencies it lists are read.");
  });

  it.each(plans)("prints nothing extra where every byte is counted ($id)", ({ view }) => {
    expect(stepsMarkdown(view.steps)).not.toContain("Not in these sizes:");
  });
});

describe("playgroundMarkdown", () => {
  const first = plans[0];
  if (first === undefined) throw new Error("no examples");

  it("has the heading, the table, the findings and the link", () => {
    const text = playgroundMarkdown(first.view.steps, first.view.findings, [], { url: "https://x.example/#v1.abc", label: "Open" });
    expect(text.startsWith("### Whaleweight: `Dockerfile`\n")).toBe(true);
    expect(text).toContain("| # | step | status | size | delta | pull |");
    expect(text).toMatch(first.view.findings.length > 0 ? /\*\*Findings \(\d+\)\*\*/ : /No findings\./);
    expect(text.trimEnd().endsWith("[Open](https://x.example/#v1.abc)")).toBe(true);
  });

  it("leaves the link out when there is none", () => {
    expect(playgroundMarkdown(first.view.steps, [], [], null)).not.toContain("](");
  });
});

describe("cell and code", () => {
  it.each([
    { text: "a|b", out: "a\\|b" },
    { text: "one\ntwo", out: "one two" },
    { text: "back\\slash", out: "back\\\\slash" },
  ])("cell($text)", ({ text, out }) => expect(cell(text)).toBe(out));

  it.each([
    { text: "RUN pip", out: "`RUN pip`" },
    { text: "a`b", out: "`` a`b ``" },
  ])("code($text)", ({ text, out }) => expect(code(text)).toBe(out));
});
