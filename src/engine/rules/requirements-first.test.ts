import { describe, expect, it } from "vitest";
import { formatBytes } from "../format";
import { buildPlan } from "../plan/plan";
import { requirementsFirst } from "./requirements-first";
import { fixture } from "../project/test-support";
import { contextOf, runRuleTests } from "./rule-tester";

const req = { "requirements.txt": "flask==3.0.3\n" };
const UV_PROJECT = { "pyproject.toml": fixture("pyproject-uv.toml"), "uv.lock": fixture("uv.lock") };
/** The same lock with a second local package: a workspace member, which `uv sync` installs from its source. */
const UV_WORKSPACE = { ...UV_PROJECT, "uv.lock": `${fixture("uv.lock")}\n[[package]]\nname = "member"\nversion = "0.1.0"\nsource = { editable = "packages/member" }\n` };
const UV_SYNC = (flags: string) => `FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked --no-dev ${flags}\nCMD [".venv/bin/python", "main.py"]\n`;

describe("cache/requirements-first", () => {
  runRuleTests(requirementsFirst, {
    valid: [
      { name: "manifests already first", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n", requirements: req },
      { name: "no install", dockerfile: "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n" },
      { name: "source copied after the install", dockerfile: "FROM python:3.12-slim\nRUN pip install flask\nCOPY . /app\n" },
      { name: "only named files copied", dockerfile: "FROM python:3.12-slim\nCOPY app.py requirements.txt /app/\nRUN pip install -r /app/requirements.txt\n", requirements: req },
      {
        // What the rewrite leaves when a second install follows: the manifests' install is the anchor, so
        // the moved source copy before the dev install does not make the rule fire again.
        name: "a second requirements install after the moved source copy",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -r requirements-dev.txt\n",
        requirements: req,
      },
    ],
    invalid: [
      {
        // uv's Docker guide: `--no-install-project` reads pyproject.toml and uv.lock (and .python-version).
        name: "uv sync --no-install-project: the manifests first",
        dockerfile: UV_SYNC("--no-install-project"),
        projectFiles: UV_PROJECT,
        findings: ["4:order"],
        output: UV_SYNC("--no-install-project").replace("COPY . .\nRUN uv sync --locked --no-dev --no-install-project\n", "COPY pyproject.toml uv.lock* .python-version* ./\nRUN uv sync --locked --no-dev --no-install-project\nCOPY . .\n"),
      },
      { name: "uv sync installs the project: no rewrite", dockerfile: UV_SYNC(""), projectFiles: UV_PROJECT, findings: ["4:orderNoFix"], output: null },
      // A monorepo's shared package named in a manifest is in the source, not among the manifests.
      ...[
        ["an editable path in requirements.txt", { "requirements.txt": "flask==3.0.3\n-e ./libs/common\n" }, "requirements.txt line 2 (`-e ./libs/common`)"],
        ["a path in an included file", { "requirements.txt": "-r base.txt\n", "base.txt": "./libs/common\n" }, "base.txt line 1 (`./libs/common`)"],
        ["a file: URL", { "requirements.txt": "common @ file:///app/libs/common\n" }, "requirements.txt line 1"],
        ["--find-links to a folder of the source", { "requirements.txt": "--find-links wheels/\nflask==3.0.3\n" }, "requirements.txt (`--find-links wheels/`)"],
      ].map(([name, requirements, where]) => ({
        name: `${name as string}: no rewrite`,
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        requirements: requirements as Record<string, string>,
        findings: ["3:orderNoFix"],
        output: null,
        messageIncludes: [`${where as string}`, "names a path in the source"],
      })),
      // pip's configuration (a private index) or .netrc inside the source: pip skips a missing config file
      // silently, so with only the manifests copied it would read PyPI alone.
      {
        name: "PIP_CONFIG_FILE inside the copied source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV PIP_CONFIG_FILE=/app/pip.conf\nRUN pip install --no-cache-dir -r requirements.txt\n",
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["3:orderNoFix"],
        output: null,
        messageIncludes: ["PIP_CONFIG_FILE=/app/pip.conf (line 4) points into what COPY . . copies"],
      },
      {
        name: "NETRC on the install's own command, relative to the source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN NETRC=.netrc pip install --no-cache-dir -r requirements.txt\n",
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["3:orderNoFix"],
        output: null,
        messageIncludes: ["NETRC=.netrc (line 4)"],
      },
      {
        name: "PIP_CONFIG_FILE outside the copied source: the rewrite applies",
        dockerfile: "FROM python:3.12-slim\nCOPY pip.conf /etc/pip.conf\nENV PIP_CONFIG_FILE=/etc/pip.conf\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["5:order"],
        output: "FROM python:3.12-slim\nCOPY pip.conf /etc/pip.conf\nENV PIP_CONFIG_FILE=/etc/pip.conf\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n",
      },
      {
        name: "a Poetry path dependency with poetry install --no-root: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==2.1.3\nWORKDIR /app\nCOPY . .\nRUN poetry config virtualenvs.create false && poetry install --no-root --only main\n",
        projectFiles: { "pyproject.toml": "[tool.poetry]\nname = \"svc\"\nversion = \"0.1.0\"\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\ncommon = { path = \"libs/common\", develop = true }\n" },
        findings: ["4:orderNoFix"],
        output: null,
        messageIncludes: ["pyproject.toml line 7 (`common = { path = \"libs/common\", develop = true }`)"],
      },
      { name: "uv sync --no-install-project in a workspace: members need their source", dockerfile: UV_SYNC("--no-install-project"), projectFiles: UV_WORKSPACE, findings: ["4:orderNoFix"], output: null },
      {
        // BuildKit lexes COPY's words: `"."` is the whole context and `"/app/"` is /app/. The rewrite keeps
        // the destination as written; it was not seen as a source copy at all.
        name: "quoted source and destination",
        dockerfile: 'FROM python:3.12-slim\nCOPY "." "/app/"\nWORKDIR /app\nRUN pip install -r requirements.txt\n',
        requirements: req,
        findings: ["2:order"],
        output: 'FROM python:3.12-slim\nCOPY requirements.txt "/app/"\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY "." "/app/"\n',
      },
      {
        // Issue 14: a CR-only file ending in "\r" was taken as unended: the moved COPY got a blank line
        // before it and none after.
        name: "CR-only line ends, the install is the last instruction",
        dockerfile: "FROM python:3.12-slim\rWORKDIR /app\rCOPY . .\rRUN pip install -r requirements.txt\r",
        requirements: req,
        findings: ["3:order"],
        output: "FROM python:3.12-slim\rWORKDIR /app\rCOPY requirements.txt ./\rRUN pip install -r requirements.txt\rCOPY . .\r",
      },
      {
        name: "the fat Flask form: COPY, WORKDIR, install",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: req,
        findings: ["2:order"],
        output: "FROM python:3.12-slim\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]\n",
        reasonIncludes: ["reinstalling every package"],
      },
      {
        name: "relative destination with a WORKDIR in between is written out",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nWORKDIR /src/app\nRUN pip install -r ../requirements.txt\n",
        requirements: req,
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /src\nCOPY requirements.txt ./\nWORKDIR /src/app\nRUN pip install -r ../requirements.txt\nCOPY . /src\n",
      },
      {
        name: "includes are copied too, --chown kept, no final newline",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN pip install -r requirements/prod.txt",
        requirements: { "requirements/prod.txt": "-r base.txt\ngunicorn\n", "requirements/base.txt": "flask\n" },
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app requirements/prod.txt requirements/base.txt ./requirements/\nRUN pip install -r requirements/prod.txt\nCOPY --chown=app:app . .",
      },
      {
        name: "poetry without the root project copies pyproject and the lock",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install poetry && poetry install --no-root\n",
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN pip install poetry && poetry install --no-root\nCOPY . .\n",
      },
      {
        name: "apt between copy and install is safe",
        dockerfile: "FROM python:3.12-slim\r\nCOPY . /app\r\nRUN apt-get update && apt-get install -y libpq5\r\nRUN pip install -r /app/requirements.txt\r\n",
        requirements: req,
        findings: ["2:order"],
        output: "FROM python:3.12-slim\r\nCOPY requirements.txt /app/\r\nRUN apt-get update && apt-get install -y libpq5\r\nRUN pip install -r /app/requirements.txt\r\nCOPY . /app\r\n",
      },
      {
        // Issue 14, fuzz case 55997 of seed 100: the stage's first install (the pip upgrade) was taken as
        // the install, so the rule missed this file and fired only after hygiene/pip-self-upgrade dropped it.
        name: "a pip upgrade before the source copy is not the dependency install",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --upgrade pip\nCOPY . /app\nRUN pip install -r requirements.txt\n",
        requirements: req,
        findings: ["4:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --upgrade pip\nCOPY requirements.txt /app/\nRUN pip install -r requirements.txt\nCOPY . /app\n",
      },
      {
        // Fuzz case 55997, minimised: the manifest is in place from line 3's copy; the source copy to / would
        // become `COPY root/onboarding/requirements.txt /root/onboarding/`, a context path that may not exist.
        name: "a manifest an earlier COPY put in place: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /root/onboarding\nCOPY requirements.txt ./\nRUN pip install --upgrade pip && [pip install -r requirements.txt\nCOPY . /\nRUN pip install -r requirements.txt\n",
        requirements: req,
        findings: ["5:orderNoFix"],
        output: null,
      },
      {
        name: "an install of the source itself after the copy, with a pip upgrade before: found, no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --upgrade pip\nCOPY . /app\nRUN pip install -e /app\n",
        findings: ["3:orderNoFix"],
        output: null,
      },
      {
        // The moved source copy would have joined the RUN: `pip install -r requirements.txt COPY . /app`.
        name: "the install ends the file inside a line continuation: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt \\\n",
        requirements: req,
        findings: ["3:orderNoFix"],
        output: null,
      },
      {
        name: "pip install . needs the source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && pip install .\n",
        requirements: req,
        findings: ["3:orderNoFix"],
        output: null,
      },
      {
        // Corpus 009's shape: a named install and the manifest's own COPY between, the venv's activate in the
        // install, the venv inside the copy's destination but excluded by .dockerignore.
        name: "a named install, a copy of the manifest and a venv's activate do not read the source",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app/\nRUN pip install virtualenv\nCOPY requirements.txt .\nRUN python -m venv venv && . venv/bin/activate && venv/bin/python -m pip install -r requirements.txt\nCMD [\"venv/bin/python\", \"main.py\"]\n",
        requirements: req,
        dockerignore: ".git\nvenv/\n",
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt /app/\nRUN pip install virtualenv\nCOPY requirements.txt .\nRUN python -m venv venv && . venv/bin/activate && venv/bin/python -m pip install -r requirements.txt\nCOPY . /app/\nCMD [\"venv/bin/python\", \"main.py\"]\n",
      },
      {
        // Corpus 019 and 119's shapes: a global npm install of a named package between, echo in the install.
        name: "npm install -g of a named package between, echo in the install",
        dockerfile: "FROM python:3.12\nWORKDIR /usr/src/app\nCOPY . .\nRUN apt-get update && apt-get install -y nodejs npm\nRUN npm install -g sass\nADD https://example.com/tool.tar.gz /opt/\nRUN echo installing && pip install -r ./requirements.txt\n",
        requirements: req,
        findings: ["3:order"],
        output: "FROM python:3.12\nWORKDIR /usr/src/app\nCOPY requirements.txt ./\nRUN apt-get update && apt-get install -y nodejs npm\nRUN npm install -g sass\nADD https://example.com/tool.tar.gz /opt/\nRUN echo installing && pip install -r ./requirements.txt\nCOPY . .\n",
      },
      {
        // Corpus 035's shape: the install names its packages and reads no file: the source copy only moves.
        name: "an install of named packages: the source copy moves after it",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /usr/src/app\nCOPY . /usr/src/app/\nRUN pip install black==24.1.0 flake8==7.0.0\nRUN flake8 .\n",
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /usr/src/app\nRUN pip install black==24.1.0 flake8==7.0.0\nCOPY . /usr/src/app/\nRUN flake8 .\n",
        reasonIncludes: ["with the source copied after the install"],
      },
      {
        // Fuzz seed 100 case 4192, minimised: moved past the first of two named installs only, the copy still
        // stood before the second, and the rule fired again (not converging).
        name: "installs of named packages: the source copy moves past the last of them",
        dockerfile: "FROM python:3.12-slim\nCOPY . /code\nWORKDIR /code\nRUN pip install --upgrade pip\nRUN pip install selenium pytest\nCMD [\"pytest\"]\n",
        findings: ["2:order"],
        output: "FROM python:3.12-slim\nWORKDIR /code\nRUN pip install --upgrade pip\nRUN pip install selenium pytest\nCOPY . /code\nCMD [\"pytest\"]\n",
      },
      {
        name: "a script between copy and install may read the source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ./configure.sh\nRUN pip install -r requirements.txt\n",
        requirements: req,
        findings: ["3:orderNoFix"],
        output: null,
      },
    ],
  });

  // Each refusal says why, in the finding the plan shows ("No rewrite is offered: …").
  it.each([
    { name: "a script between", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ./configure.sh\nRUN pip install -r requirements.txt\n", reason: "line 4 runs `./configure.sh` between the source copy and the install, and may read the source" },
    { name: "npm install -g with no package (the folder's own)", dockerfile: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN npm install -g\nRUN pip install -r requirements.txt\n", reason: "line 4 runs `npm install -g` between" },
    { name: "a venv's activate the stage does not create (the project's own)", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN . venv/bin/activate && pip install -r requirements.txt\n", reason: "the install's RUN (line 4) also runs `. venv/bin/activate`, which may read the source" },
    { name: "echo of a command substitution", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN echo $(cat VERSION) > /version\nRUN pip install -r requirements.txt\n", reason: "line 4 runs `echo $(cat VERSION)` between" },
    { name: "the install builds the project", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && pip install .\n", reason: "the install's RUN (line 4) also runs `pip install .`, which may read the source" },
    { name: "the install ends inside a continuation", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt \\\n", reason: "line 4 ends the file inside a line continuation" },
    { name: "a venv inside the destination, not excluded", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app/\nRUN python -m venv venv && venv/bin/pip install -r requirements.txt\n", reason: "the install writes /app/venv inside /app, and the source copy moved after it would copy a folder of that name from the build context over it" },
    { name: "pip --target inside the destination", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app/\nRUN pip install --target lib -r requirements.txt\n", reason: "the install writes /app/lib inside /app" },
  ])("no rewrite, and the finding says why: $name", ({ dockerfile, reason }) => {
    const context = contextOf({ dockerfile, requirements: req });
    const findings = requirementsFirst.detect(context);
    expect(findings.map((f) => f.messageId)).toEqual(["orderNoFix"]);
    expect(findings[0]?.message).toContain(`No rewrite is offered: ${reason}`);
    expect(requirementsFirst.fix(context, findings)).toEqual([]);
  });
});

// The figure is what this order makes a source change rebuild: the layers of the candidate's own stage
// from the copy to the install. In a builder stage those are the builder's (corpus 035 was told its lint
// tools' install rebuilt the final image's 147 MB, the image-wide figure from another stage's COPY).
describe("cache/requirements-first's rebuilt bytes", () => {
  it("in a builder stage are the builder's layers from the copy to the install", () => {
    const dockerfile = "FROM python:3.12-slim AS builder\nWORKDIR /src\nCOPY . .\nRUN pip install black==24.1.0\nRUN black --check .\n\nFROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir flask==3.0.3\nCOPY . .\n";
    const context = contextOf({ dockerfile });
    const { estimate } = context.analysis;
    const builder = estimate.buildLayers.filter((l) => l.stageIndex === 0 && (l.line === 3 || l.line === 4));
    expect(builder.map((l) => l.line)).toEqual([3, 4]);
    const expected = builder.reduce((sum, l) => sum + l.bytes, 0);
    expect(expected).not.toBe(estimate.rebuild.bytes);
    const [finding] = requirementsFirst.detect(context);
    expect(finding?.line).toBe(3);
    expect(finding?.message).toContain(`every source change reinstalls the packages (${formatBytes(expected)} rebuilt)`);
    const [fix] = requirementsFirst.fix(context, requirementsFirst.detect(context));
    expect(fix?.reason).toContain(`Today a source change rebuilds ${formatBytes(expected)} from line 3 to the install on line 4`);
  });
});

describe("cache/requirements-first in the plan", () => {
  // Fuzz case 55997 of seed 100 (a python:onbuild file with byte noise, `&&[pip`): planning the plan's own
  // result applied cache/requirements-first, because pip-self-upgrade had dropped the install the rule
  // anchored on. Planned again from its last step, the plan applies nothing.
  it.each([
    { name: "fuzz case 55997, minimised", dockerfile: " FROM python:onbuild\n WORKDIR /root/onboarding\n COPY requirements.txt ./\n RUN pip install --upgrade pip &&[pip install --no-cache-dir -r requirements.txt\n COPY . /\nRUN pip install --no-cache-dir -r requirements.txt\n" },
    { name: "a pip upgrade, the source, the requirements", dockerfile: "FROM python:onbuild\nWORKDIR /app\nRUN pip install --upgrade pip\nCOPY . /app\nRUN pip install -r requirements.txt\n" },
  ])("$name: idempotent", ({ dockerfile }) => {
    const requirements = [{ path: "requirements.txt", content: "flask==3.0.3\n" }];
    const plan = buildPlan({ dockerfile, requirements, dockerignore: null });
    const last = plan.steps.at(-1);
    expect(last).toBeDefined();
    const again = buildPlan({ dockerfile: last?.texts.dockerfile ?? "", requirements: (last?.texts.requirements ?? []).map((r) => ({ path: r.path, content: r.text })), dockerignore: last?.texts.dockerignore ?? null });
    expect(again.steps.filter((s) => s.status === "applied").map((s) => s.id)).toEqual([]);
  }, 60_000);
});
