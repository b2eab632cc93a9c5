import { describe, expect, it } from "vitest";
import type { CommandInfo } from "./command-info";
import { recogniseCommand, recogniseScript } from "./recognise";
import { splitCommands } from "./split";

function recognise(text: string): CommandInfo {
  const { commands } = splitCommands({ text, offsets: Array.from({ length: text.length + 1 }, (_, i) => i) });
  const [command] = commands;
  if (command === undefined) throw new Error(`no command in ${text}`);
  return recogniseCommand(command);
}

/** The fields that matter, without word positions. */
function summary(info: CommandInfo): unknown {
  return JSON.parse(JSON.stringify(info, (key, value: unknown) => (key === "word" || key === "installWord" || key === "addWord" || key === "optionWords" ? undefined : value)));
}

describe("recogniseCommand: pip", () => {
  it.each([
    ["pip install flask", "pip", null],
    ["pip3 install flask", "pip3", null],
    ["pip3.12 install flask", "pip3.12", null],
    ["python -m pip install flask", "python -m pip", null],
    ["python3 -u -m pip install flask", "python3 -m pip", null],
    ["/opt/venv/bin/pip install flask", "/opt/venv/bin/pip", "/opt/venv"],
    ["/opt/venv/bin/python -m pip install flask", "/opt/venv/bin/python -m pip", "/opt/venv"],
    ["/usr/local/bin/pip install flask", "/usr/local/bin/pip", null],
    ["sudo -E pip install flask", "pip", null],
    ["env PIP_X=1 pip install flask", "pip", null],
  ])("%s", (text, executable, venv) => {
    const info = recognise(text);
    expect(info).toMatchObject({ kind: "pip-install", installer: "pip", executable, venv });
    if (info.kind === "pip-install") expect(info.requirements.map((r) => r.value)).toEqual(["flask"]);
  });

  it("reads requirement files, constraints, editables and options with values", () => {
    const info = recognise("pip install --no-cache-dir -r requirements.txt -rdev.txt --requirement=extra.txt -c constraints.txt -e . --prefix=/install --target /t -i https://i --extra-index-url https://x -U --no-deps --user --no-compile 'flask[async]>=3'");
    expect(summary(info)).toEqual({
      kind: "pip-install", installer: "pip", executable: "pip", venv: null,
      requirements: [{ value: "flask[async]>=3" }],
      requirementFiles: [{ value: "requirements.txt" }, { value: "dev.txt" }, { value: "extra.txt" }],
      constraintFiles: [{ value: "constraints.txt" }],
      editables: [{ value: "." }],
      options: {
        noCacheDir: true, noCompile: true, user: true, prefix: "/install", target: "/t", root: null, upgrade: true, noDeps: true,
        requireHashes: false, system: false, indexUrl: "https://i", extraIndexUrls: ["https://x"], onlyBinary: null, noBinary: null,
        legacyInstallOptionPrefix: null,
      },
    });
  });

  it("reads global options before the subcommand", () => {
    expect(recognise("pip --no-cache-dir install x")).toMatchObject({ kind: "pip-install", options: { noCacheDir: true } });
    expect(recognise("pip -q --disable-pip-version-check install x")).toMatchObject({ kind: "pip-install" });
  });

  it("finds the removed --install-option prefix form", () => {
    expect(recognise("pip install --install-option=\"--prefix=/install\" -r r.txt")).toMatchObject({ options: { legacyInstallOptionPrefix: "/install" } });
  });

  it("keeps option words, including separate values, for rewriting", () => {
    const info = recognise("pip install -r req.txt --cache-dir /c x");
    expect(info.kind === "pip-install" ? info.optionWords.map((w) => w.value) : null).toEqual(["-r", "req.txt", "--cache-dir", "/c"]);
  });

  it.each<[string, unknown]>([
    ["uv pip install --system -r requirements.txt", { kind: "pip-install", installer: "uv", executable: "uv pip", options: { system: true } }],
    ["uv pip install --no-cache x", { kind: "pip-install", installer: "uv", options: { noCacheDir: true } }],
    // Real-world (shared corpus 055): both options take a value, which is not a package to install.
    ["uv pip install --system --python-preference system --requirements requirements.txt", { kind: "pip-install", requirements: [], requirementFiles: [{ value: "requirements.txt" }] }],
    ["uv sync --frozen --no-dev", { kind: "uv-sync", frozen: true, noDev: true, noCache: false }],
    ["uv --no-cache sync", { kind: "uv-sync", noCache: true, linkMode: null }],
    ["uv sync --link-mode=copy --frozen", { kind: "uv-sync", frozen: true, linkMode: "copy" }],
    ["uv sync --link-mode hardlink", { kind: "uv-sync", linkMode: "hardlink" }],
    ["uv venv /opt/venv", { kind: "venv-create", path: "/opt/venv", tool: "uv" }],
    ["uv cache clean", { kind: "pip-cache-purge", installer: "uv" }],
    ["pip cache purge", { kind: "pip-cache-purge", installer: "pip" }],
    ["pip uninstall -y setuptools", { kind: "pip-uninstall", packages: [{ value: "setuptools" }] }],
    ["pip wheel -w /wheels -r requirements.txt", { kind: "pip-wheel", wheelDir: "/wheels", requirementFiles: [{ value: "requirements.txt" }] }],
    ["pip freeze", { kind: "other", name: "pip freeze" }],
    ["python -m venv /opt/venv", { kind: "venv-create", path: "/opt/venv", tool: "venv" }],
    ["python3 -m virtualenv env", { kind: "venv-create", path: "env", tool: "virtualenv" }],
    ["virtualenv -p python3 /venv", { kind: "venv-create", path: "/venv", tool: "virtualenv" }],
    ["python manage.py collectstatic", { kind: "other", name: "python" }],
    ["poetry install --no-root --without dev", { kind: "poetry-install", noRoot: true, withoutDev: true }],
    ["poetry install --only main", { kind: "poetry-install", withoutDev: true, noRoot: false }],
    ["poetry export -f requirements.txt -o requirements.txt", { kind: "lock-export", tool: "poetry", output: "requirements.txt" }],
    ["poetry config virtualenvs.create false", { kind: "poetry-config", key: "virtualenvs.create", value: "false" }],
    ["pipenv install --system --deploy", { kind: "pipenv-install", system: true, deploy: true, dev: false }],
    // Group, extra and project flags (docs.astral.sh/uv/reference/cli/#uv-sync, python-poetry.org/docs/cli).
    ["uv sync --frozen --no-dev --no-install-project", { kind: "uv-sync", lock: { main: true, noGroups: ["dev"], defaultGroups: true, installProject: false } }],
    ["uv sync --only-group lint --compile-bytecode", { kind: "uv-sync", compile: true, lock: { main: false, groups: ["lint"], defaultGroups: false } }],
    ["uv sync --group=docs --extra api --all-extras --no-default-groups", { kind: "uv-sync", lock: { groups: ["docs"], extras: ["api"], allExtras: true, defaultGroups: false } }],
    ["poetry install --only main,docs --no-root", { kind: "poetry-install", lock: { main: true, groups: ["docs"], defaultGroups: false, installProject: false } }],
    ["poetry install --with docs --without test -E 'api web' --compile", { kind: "poetry-install", compile: true, lock: { main: true, groups: ["docs"], noGroups: ["test"], extras: ["api", "web"], defaultGroups: true } }],
    ["poetry install --only dev", { kind: "poetry-install", lock: { main: false, groups: ["dev"] } }],
    ["uv --directory /srv/app sync --frozen", { kind: "uv-sync", directory: "/srv/app" }],
    ["uv sync --project=backend", { kind: "uv-sync", directory: "backend" }],
    ["poetry -C api install", { kind: "poetry-install", directory: "api" }],
    // pdm-project.org/latest/reference/cli/#install: dev groups unless --prod, -G for extras and groups alike.
    ["pdm install --check --prod --no-editable", { kind: "pdm-install", directory: null, lock: { main: true, groups: [], defaultGroups: false, installProject: true } }],
    ["pdm sync -G socks -G lint,docs --no-self", { kind: "pdm-install", lock: { groups: ["socks", "lint", "docs"], extras: ["socks", "lint", "docs"], defaultGroups: true, installProject: false } }],
    ["pdm install --no-default -G :all", { kind: "pdm-install", lock: { main: false, allGroups: true, allExtras: true } }],
    ["pdm -p backend install --frozen-lockfile", { kind: "pdm-install", directory: "backend" }],
    ["pdm run python app.py", { kind: "other", name: "pdm run" }],
    ["pdm export --prod -o requirements.txt --without-hashes", { kind: "lock-export", tool: "pdm", output: "requirements.txt", lock: { main: true, defaultGroups: false, installProject: false } }],
    ["pdm export -f pylock -o pylock.toml", { kind: "other", name: "pdm export" }],
    ["poetry export --with dev -f requirements.txt --output /tmp/r.txt", { kind: "lock-export", tool: "poetry", output: "/tmp/r.txt", lock: { main: true, groups: ["dev"], defaultGroups: false } }],
  ])("%s", (text, expected) => {
    expect(summary(recognise(text))).toMatchObject(expected as object);
  });
});

describe("recogniseCommand: system packages and files", () => {
  it.each<[string, unknown]>([
    ["apt-get update", { kind: "apt-update", tool: "apt-get" }],
    ["apt-get install -y --no-install-recommends libpq5=15.4 gcc", { kind: "apt-install", tool: "apt-get", noInstallRecommends: true, packages: [{ value: "libpq5" }, { value: "gcc" }] }],
    ["apt-get -o Dpkg::Options::=--force-confnew install -y curl", { kind: "apt-install", packages: [{ value: "curl" }], noInstallRecommends: false }],
    ["apt install -qy git", { kind: "apt-install", tool: "apt", packages: [{ value: "git" }] }],
    ["apt-get purge -y --auto-remove gcc", { kind: "apt-remove", purge: true, autoremove: true, packages: [{ value: "gcc" }] }],
    ["apt-get autoremove -y", { kind: "apt-autoremove" }],
    ["apt-get autoremove -y --purge build-essential", { kind: "apt-remove", purge: true, autoremove: true, packages: [{ value: "build-essential" }] }],
    ["apt-get clean", { kind: "apt-clean" }],
    ["apt-get upgrade -y", { kind: "other", name: "apt-get upgrade" }],
    ["apk add --no-cache --virtual .build-deps gcc musl-dev", { kind: "apk-add", noCache: true, virtual: ".build-deps", packages: [{ value: "gcc" }, { value: "musl-dev" }], update: false }],
    ["apk add -U -t deps postgresql-dev=15.1-r0", { kind: "apk-add", noCache: false, virtual: "deps", update: true, packages: [{ value: "postgresql-dev" }] }],
    ["apk del .build-deps", { kind: "apk-del", packages: [{ value: ".build-deps" }] }],
    ["apk update", { kind: "apk-update", noCache: false }],
    ["apk --no-cache update", { kind: "apk-update", noCache: true }],
    ["apk cache clean", { kind: "apk-cache-clean" }],
    ["rm -rf /var/lib/apt/lists/* /root/.cache", { kind: "rm", recursive: true, paths: [{ value: "/var/lib/apt/lists/*" }, { value: "/root/.cache" }] }],
    ["rm -f -- -weird", { kind: "rm", recursive: false, paths: [{ value: "-weird" }] }],
    ["find /usr/local -type d -name __pycache__ -exec rm -rf {} +", { kind: "find-delete", root: "/usr/local", names: ["__pycache__"] }],
    ["find / -name '*.pyc' -delete", { kind: "find-delete", root: "/", names: ["*.pyc"] }],
    ["find . -name x -print", { kind: "other", name: "find" }],
    ["useradd -m -u 1000 app", { kind: "useradd", user: "app" }],
    ["adduser -D -S app", { kind: "useradd", user: "app" }],
    ["cd /app", { kind: "cd", path: "/app" }],
    ["set -eux", { kind: "set", flags: "-eux" }],
    ["export PATH=/opt/venv/bin:$PATH A=1", { kind: "export", assignments: [{ name: "PATH", value: "/opt/venv/bin:$PATH" }, { name: "A", value: "1" }] }],
    ["make -j4", { kind: "other", name: "make" }],
  ])("%s", (text, expected) => {
    expect(summary(recognise(text))).toMatchObject(expected as object);
  });

  it("keeps the install word so rules can insert flags after it", () => {
    const text = "apt-get install -y curl";
    const info = recognise(text);
    expect(info.kind === "apt-install" ? text.slice(info.installWord.start, info.installWord.end) : null).toBe("install");
  });
});

describe("recogniseScript: installs inside sh -c / bash -c", () => {
  function script(text: string) {
    const split = splitCommands({ text, offsets: Array.from({ length: text.length + 1 }, (_, i) => i) });
    return recogniseScript(split.commands);
  }

  it.each<[string, string[]]>([
    ["sh -c \"pip install flask && apk del .build-deps\"", ["pip-install", "apk-del"]],
    ["/bin/bash -ec 'apt-get update && apt-get install -y gcc'", ["apt-update", "apt-install"]],
    ["bash -o pipefail -c \"curl -sSL x | sh\" && pip install y", ["other", "other", "pip-install"]],
    ["sh -xec 'bash -c \"pip install z\"'", ["pip-install"]],
    ["set -eux; sh -c 'pip install a; rm -rf /root/.cache'", ["set", "pip-install", "rm"]],
    ["sh ./install.sh", ["other"]],
    ["sh -c", ["other"]],
    ["bash -c ''", ["other"]],
  ])("%s", (text, kinds) => {
    expect(script(text).infos.map((i) => i.kind)).toEqual(kinds);
  });

  it("keeps Dockerfile offsets, so a flag inserted after the inner install word lands inside the quotes", () => {
    for (const text of ["sh -c \"pip install flask\"", "bash -c 'pip install flask'", "sh -c \"echo \\\"hi\\\" && pip install flask\""]) {
      const info = script(text).infos.find((i) => i.kind === "pip-install");
      if (info?.kind !== "pip-install") throw new Error(`no pip install in ${text}`);
      expect(text.slice(info.installWord.start, info.installWord.end)).toBe("install");
      expect(text.slice(info.requirements[0]?.word.start, info.requirements[0]?.word.end)).toBe("flask");
    }
  });

  it("joins the inner chain to the outer one and marks inner commands conditional when the outer is", () => {
    const { commands } = script("apt-get update || sh -c 'pip install a && pip install b'");
    expect(commands.map((c) => [c.connectorBefore, c.conditional])).toEqual([[null, false], ["||", true], ["&&", true]]);
  });

  it("reports an unclosed quote inside the nested script", () => {
    expect(script("sh -c \"echo 'x\"").problems.map((p) => p.message)).toEqual(["this single quote is never closed"]);
  });
});
