import { describe, expect, it } from "vitest";
import { fixture } from "../project/test-support";
import { applyFileEdits, decodeTexts } from "../plan/texts";
import { analyze } from "../analyze";
import { contextOf, runRuleTests } from "./rule-tester";
import { uvMultistage } from "./uv-multistage";

const projectFiles = { "pyproject.toml": fixture("pyproject-uv.toml"), "uv.lock": fixture("uv.lock") };
const SLIM = "FROM python:3.12-slim";
const UV = "COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /bin/";

describe("size/uv-multistage", () => {
  runRuleTests(uvMultistage, {
    valid: [
      { name: "no uv sync", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir flask\n` },
      {
        name: "already a builder stage",
        dockerfile: `${SLIM} AS builder\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev\n\n${SLIM}\nCOPY --from=builder /app/.venv /app/.venv\n`,
        projectFiles,
      },
    ],
    invalid: [
      {
        name: "uv from its image: the binary copy stays in the builder",
        dockerfile: `${SLIM}\n${UV}\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\nCOPY . .\nCMD ["gunicorn", "app:app"]\n`,
        projectFiles,
        findings: ["1:single"],
        alternatives: ["multistage", "multistage-bytecode"],
        output: `${SLIM} AS builder\n${UV}\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --no-editable\n\n${SLIM}\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCOPY . .\nCMD ["gunicorn", "app:app"]\n`,
        reasonIncludes: ["leaving behind uv itself", "--no-dev"],
      },
      {
        name: "the bytecode alternative sets UV_COMPILE_BYTECODE and, beside a cache mount, UV_LINK_MODE",
        dockerfile: `${SLIM}\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["python", "app.py"]\n`,
        projectFiles,
        findings: ["1:single"],
        alternative: "multistage-bytecode",
        output: `${SLIM} AS builder\nENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev --no-editable\n\n${SLIM}\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCMD ["python", "app.py"]\n`,
        reasonIncludes: ["47%"],
      },
      {
        name: "UV_COMPILE_BYTECODE already set: honoured, no second alternative",
        dockerfile: `${SLIM}\nENV UV_COMPILE_BYTECODE=1\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev --no-editable\n`,
        projectFiles,
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: `${SLIM} AS builder\nENV UV_COMPILE_BYTECODE=1\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev --no-editable\n\n${SLIM}\nENV UV_COMPILE_BYTECODE=1\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\n`,
      },
      {
        name: "compilers stay behind, the runtime library comes along",
        dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev --no-editable\n`,
        projectFiles,
        findings: ["1:single"],
        output: `${SLIM} AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev --no-editable\n\n${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\n`,
        reasonIncludes: ["libpq5"],
      },
      {
        name: "uv run needs uv in the image: no rewrite, with the reason",
        dockerfile: `${SLIM}\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD ["uv", "run", "app.py"]\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        // Fuzz case 4357 (issue 14), minimised: with no uv.lock given the model cannot see what uv sync
        // installs, which hid the missing requirements.txt of line 4 in the input; the split took uv sync out
        // of the final stage, so the same error showed in the rewrite as new, and the plan refused it.
        name: "a pip install after the venv is built: no rewrite, the final stage would run it without the builder (fuzz case 4357)",
        dockerfile: `${SLIM}\n${UV}\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --frozen\nRUN pip install --no-cache-dir -r requirements.txt\n`,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "uv pip install after uv sync: no rewrite, the final stage has no uv",
        dockerfile: `${SLIM}\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nRUN uv pip install --no-deps .\nCMD ["python", "app.py"]\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        // The new final stage's FROM would have joined the RUN, and its COPY --from=builder landed in the
        // builder itself (BuildKit: circular dependency; the build check's copy-from-self).
        name: "uv sync ends the file inside a line continuation: no rewrite",
        dockerfile: `${SLIM}\n${UV}\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen \\\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "a uv base image is not the official python image",
        dockerfile: `FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
    ],
  });

  it("weighs less: uv, its cache and the dev group stay in the builder, the locked runtime packages come along", () => {
    const files = { dockerfile: `${SLIM}\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD ["python", "app.py"]\n`, projectFiles };
    const context = contextOf(files);
    const [fix] = uvMultistage.fix(context, uvMultistage.detect(context));
    if (fix === undefined) throw new Error("no fix");
    const applied = applyFileEdits(decodeTexts(files.dockerfile, [], null, Object.entries(projectFiles).map(([path, content]) => ({ path, content }))), fix.edits);
    if (!applied.ok) throw new Error(applied.error);
    const after = analyze({ dockerfile: applied.texts.dockerfile, requirements: [], dockerignore: null, projectFiles: Object.entries(projectFiles).map(([path, content]) => ({ path, content })) });
    const before = context.analysis.estimate;
    expect(after.estimate.totalBytes).toBeLessThan(before.totalBytes);
    const packages = (e: typeof before) => e.layers.flatMap((l) => l.items).filter((i) => i.category === "python").map((i) => i.path.slice(i.path.lastIndexOf("/") + 1));
    // flask stays (a runtime dependency); uv (the tool) and pytest (the dev group) do not reach the image.
    expect(packages(after.estimate)).toContain("flask");
    expect(packages(before)).toContain("uv");
    expect(packages(after.estimate)).not.toContain("uv");
    expect(packages(before)).toContain("pytest");
    expect(packages(after.estimate)).not.toContain("pytest");
  });
});
