// The CLI in-process over an in-memory file system: exit codes (2 for usage and unreadable input, 1 for
// lint errors), the JSON contract (DESIGN §5), the text table, and the options that feed the engine.
import { describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { formatBytes } from "../engine/format";
import { closure, installedBytes } from "../engine/estimate/test-support";
import { buildPlan, PLAN_TEXT_LIMIT } from "../engine/plan/plan";
import { fixture } from "../engine/project/test-support";
import { USAGE } from "./args";
import { expectPlanContract, runWith } from "./test-support";

const DOCKERFILE = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const REQUIREMENTS = "flask==3.1.3\n";
const project = { "app/Dockerfile": DOCKERFILE, "app/requirements.txt": REQUIREMENTS };

type Files = Parameters<typeof runWith>[1];
const errno = (code: string) => Object.assign(new Error(`${code}: denied`), { code });
const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const json = (argv: string[], files: Parameters<typeof runWith>[1]) => {
  const result = runWith(argv, files);
  expect(result.stderr).toBe("");
  return { code: result.code, body: JSON.parse(result.stdout) as Record<string, unknown> };
};

describe("input errors exit 2 with one line", () => {
  it.each([
    { name: "a missing Dockerfile", argv: ["plan", "app/Nope"], files: project, message: "whaleweight: Dockerfile app/Nope does not exist" },
    { name: "an unreadable Dockerfile", argv: ["plan", "app/Dockerfile"], files: { "app/Dockerfile": errno("EACCES") }, message: "whaleweight: Dockerfile app/Dockerfile cannot be read (EACCES)" },
    { name: "a directory as the Dockerfile", argv: ["lint", "app"], files: project, message: "whaleweight: Dockerfile app is a directory, not a file" },
    { name: "a missing requirements file", argv: ["plan", "app/Dockerfile", "--requirements", "app/missing.txt"], files: project, message: "whaleweight: requirements file app/missing.txt does not exist" },
    { name: "an unreadable requirements file", argv: ["plan", "app/Dockerfile"], files: { "app/Dockerfile": DOCKERFILE, "app/requirements.txt": errno("EACCES") }, message: "whaleweight: requirements file app/requirements.txt cannot be read (EACCES)" },
    { name: "a missing --dockerignore", argv: ["plan", "app/Dockerfile", "--dockerignore", "app/.nope"], files: project, message: "whaleweight: .dockerignore app/.nope does not exist" },
  ] satisfies { name: string; argv: string[]; files: Files; message: string }[])("$name", ({ argv, files, message }) => {
    const result = runWith(argv, files as Files);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });
});

describe("usage errors exit 2 with the message and the usage", () => {
  it.each([
    { argv: ["weigh", "Dockerfile"], message: 'unknown command "weigh" (expected plan, lint or compare)' },
    { argv: ["plan"], message: "plan needs a Dockerfile path" },
    { argv: ["plan", "a", "b"], message: "one Dockerfile at a time (got a and b)" },
    { argv: ["plan", "a", "--verbose"], message: "unknown option --verbose" },
    { argv: ["plan", "a", "--format"], message: "--format needs a value" },
    { argv: ["plan", "a", "--format", "yaml"], message: '--format is text, json, sarif or markdown, not "yaml"' },
    { argv: ["plan", "a", "--context-bytes", "2MB"], message: '--context-bytes takes a whole number of bytes, not "2MB"' },
    { argv: ["plan", "a", "--requirements="], message: "--requirements needs a value" },
    { argv: ["plan", "a", "--arch", "riscv64"], message: '--arch is x86_64 or aarch64, not "riscv64"' },
    { argv: ["plan", "a", "--package-size", "tensorflow"], message: '--package-size takes NAME=MB (e.g. tensorflow=1200), not "tensorflow"' },
    { argv: ["plan", "a", "--max-size", "big"], message: '--max-size takes a size such as 250MB, 1.2GB or 300MiB, not "big"' },
    { argv: ["plan", "a", "--max-pull-size", "0MB"], message: '--max-pull-size takes a size such as 250MB, 1.2GB or 300MiB, not "0MB"' },
    { argv: ["plan", "a", "--playground-url", "file:///x"], message: '--playground-url takes an http(s) address without a #fragment, not "file:///x"' },
    { argv: ["compare", "a"], message: "compare needs two Dockerfile paths: the old one and the new one" },
    { argv: ["compare", "a", "b", "c"], message: "compare takes two Dockerfiles (got a third: c)" },
    { argv: ["compare", "a", "b", "--format", "sarif"], message: "compare prints text, json or markdown, not sarif" },
  ])("$argv", ({ argv, message }) => {
    expect(runWith(argv, project)).toEqual({ code: 2, stdout: "", stderr: `whaleweight: ${message}\n${USAGE}\n` });
  });

  it.each([[[]], [["help"]], [["--help"]], [["-h"]]])("%j prints the usage and exits 0", (argv) => {
    expect(runWith(argv, {})).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: "" });
  });
});

describe("plan --format json", () => {
  it("follows the DESIGN §5 contract, and step 0 is the engine's estimate of the input", () => {
    const { code, body } = json(["plan", "app/Dockerfile", "--format", "json"], project);
    expect(code).toBe(0);
    expectPlanContract(body);
    const expected = analyze({ dockerfile: DOCKERFILE, requirements: [{ path: "requirements.txt", content: REQUIREMENTS }], dockerignore: null }).estimate;
    const steps = body.steps as { id: string; dockerfile: string; requirements: string | null; estimate: { totalBytes: number; byCategory: Record<string, number>; layers: { line: number }[] } }[];
    expect(steps[0]).toMatchObject({ id: "original", dockerfile: DOCKERFILE, requirements: REQUIREMENTS });
    expect(steps[0]?.estimate.totalBytes).toBe(expected.totalBytes);
    expect(steps[0]?.estimate.byCategory.python).toBe(installedBytes(closure("flask")));
    expect(steps[0]?.estimate.layers.map((l) => l.line)).toEqual([1, 3, 4, 5]);
  });

  it("an offered step carries a preview: the rewrite it offers, as the engine's plan applies it when decided", () => {
    const { body } = json(["plan", "app/Dockerfile", "--format", "json"], project);
    type Preview = { dockerfile: string; requirements: string | null; dockerignore: string | null; diff: string; totalBytes: number; compressedBytes: number };
    const steps = body.steps as { id: string; status: string; dockerfile: string; diff: string; preview: Preview | null }[];
    const offered = steps.filter((s) => s.status === "offered");
    expect(offered.length).toBeGreaterThan(0);
    expect(steps.filter((s) => s.status !== "offered").map((s) => s.preview)).toEqual(steps.filter((s) => s.status !== "offered").map(() => null));
    const input = { dockerfile: DOCKERFILE, requirements: [{ path: "requirements.txt", content: REQUIREMENTS }], dockerignore: null };
    for (const step of offered) {
      // The reference is the step the user gets by picking Apply, from the engine itself.
      const applied = buildPlan({ ...input, decisions: { [step.id]: { action: "apply" } } }).steps.find((s) => s.id === step.id);
      expect(step.diff, step.id).toBe("");
      expect(step.preview, step.id).toEqual({
        dockerfile: applied?.texts.dockerfile, requirements: REQUIREMENTS, dockerignore: null, diff: applied?.diff,
        totalBytes: applied?.analysis.estimate.totalBytes, compressedBytes: applied?.analysis.estimate.compressedBytes,
      });
      expect(step.preview?.diff, step.id).toContain("@@");
    }
  });

  it("lists unknownPackages, and --package-size NAME=MB weighs one (MB = 10^6 bytes) and takes it off the list", () => {
    const files = { "app/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask no-such-pkg-xyz\n" };
    type Body = { steps: { estimate: { unknownPackages: string[]; layers: { items: { label: string; bytes: number }[] }[] } }[] };
    const before = json(["plan", "app/Dockerfile", "--format", "json"], files).body as unknown as Body;
    expect(before.steps[0]?.estimate.unknownPackages).toEqual(["no-such-pkg-xyz"]);
    const after = json(["plan", "app/Dockerfile", "--format", "json", "--package-size", "No_Such.Pkg-XYZ=12.5"], files).body as unknown as Body;
    expect(after.steps[0]?.estimate.unknownPackages).toEqual([]);
    const item = after.steps[0]?.estimate.layers.flatMap((l) => l.items).find((i) => i.label.startsWith("no-such-pkg-xyz"));
    expect(item?.bytes).toBe(12_500_000);
  });

  it("the text output names the unknown packages and how to size them", () => {
    const files = { "app/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask no-such-pkg-xyz\n" };
    const { stdout } = runWith(["plan", "app/Dockerfile"], files);
    expect(stdout).toMatch(/Unknown packages \(1 of \d+, weighed by the default size; set one with --package-size NAME=MB\):\n {2}no-such-pkg-xyz\n/);
  });

  it("--arch aarch64 weighs the aarch64 wheels", () => {
    const files = { "app/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy==2.2.6\n" };
    const python = (argv: string[]) => (json(argv, files).body as { steps: { estimate: { byCategory: { python: number } } }[] }).steps[0]?.estimate.byCategory.python;
    expect(python(["plan", "app/Dockerfile", "--format", "json", "--arch", "aarch64"])).not.toBe(python(["plan", "app/Dockerfile", "--format", "json"]));
  });

  it("a Dockerfile with diagnostics still prints valid JSON with them", () => {
    const { code, body } = json(["plan", "Dockerfile", "--format", "json"], { Dockerfile: "FROM python:3.12-slim\nRUN <<EOF\necho\n" });
    expect(code).toBe(0);
    expectPlanContract(body);
    expect(body.diagnostics).toEqual([expect.objectContaining({ code: "dockerfile/unterminated-heredoc", line: 2, column: 1, file: "Dockerfile" })]);
  });

  it("reads UTF-16 files as the engine does", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(REQUIREMENTS).flatMap((c) => [c.charCodeAt(0), 0])]);
    const { body } = json(["plan", "app/Dockerfile", "--format", "json"], { "app/Dockerfile": DOCKERFILE, "app/requirements.txt": utf16 });
    const steps = body.steps as { estimate: { byCategory: Record<string, number> } }[];
    expect(steps[0]?.estimate.byCategory.python).toBe(installedBytes(closure("flask")));
  });
});

describe("plan --format text", () => {
  it("prints the layer table and the totals", () => {
    const result = runWith(["plan", "app/Dockerfile", "--context-bytes", "1000000"], project);
    expect(result.code).toBe(0);
    const expected = analyze({ dockerfile: DOCKERFILE, requirements: [{ path: "requirements.txt", content: REQUIREMENTS }], dockerignore: null, settings: { contextBytes: 1_000_000 } }).estimate;
    const out = lines(result.stdout);
    expect(out).toContain("Layers of app/Dockerfile as written:");
    expect(out.find((l) => l.includes("instruction"))?.split(/\s+/).filter((w) => w !== "")).toEqual(["stage", "line", "instruction", "category", "bytes"]);
    expect(out.some((l) => /^\s+0\s+4\s+RUN pip install --no-cache-dir -r requirements.txt\s+python\s/.test(l))).toBe(true);
    const total = (label: string) => out.find((l) => l.includes(label))?.trim().split(/\s{2,}/);
    expect(total("total on disk")).toEqual(["total on disk", formatBytes(expected.totalBytes)]);
    expect(total("compressed (pull)")).toEqual(["compressed (pull)", formatBytes(expected.compressedBytes)]);
    expect(total("rebuilt when source changes")).toEqual(["rebuilt when source changes", formatBytes(1_000_000)]);
    expect(out).toContain("Plan:");
  });

  it("prints diagnostics as file:line:column", () => {
    expect(lines(runWith(["plan", "Dockerfile"], { Dockerfile: "FROM python:3.12-slim\n  FOO bar\n" }).stdout)[0]).toMatch(/^Dockerfile:2:3: error: Unknown instruction "FOO"/);
  });
});

describe("lint", () => {
  it.each([
    { name: "no findings", text: "FROM python:3.12-slim\n", code: 0 },
    { name: "warnings only", text: "FROM python:3.12-slim\nRUN pip install flask\n", code: 0 },
    // Docker refuses a file with an unknown instruction (a line continuation missing above it).
    { name: "an unknown instruction", text: "FROM python:3.12-slim\nRUN pip install flask\n  FOO bar\n", code: 1 },
    { name: "an error finding (removed --install-option)", text: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --install-option=\"--prefix=/install\" flask\n", code: 1 },
    { name: "an error diagnostic (empty file)", text: "", code: 1 },
    { name: "an error diagnostic (RUN before FROM)", text: "RUN echo\nFROM python:3.12-slim\n", code: 1 },
    { name: "a build-check error (requirements installed before they are copied)", text: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n", code: 1 },
  ])("exit $code with $name", ({ text, code }) => {
    const result = runWith(["lint", "Dockerfile"], { Dockerfile: text });
    expect([result.code, result.stderr]).toEqual([code, ""]);
  });

  it("prints each finding as file:line:column: severity: message [rule]", () => {
    const out = lines(runWith(["lint", "Dockerfile"], { Dockerfile: "FROM python:3.12-slim\nRUN pip install --install-option=\"--prefix=/install\" flask\n" }).stdout);
    expect(out).toContain("Dockerfile:2:1: error: --install-option was removed in pip 23.1: this install fails with current pip; use --prefix=/install. [correctness/pip-install-option]");
  });

  it("prints build-check findings like diagnostics, and plan JSON carries them per step", () => {
    const files = { Dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n" };
    expect(lines(runWith(["lint", "Dockerfile"], files).stdout)).toContain(
      "Dockerfile:2:35: error: Line 2 installs requirements.txt, which is not in the image yet: COPY it before this line (or bind-mount it). [build-check/file-not-in-image]");
    const steps = json(["plan", "Dockerfile", "--format", "json"], files).body.steps as { buildCheck: { code: string; line: number; subject: string }[] }[];
    expect(steps[0]?.buildCheck).toEqual([expect.objectContaining({ code: "file-not-in-image", line: 2, subject: "/requirements.txt" })]);
  });

  it("--format json has findings and diagnostics", () => {
    const { code, body } = json(["lint", "Dockerfile", "--format", "json"], { Dockerfile: "" });
    expect(code).toBe(1);
    expect(body).toMatchObject({ version: 1, findings: [], diagnostics: [expect.objectContaining({ code: "dockerfile/empty", line: 1, column: 1 })] });
  });

  it("--format sarif is SARIF 2.1.0 with a result per diagnostic", () => {
    const { body } = json(["lint", "Dockerfile", "--format", "sarif"], { Dockerfile: "" });
    expect(body).toMatchObject({ version: "2.1.0", runs: [{ results: [{ ruleId: "dockerfile/empty", level: "error" }] }] });
  });
});

describe("options that feed the engine", () => {
  const twoFiles = "FROM python:3.12-slim\nWORKDIR /app\nCOPY reqs/ reqs/\nRUN pip install --no-cache-dir -r reqs/web.txt -r reqs/http.txt\n";
  const python = (argv: string[], files: Parameters<typeof runWith>[1]) =>
    (json(argv, files).body.steps as { estimate: { byCategory: Record<string, number> } }[])[0]?.estimate.byCategory;

  it("--requirements is repeatable, paths given from the current folder and placed relative to the Dockerfile's", () => {
    const files = { "p/Dockerfile": twoFiles, "p/reqs/web.txt": "flask\n", "p/reqs/http.txt": "requests\n" };
    expect(python(["plan", "p/Dockerfile", "--requirements", "p/reqs/web.txt", "--requirements=p/reqs/http.txt", "--format", "json"], files)?.python)
      .toBe(installedBytes(closure("flask", "requests")));
    // Only one given: the other's packages are not counted.
    expect(python(["plan", "p/Dockerfile", "-r", "p/reqs/web.txt", "--format", "json"], files)?.python).toBe(installedBytes(closure("flask")));
  });

  it("without --requirements, requirements*.txt beside the Dockerfile and files in requirements/ are read", () => {
    const files = { "p/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements/prod.txt\n", "p/requirements/prod.txt": "-r base.txt\nrequests\n", "p/requirements/base.txt": "flask\n" };
    expect(python(["plan", "p/Dockerfile", "--format", "json"], files)?.python).toBe(installedBytes(closure("requests", "flask")));
  });

  it("without --requirements, a file the Dockerfile's install names is read too: from the COPY that brings it, else beside the Dockerfile", () => {
    // bot_requirements.txt and deps/base.txt match no requirements*.txt pattern; the install names them.
    const beside = { "p/Dockerfile": "FROM python:3.12-slim\nCOPY bot_requirements.txt .\nRUN pip install --no-cache-dir -r bot_requirements.txt\n", "p/bot_requirements.txt": "flask\n" };
    expect(python(["plan", "p/Dockerfile", "--format", "json"], beside)?.python).toBe(installedBytes(closure("flask")));
    const copied = { "p/Dockerfile": "FROM python:3.12-slim\nCOPY deps/base.txt /tmp/base.txt\nRUN pip install --no-cache-dir -r /tmp/base.txt\n", "p/deps/base.txt": "requests\n", "p/base.txt": "flask\n" };
    expect(python(["plan", "p/Dockerfile", "--format", "json"], copied)?.python).toBe(installedBytes(closure("requests")));
    // A file the Dockerfile does not name is not read.
    const unnamed = { "p/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n", "p/bot_requirements.txt": "requests\n" };
    expect(python(["plan", "p/Dockerfile", "--format", "json"], unnamed)?.python).toBe(installedBytes(closure("flask")));
  });

  it("a constraints file beside the Dockerfile is read, and bounds the versions -c names", () => {
    const files = { "p/Dockerfile": "FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt -c constraints.txt\n", "p/requirements.txt": "flask\n", "p/constraints.txt": "flask==2.3.3\nwerkzeug==2.3.8\n" };
    const versions = (given: Parameters<typeof runWith>[1]) => {
      const steps = json(["plan", "p/Dockerfile", "--format", "json"], given).body.steps as { estimate: { layers: { items: { label: string }[] }[] } }[];
      return steps[0]?.estimate.layers.flatMap((l) => l.items.map((i) => i.label)).filter((label) => /^(flask|werkzeug) /.test(label));
    };
    expect(versions(files)).toEqual(["flask 2.3.3", "werkzeug 2.3.8"]);
    const { "p/constraints.txt": _, ...without } = files;
    expect(versions(without)).not.toContain("flask 2.3.3");
  });

  it("--context-bytes sets what COPY . sends", () => {
    expect(python(["plan", "app/Dockerfile", "--context-bytes", "123456", "--format", "json"], project)?.app).toBe(123_456 + REQUIREMENTS.length);
  });

  it("a .dockerignore beside the Dockerfile is read", () => {
    const warnings = (files: Parameters<typeof runWith>[1]) =>
      (json(["plan", "app/Dockerfile", "--format", "json"], files).body.steps as { warnings: { code: string }[] }[])[0]?.warnings.map((w) => w.code);
    expect(warnings(project)).toContain("copy-all-without-dockerignore");
    expect(warnings({ ...project, "app/.dockerignore": ".git\n" })).not.toContain("copy-all-without-dockerignore");
  });
});

describe("plan steps and lint order", () => {
  const fat = { "app/Dockerfile": "FROM python:3.12\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\n", "app/requirements.txt": REQUIREMENTS };

  it("prints every rule's step with its status, and no notice or fault on an ordinary file", () => {
    const { body } = json(["plan", "app/Dockerfile", "--format", "json"], fat);
    const steps = body.steps as { id: string; status: string }[];
    expect(steps.map((s) => s.id).slice(0, 4)).toEqual(["original", "size/base-variant", "cache/requirements-first", "size/multistage"]);
    expect(body.notice).toBeNull();
    expect(body.faults).toEqual([]);
    const text = runWith(["plan", "app/Dockerfile"], fat).stdout;
    expect(text).toMatch(/ 1 {2}Use python:3\.12-alpine +applied \(alpine\)/);
  });

  it("gives the notice when the file is over the plan's size limit", () => {
    const big = { ...fat, "app/Dockerfile": `${fat["app/Dockerfile"]}${"# padding\n".repeat(PLAN_TEXT_LIMIT / 10 + 1)}` };
    const { body } = json(["plan", "app/Dockerfile", "--format", "json"], big);
    expect((body.steps as unknown[]).length).toBe(1);
    expect(body.notice).toContain(`rewrites are only proposed up to ${PLAN_TEXT_LIMIT.toLocaleString("en-US")}`);
  });

  it("lists lint findings in line order", () => {
    const found = lines(runWith(["lint", "app/Dockerfile"], fat).stdout).map((l) => Number(/:(\d+):\d+:/.exec(l)?.[1]));
    expect(found.length).toBeGreaterThan(2);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });
});

describe("project files (pyproject.toml, lock files)", () => {
  const UV_DOCKERFILE = "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN pip install uv && uv sync --frozen --no-dev\nCOPY . .\n";
  const POETRY_DOCKERFILE = "FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN pip install poetry && poetry install --only main --no-root\nCOPY . .\n";
  type Body = { steps: { estimate: { byCategory: { python: number } }; warnings: { code: string }[] }[]; diagnostics: { file: string; line: number; code: string }[] };

  it("finds pyproject.toml and uv.lock beside the Dockerfile and weighs uv sync from the lock", () => {
    const files = { "app/Dockerfile": UV_DOCKERFILE, "app/pyproject.toml": fixture("pyproject-uv.toml"), "app/uv.lock": fixture("uv.lock") };
    const { code, body } = json(["plan", "app/Dockerfile", "--format", "json"], files);
    expect(code).toBe(0);
    expectPlanContract(body);
    const step = (body as unknown as Body).steps[0];
    const expected = analyze({ dockerfile: UV_DOCKERFILE, requirements: [], dockerignore: null, projectFiles: [{ path: "pyproject.toml", content: files["app/pyproject.toml"] }, { path: "uv.lock", content: files["app/uv.lock"] }] }).estimate;
    expect(step?.estimate.byCategory.python).toBe(expected.byCategory.python);
    expect(expected.byCategory.python).toBeGreaterThan(0);
    expect(step?.warnings.map((w) => w.code)).not.toContain("lock-not-given");
  });

  it("finds pdm.lock beside the Dockerfile and weighs pdm install --prod from it", () => {
    const dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml pdm.lock ./\nRUN pip install pdm && pdm install --prod --no-self\nCOPY . .\n";
    const files = { "app/Dockerfile": dockerfile, "app/pyproject.toml": fixture("pyproject-pdm.toml"), "app/pdm.lock": fixture("pdm.lock") };
    const step = (json(["plan", "app/Dockerfile", "--format", "json"], files).body as unknown as Body).steps[0];
    const expected = analyze({ dockerfile, requirements: [], dockerignore: null, projectFiles: [{ path: "pyproject.toml", content: files["app/pyproject.toml"] }, { path: "pdm.lock", content: files["app/pdm.lock"] }] }).estimate;
    expect(step?.estimate.byCategory.python).toBe(expected.byCategory.python);
    expect(step?.warnings.map((w) => w.code)).not.toContain("lock-not-given");
    const { "app/pdm.lock": _lock, ...noLock } = files;
    const withoutLock = (json(["plan", "app/Dockerfile", "--format", "json"], noLock).body as unknown as Body).steps[0];
    expect(withoutLock?.warnings.map((w) => w.code)).toContain("lock-not-given");
  });

  it("finds setup.py beside the Dockerfile and weighs pip install . from its install_requires", () => {
    const dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n";
    const files = { "app/Dockerfile": dockerfile, "app/setup.py": 'from setuptools import setup\nsetup(name="app", install_requires=["flask>=3.0"])\n' };
    const step = (json(["plan", "app/Dockerfile", "--format", "json"], files).body as unknown as Body).steps[0];
    expect(step?.warnings.map((w) => w.code)).not.toContain("local-project");
    const { "app/setup.py": _setup, ...none } = files;
    const without = (json(["plan", "app/Dockerfile", "--format", "json"], none).body as unknown as Body).steps[0];
    expect(without?.warnings.map((w) => w.code)).toContain("local-project");
    expect(step?.estimate.byCategory.python).toBeGreaterThan((without?.estimate.byCategory.python ?? 0) + 1_000_000);
  });

  it("reads a poetry project given with --project-file, and without the lock says which file to add", () => {
    const files = { "app/Dockerfile": POETRY_DOCKERFILE, "locks/pyproject.toml": fixture("pyproject-poetry.toml"), "locks/poetry.lock": fixture("poetry.lock") };
    const withLock = json(["plan", "app/Dockerfile", "--format", "json", "--project-file", "locks/pyproject.toml", "--project-file", "locks/poetry.lock"], files).body as unknown as Body;
    expect(withLock.steps[0]?.estimate.byCategory.python).toBeGreaterThan(0);
    expect(withLock.steps[0]?.warnings.map((w) => w.code)).not.toContain("lock-not-given");
    const without = json(["plan", "app/Dockerfile", "--format", "json"], files).body as unknown as Body;
    // Neither the lock nor pyproject.toml is beside the Dockerfile: nothing of poetry's is counted.
    expect(without.steps[0]?.warnings.map((w) => w.code)).toContain("project-files-not-given");
    expect(without.steps[0]?.estimate.byCategory.python).toBeLessThan(withLock.steps[0]?.estimate.byCategory.python ?? 0);
  });

  it("a malformed pyproject.toml is a diagnostic at its line, in JSON and in text", () => {
    const files = { "app/Dockerfile": UV_DOCKERFILE, "app/pyproject.toml": '[project]\nname = "x"\ndependencies = ["flask",\n[tool.uv]\n' };
    const { body } = json(["plan", "app/Dockerfile", "--format", "json"], files);
    expect((body as unknown as Body).diagnostics).toContainEqual(expect.objectContaining({ file: "pyproject.toml", line: 4, code: "project/toml-syntax" }));
    expect(runWith(["lint", "app/Dockerfile"], files).stdout).toMatch(/^pyproject\.toml:4:\d+: error: /m);
  });

  it("an unreadable project file exits 2 with one line", () => {
    expect(runWith(["plan", "app/Dockerfile", "--project-file", "app/uv.lock"], { "app/Dockerfile": UV_DOCKERFILE, "app/uv.lock": errno("EACCES") }))
      .toEqual({ code: 2, stdout: "", stderr: "whaleweight: project file app/uv.lock cannot be read (EACCES)\n" });
  });
});
