// The size budget through every format, the markdown PR report and `compare`, run in-process over an
// in-memory file system. Limits are set from the engine's own estimate (one byte under / at it), so the
// tests do not depend on table numbers.
import { describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { formatBytes, formatDelta } from "../engine/format";
import { decodePermalink } from "../permalink/codec";
import { cell, code } from "./markdown";
import { DEFAULT_PLAYGROUND_URL } from "./playground-link";
import { runWith } from "./test-support";

const DOCKERFILE = "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n";
const SLIM = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const REQUIREMENTS = "flask==3.1.3\n";
const files = { "app/Dockerfile": DOCKERFILE, "app/requirements.txt": REQUIREMENTS, "new/Dockerfile": SLIM, "new/requirements.txt": REQUIREMENTS };
/** An offered step that changes the size: non-root-user's COPY --chown saves the copy a `chown -R` stored. */
const CHOWN = "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n";
const offeredFiles = { "chown/Dockerfile": CHOWN, "chown/.dockerignore": ".git\n" };
type PreviewStep = { title: string; estimate: { totalBytes: number; compressedBytes: number }; preview: { totalBytes: number; compressedBytes: number } | null };
/** The offered steps of `plan --format json`, with their index: the sizes the text and markdown lines must show. */
function offeredSteps(): (PreviewStep & { i: number; preview: NonNullable<PreviewStep["preview"]> })[] {
  const steps = (JSON.parse(runWith(["plan", "chown/Dockerfile", "--format", "json"], offeredFiles).stdout) as { steps: PreviewStep[] }).steps;
  const offered = steps.flatMap((s, i) => (s.preview === null ? [] : [{ ...s, i, preview: s.preview }]));
  // The case must have a step that changes the size, or a line printing the wrong side would pass.
  expect(offered.some((s) => s.preview.totalBytes !== s.estimate.totalBytes)).toBe(true);
  return offered;
}
const ifApplied = (s: ReturnType<typeof offeredSteps>[number]) =>
  `if applied: ${formatBytes(s.estimate.totalBytes)} → ${formatBytes(s.preview.totalBytes)} (${formatDelta(s.preview.totalBytes - s.estimate.totalBytes)}); pull ${formatBytes(s.estimate.compressedBytes)} → ${formatBytes(s.preview.compressedBytes)}`;
const weigh = (dockerfile: string) => analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: REQUIREMENTS }], dockerignore: null }).estimate;
const estimate = weigh(DOCKERFILE);
const under = `${estimate.totalBytes - 1}B`;
const at = `${estimate.totalBytes}B`;

/** Every command and output format a budget is reported in. */
const OUTPUTS = (["plan", "lint"] as const).flatMap((command) => (["text", "json", "sarif", "markdown"] as const).map((format) => ({ command, format })));

describe("--max-size and --max-pull-size", () => {
  it.each(OUTPUTS.filter((o) => !(o.command === "lint" && o.format === "markdown")))("$command --format $format: over is exit 3, one line on stderr, and the output says it", ({ command, format }) => {
    const result = runWith([command, "app/Dockerfile", "--format", format, "--max-size", under], files);
    expect(result.code).toBe(3);
    const message = `app/Dockerfile as written is ${formatBytes(estimate.totalBytes)} on disk, over the --max-size budget of ${formatBytes(estimate.totalBytes - 1)} (by 1 B)`;
    expect(result.stderr).toBe(`whaleweight: over budget: ${message}\n`);
    if (format === "json") expect(JSON.parse(result.stdout)).toMatchObject({ budget: { over: true, maxBytes: estimate.totalBytes - 1, totalBytes: estimate.totalBytes, violations: [{ limit: "max-size", message }] } });
    else if (format === "sarif") {
      const results = (JSON.parse(result.stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] }).runs[0]?.results ?? [];
      expect(results.filter((r) => r.ruleId.startsWith("budget/"))).toEqual([expect.objectContaining({ ruleId: "budget/max-size", level: "error", message: { text: message } })]);
    } else expect(result.stdout).toContain(`Over budget: ${message}.`);
  });

  it.each([
    { name: "at the size limit", argv: ["--max-size", at], code: 0 },
    { name: "over the pull limit only", argv: ["--max-size", at, "--max-pull-size", `${estimate.compressedBytes - 1}`], code: 3 },
    { name: "within both", argv: ["--max-size", at, "--max-pull-size", `${estimate.compressedBytes}`], code: 0 },
  ])("$name: exit $code", ({ argv, code }) => {
    const result = runWith(["plan", "app/Dockerfile", ...argv], files);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(code === 0 ? "Within budget:" : "Over budget:");
  });

  it("weighs the file as written, not the plan's last step", () => {
    const last = JSON.parse(runWith(["plan", "app/Dockerfile", "--format", "json"], files).stdout) as { steps: { estimate: { totalBytes: number } }[] };
    const final = last.steps.at(-1)?.estimate.totalBytes ?? 0;
    expect(final).toBeLessThan(estimate.totalBytes - 1);
    expect(runWith(["plan", "app/Dockerfile", "--max-size", under], files).code).toBe(3);
  });

  it("over budget wins over lint errors (exit 3, not 1)", () => {
    const broken = { Dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --install-option=\"--prefix=/install\" flask\n" };
    expect(runWith(["lint", "Dockerfile"], broken).code).toBe(1);
    expect(runWith(["lint", "Dockerfile", "--max-size", "1B"], broken).code).toBe(3);
  });
});

describe("a budget the estimate cannot judge (an unknown base, an unmodelled installer)", () => {
  // Review 17's conda images: mambaorg/micromamba is not in the tables and `micromamba install` is not
  // modelled, so the estimate is a few kB while the image is gigabytes. Under any roomy limit the old
  // check said "Within budget" and exited 0, so a CI gate passed every conda image.
  const conda = {
    "env/Dockerfile": "FROM mambaorg/micromamba:1.5.10\nCOPY environment.yml /tmp/environment.yml\nRUN micromamba install -y -n base -f /tmp/environment.yml\n",
    "env/environment.yml": "channels: [conda-forge]\ndependencies: [python=3.12, gdal, geopandas]\n",
  };
  const floor = analyze({ dockerfile: conda["env/Dockerfile"], requirements: [], dockerignore: null }).estimate;
  const why = `env/Dockerfile as written is at least ${formatBytes(floor.totalBytes)} on disk (limit 250 MB), but the estimate leaves out 2 things it cannot weigh`;
  const left = ["line 1: The size of mambaorg/micromamba:1.5.10 is not known: the total leaves it out.", "line 3: `micromamba` may add files the model does not know: counted as 0 bytes."];
  const stderr = `whaleweight: cannot judge the budget: ${why} (${left.map((l) => l.replace(/\.$/, "")).join("; ")})\n`;

  it.each(OUTPUTS)("$command --format $format: exit 4, one line on stderr, and no output says within budget", ({ command, format }) => {
    const result = runWith([command, "env/Dockerfile", "--format", format, "--max-size", "250MB"], conda);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(stderr);
    expect(result.stdout).not.toMatch(/Within budget|✅/);
    if (format === "json") {
      const budget = (JSON.parse(result.stdout) as { budget: unknown }).budget;
      expect(budget).toEqual({
        maxBytes: 250_000_000, maxPullBytes: null, totalBytes: floor.totalBytes, compressedBytes: floor.compressedBytes,
        over: false, judged: false, violations: [],
        unweighed: [
          { code: "unknown-base-image", line: 1, message: left[0]?.slice("line 1: ".length) },
          { code: "unmodelled-command", line: 3, message: left[1]?.slice("line 3: ".length) },
        ],
      });
    } else if (format === "sarif") {
      const results = (JSON.parse(result.stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0]?.results ?? [];
      const budget = results.filter((r) => r.ruleId.startsWith("budget/"));
      expect(budget).toEqual([expect.objectContaining({ ruleId: "budget/cannot-judge", level: "warning", message: { text: stderr.slice("whaleweight: cannot judge the budget: ".length, -1) } })]);
      expect(budget[0]?.locations[0]?.physicalLocation.region.startLine).toBe(1);
    } else if (format === "markdown") {
      expect(result.stdout).toContain(`⚠️ **Cannot judge the budget: ${why}.**`);
      for (const l of left) expect(result.stdout).toContain(`- ${cell(l)}`);
    } else {
      expect(result.stdout).toContain(`Cannot judge the budget: ${why}.\n${left.map((l) => `  ${l}`).join("\n")}\n`);
    }
  });

  it("--unweighed pass: exit 0, and the outputs and stderr still say it is not judged", () => {
    const result = runWith(["plan", "env/Dockerfile", "--max-size", "250MB", "--unweighed", "pass"], conda);
    expect(result).toMatchObject({ code: 0, stderr });
    expect(result.stdout).toContain(`Cannot judge the budget: ${why}.`);
  });

  it("over even on the floor: exit 3 whatever --unweighed says", () => {
    for (const policy of ["fail", "pass"]) {
      const result = runWith(["plan", "env/Dockerfile", "--max-size", "1kB", "--unweighed", policy, "--format", "json"], conda);
      expect(result.code).toBe(3);
      expect(JSON.parse(result.stdout)).toMatchObject({ budget: { over: true, judged: true, unweighed: [{ code: "unknown-base-image" }, { code: "unmodelled-command" }] } });
    }
  });

  it("without a budget, nothing about one: exit 0", () => {
    expect(runWith(["lint", "env/Dockerfile"], conda)).toMatchObject({ code: 0, stderr: "" });
  });

  it("a file the estimate weighs fully is still within budget", () => {
    const result = runWith(["plan", "app/Dockerfile", "--max-size", at], files);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Within budget:");
  });

  it("not judged wins over lint errors (exit 4, not 1); over budget wins over not judged across files (3)", () => {
    const broken = { "bad/Dockerfile": "FROM mambaorg/micromamba:1.5.10\nRUN pip install --no-cache-dir --install-option=\"--prefix=/install\" flask\n" };
    expect(runWith(["lint", "bad/Dockerfile"], broken).code).toBe(1);
    expect(runWith(["lint", "bad/Dockerfile", "--max-size", "250MB"], broken).code).toBe(4);
    expect(runWith(["lint", "bad/Dockerfile", "--max-size", "250MB", "--unweighed", "pass"], broken).code).toBe(1);
    expect(runWith(["lint", "env/Dockerfile", "app/Dockerfile", "--max-size", under], { ...conda, ...files }).code).toBe(3);
    expect(runWith(["lint", "env/Dockerfile", "app/Dockerfile", "--max-size", at], { ...conda, ...files }).code).toBe(4);
  });

  it("compare judges the new file: exit 4, and the markdown lists what it leaves out", () => {
    // 5 GB: the full python:3.12 image of app/Dockerfile is within it, so only the new side decides.
    const both = { ...conda, ...files };
    expect(runWith(["compare", "app/Dockerfile", "env/Dockerfile", "--max-size", "5GB"], both).code).toBe(4);
    expect(runWith(["compare", "env/Dockerfile", "app/Dockerfile", "--max-size", "5GB"], both).code).toBe(0);
    const md = runWith(["compare", "app/Dockerfile", "env/Dockerfile", "--max-size", "5GB", "--format", "markdown"], both).stdout;
    expect(md).toContain("⚠️ **Cannot judge the budget: env/Dockerfile as written is at least");
    expect(md).toContain(`Not in these sizes:\n- ${cell(left[0] ?? "")}`);
  });

  it("--unweighed takes fail or pass", () => {
    expect(runWith(["plan", "env/Dockerfile", "--unweighed", "maybe"], conda)).toMatchObject({ code: 2, stderr: expect.stringContaining('whaleweight: --unweighed is fail or pass, not "maybe"\n') as unknown });
  });
});

describe("plan --format markdown", () => {
  const result = runWith(["plan", "app/Dockerfile", "--format", "markdown"], files);
  const plan = JSON.parse(runWith(["plan", "app/Dockerfile", "--format", "json"], files).stdout) as { steps: { title: string; estimate: { totalBytes: number } }[]; findings: { ruleId: string }[] };
  const rows = result.stdout.split("\n").filter((l) => /^\| \d+ \| .* \| (original|applied|offered|skipped|failed)\b/.test(l));

  it("has one table row per step, with its size and the delta from the step before", () => {
    expect(result.code).toBe(0);
    expect(rows).toHaveLength(plan.steps.length);
    plan.steps.forEach((step, i) => {
      const cells = rows[i]?.split(" | ") ?? [];
      expect(cells[1]).toBe(step.title);
      expect(cells[3]).toBe(formatBytes(step.estimate.totalBytes));
      const prev = plan.steps[i - 1];
      expect(cells[4]).toBe(prev === undefined ? "" : formatDelta(step.estimate.totalBytes - prev.estimate.totalBytes));
    });
  });

  it("shows what each offered step would make of the image, with the sizes of its JSON preview", () => {
    const out = runWith(["plan", "chown/Dockerfile", "--format", "markdown"], offeredFiles).stdout;
    const lines = out.split("\n").filter((l) => l.startsWith("- Step "));
    expect(lines).toEqual(offeredSteps().map((s) => `- Step ${s.i}, ${cell(s.title)} (offered, to review): ${ifApplied(s)}.`));
  });

  it("lists every finding with its rule", () => {
    for (const f of plan.findings) expect(result.stdout).toContain(`\`${f.ruleId}\``);
  });

  it("links to the playground with a permalink of the texts as written", () => {
    const link = /\[Open this plan in the Whaleweight playground\]\(([^)]+)\)/.exec(result.stdout)?.[1] ?? "";
    expect(link.startsWith(`${DEFAULT_PLAYGROUND_URL}#`)).toBe(true);
    const decoded = decodePermalink(link.slice(link.indexOf("#")));
    expect(decoded.ok && decoded.state).toMatchObject({ dockerfile: DOCKERFILE, requirements: [{ path: "requirements.txt", text: REQUIREMENTS }], decisions: {}, selectedStep: null });
  });

  it("--playground-url sets the link's address", () => {
    const own = runWith(["plan", "app/Dockerfile", "--format", "markdown", "--playground-url", "https://example.org/ww/"], files).stdout;
    expect(own).toMatch(/\]\(https:\/\/example\.org\/ww\/#v\d+\./);
  });

  it.each([
    { text: "a|b", escaped: "a\\|b" },
    { text: "line\nbreak", escaped: "line break" },
    { text: "(\\)", escaped: "(\\\\)" },
  ])("a cell escapes $text, so a message cannot break the table", ({ text, escaped }) => {
    expect(cell(text)).toBe(escaped);
  });

  it.each([
    { text: "size/multistage", md: "`size/multistage`" },
    { text: "a`b", md: "`` a`b ``" },
  ])("inline code of $text", ({ text, md }) => {
    expect(code(text)).toBe(md);
  });
});

describe("plan --format text: offered steps", () => {
  it("shows what each offered step would make of the image, with the sizes of its JSON preview", () => {
    const offered = offeredSteps();
    const text = runWith(["plan", "chown/Dockerfile"], offeredFiles).stdout.split("\n");
    const at = text.indexOf("Offered steps (fixes to review, not applied):");
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 1 + offered.length + 1)).toEqual([...offered.map((s) => `  ${s.i}. ${s.title} — ${ifApplied(s)}`), ""]);
  });

  it("has no such section when nothing is offered", () => {
    const quiet = { "ok/Dockerfile": "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER 10001\nCMD [\"python\"]\n" };
    const out = runWith(["plan", "ok/Dockerfile"], quiet).stdout;
    expect(out).toContain("Plan:");
    expect(out).not.toContain("Offered steps");
  });
});

describe("compare OLD NEW", () => {
  const after = weigh(SLIM);

  it("text: both sizes and the change", () => {
    const result = runWith(["compare", "app/Dockerfile", "new/Dockerfile"], files);
    expect(result.code).toBe(0);
    const disk = result.stdout.split("\n").find((l) => l.trim().startsWith("on disk"))?.trim().split(/\s{2,}/);
    expect(disk).toEqual(["on disk", formatBytes(estimate.totalBytes), formatBytes(after.totalBytes), formatDelta(after.totalBytes - estimate.totalBytes)]);
  });

  it("json: each estimate and the change, reading each Dockerfile's own requirements", () => {
    const body = JSON.parse(runWith(["compare", "app/Dockerfile", "new/Dockerfile", "--format", "json"], files).stdout) as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 1,
      old: { path: "app/Dockerfile", estimate: { totalBytes: estimate.totalBytes } },
      new: { path: "new/Dockerfile", estimate: { totalBytes: after.totalBytes, byCategory: after.byCategory } },
      change: { totalBytes: after.totalBytes - estimate.totalBytes, compressedBytes: after.compressedBytes - estimate.compressedBytes },
      budget: null,
    });
  });

  it("markdown: a heading with the change, the table and a link to the new file", () => {
    const out = runWith(["compare", "app/Dockerfile", "new/Dockerfile", "--format", "markdown"], files).stdout;
    expect(out).toContain(`### Whaleweight: \`new/Dockerfile\` shrinks (${formatDelta(after.totalBytes - estimate.totalBytes)})`);
    const link = /\]\(([^)]+)\)/.exec(out)?.[1] ?? "";
    const decoded = decodePermalink(link.slice(link.indexOf("#")));
    expect(decoded.ok && decoded.state.dockerfile).toBe(SLIM);
  });

  it("the budget applies to the new file", () => {
    expect(runWith(["compare", "new/Dockerfile", "app/Dockerfile", "--max-size", `${after.totalBytes}`], files).code).toBe(3);
    expect(runWith(["compare", "app/Dockerfile", "new/Dockerfile", "--max-size", `${after.totalBytes}`], files).code).toBe(0);
  });

  it("a missing file is exit 2", () => {
    expect(runWith(["compare", "app/Dockerfile", "gone/Dockerfile"], files)).toMatchObject({ code: 2, stderr: "whaleweight: Dockerfile gone/Dockerfile does not exist\n" });
  });
});

describe("lint with several Dockerfiles (as a pre-commit hook passes them)", () => {
  const clean = "FROM python:3.12-slim\n";
  const error = "FROM python:3.12-slim\nRUN pip install --no-cache-dir --install-option=\"--prefix=/install\" flask\n";
  const cases: { name: string; files: Record<string, string>; argv: string[]; code: number }[] = [
    { name: "all clean", files: { "a/Dockerfile": clean, "b/Dockerfile": clean }, argv: [], code: 0 },
    { name: "one with an error", files: { "a/Dockerfile": clean, "b/Dockerfile": error }, argv: [], code: 1 },
    { name: "one over budget, one with an error", files: { "a/Dockerfile": error, "b/Dockerfile": clean }, argv: ["--max-size", "1B"], code: 3 },
    { name: "one missing", files: { "a/Dockerfile": error }, argv: [], code: 2 },
  ];
  it.each(cases)("$name: exit $code", ({ files: project, argv, code }) => {
    const result = runWith(["lint", "a/Dockerfile", "b/Dockerfile", ...argv], project);
    expect(result.code).toBe(code);
    if ("b/Dockerfile" in project) expect(result.stdout).toMatch(/^b\/Dockerfile(:| )/m);
  });

  it.each([
    { argv: ["lint", "a", "b", "--format", "json"], message: "one Dockerfile at a time (got a and b); lint takes several with --format text" },
    { argv: ["plan", "a", "b"], message: "one Dockerfile at a time (got a and b)" },
    { argv: ["lint", "a", "b", "--requirements", "r.txt"], message: "--requirements, --project-file and --dockerignore name one project's files: lint several Dockerfiles without them (each is read with the files beside it)" },
  ])("$argv is a usage error", ({ argv, message }) => {
    expect(runWith(argv, {})).toMatchObject({ code: 2, stderr: expect.stringContaining(`whaleweight: ${message}\n`) as unknown });
  });
});
