// parseDockerfile, case by case: stages, FROM with ARG substitution, positions, heredocs, directives, exec
// and shell form, flags, line endings, the commands of RUN, and a diagnostic (with its position) for every
// kind of bad input. Expected values are worked out from the Dockerfile text, not copied from the output.
import { describe, expect, it } from "vitest";
import type { CommandInfo } from "../shell/command-info";
import type { InstructionNode } from "./model";
import { parseDockerfile } from "./parse-dockerfile";

const encode = (text: string) => new TextEncoder().encode(text);

function only(text: string | Uint8Array, keyword: string): InstructionNode {
  const found = parseDockerfile(text).instructions.filter((i) => i.keyword === keyword);
  expect(found).toHaveLength(1);
  return found[0] as InstructionNode;
}

const commandWords = (node: InstructionNode) => node.run?.commands.map((c) => c.words.map((w) => w.value)) ?? null;
const kinds = (node: InstructionNode) => node.run?.infos.map((i) => i.kind) ?? null;
const codes = (text: string | Uint8Array) =>
  parseDockerfile(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }));

describe("stages", () => {
  it("numbers stages, lower-cases their names and links FROM <stage> to the earlier stage", () => {
    const model = parseDockerfile("FROM python:3.12 AS Builder\nRUN echo\nFROM builder AS test\nFROM python:3.12-slim\nCOPY --from=builder /a /a\n");
    expect(model.stages.map((s) => ({ index: s.index, name: s.name, base: s.from.from?.baseStage, count: s.instructions.length }))).toEqual([
      { index: 0, name: "builder", base: null, count: 1 },
      { index: 1, name: "test", base: 0, count: 0 },
      { index: 2, name: null, base: null, count: 1 },
    ]);
    expect(model.instructions.map((i) => [i.keyword, i.stageIndex])).toEqual([
      ["FROM", -1], ["RUN", 0], ["FROM", 0], ["FROM", 1], ["COPY", 2],
    ]);
  });

  it("reads --platform", () => {
    expect(only("FROM --platform=linux/amd64 python:3.12-slim\n", "FROM").from).toMatchObject({ platform: "linux/amd64", image: "python:3.12-slim" });
  });
});

describe("FROM with ARG substitution", () => {
  it.each([
    { name: "ARG before FROM, ${VAR}", text: "ARG PY=3.12\nFROM python:${PY}-slim\n", args: undefined, image: "python:3.12-slim" },
    { name: "ARG before FROM, $VAR", text: "ARG TAG=3.11-alpine\nFROM python:$TAG\n", args: undefined, image: "python:3.11-alpine" },
    { name: "${VAR:-default} with no ARG", text: "FROM python:${PY:-3.10}-slim\n", args: undefined, image: "python:3.10-slim" },
    { name: "${VAR:-default} with an ARG default", text: "ARG PY=3.13\nFROM python:${PY:-3.10}\n", args: undefined, image: "python:3.13" },
    { name: "${VAR:-default} with ARG and no default", text: "ARG PY\nFROM python:${PY:-3.10}\n", args: undefined, image: "python:3.10" },
    { name: "a build arg overrides the default", text: "ARG PY=3.12\nFROM python:${PY}-slim\n", args: [["PY", "3.9"]], image: "python:3.9-slim" },
    { name: "a build arg fills an ARG without default", text: "ARG PY\nFROM python:${PY}\n", args: [["PY", "3.8"]], image: "python:3.8" },
    { name: "two variables", text: "ARG PY=3.12\nARG VARIANT=slim\nFROM python:${PY}-${VARIANT}\n", args: undefined, image: "python:3.12-slim" },
  ])("$name", ({ text, args, image }) => {
    const model = parseDockerfile(text, args === undefined ? {} : { buildArgs: new Map(args as [string, string][]) });
    expect(model.stages[0]?.from.from?.image).toBe(image);
    expect(model.stages[0]?.from.from?.unresolved).toEqual([]);
    expect(model.diagnostics).toEqual([]);
  });

  it("keeps global ARGs with their defaults", () => {
    expect(parseDockerfile("ARG PY=3.12\nARG EMPTY\nFROM python:${PY}\n").globalArgs).toEqual([
      { name: "PY", value: "3.12", written: "3.12" },
      { name: "EMPTY", value: "", written: "" },
    ]);
  });

  it("expands a global ARG's default with the global ARGs above it, as BuildKit does", () => {
    const model = parseDockerfile('ARG PY=3.12\nARG BASE="python:${PY}-slim"\nFROM $BASE\n');
    expect(model.globalArgs[1]).toMatchObject({ name: "BASE", value: "python:3.12-slim" });
    expect(model.stages[0]?.from.from?.image).toBe("python:3.12-slim");
  });

  it.each([
    { name: "whole value quoted", line: 'ENV A="x y"', value: "x y" },
    { name: "quotes inside the value", line: 'ENV C=a"b"c', value: "abc" },
    { name: "escaped space", line: "ENV D=a\\ b", value: "a b" },
    { name: "single quotes keep a variable", line: "ENV E='$HOME'", value: "$HOME" },
    { name: "continued value", line: 'ENV F="a \\\n b"', value: "a  b" },
    { name: "backtick escape directive", line: 'ENV G="x`"y" H=C:\\app', escape: true, value: 'x"y' },
  ])("reads ENV values as BuildKit's lexer does: $name", ({ line, escape, value }) => {
    const model = parseDockerfile(`${escape === true ? "# escape=`\n" : ""}FROM alpine\n${line}\n`);
    expect(model.stages[0]?.instructions[0]?.pairs[0]?.value).toBe(value);
  });

  it("keeps a backslash as a plain character under the backtick escape directive", () => {
    const model = parseDockerfile("# escape=`\nFROM alpine\nENV H=C:\\app\n");
    expect(model.stages[0]?.instructions[0]?.pairs[0]).toMatchObject({ value: "C:\\app", written: "C:\\app" });
  });

  it("does not use an ARG declared inside a stage in a later FROM (Docker scopes it to the stage)", () => {
    const model = parseDockerfile("FROM alpine\nARG PY=3.12\nFROM python:${PY}\n");
    expect(model.stages[1]?.from.from).toMatchObject({ rawImage: "python:${PY}", image: null, unresolved: ["PY"] });
  });
});

describe("positions are 1-based", () => {
  it("for an indented instruction continued over two lines", () => {
    // Line 2 is "  RUN echo hi \": RUN at column 3, its first argument at column 7.
    // Line 3 is "    && echo bye" (15 characters): the instruction ends after it, at column 16.
    const node = only("FROM alpine\n  RUN echo hi \\\n    && echo bye\n", "RUN");
    expect(node.range).toMatchObject({ startLine: 2, startColumn: 3, endLine: 3, endColumn: 16 });
    expect(node.argsRange).toMatchObject({ startLine: 2, startColumn: 7, endLine: 3, endColumn: 16 });
    expect(commandWords(node)).toEqual([["echo", "hi"], ["echo", "bye"]]);
  });

  it("with offsets into the text", () => {
    const text = "FROM alpine\nRUN apk add gcc\n";
    const node = only(text, "RUN");
    expect(text.slice(node.range.start, node.range.end)).toBe("RUN apk add gcc");
    const gcc = node.run?.commands[0]?.words[2];
    expect(gcc === undefined ? null : text.slice(gcc.start, gcc.end)).toBe("gcc");
  });

  it("for flags", () => {
    // "COPY --from=builder --chown=1000:1000 --link /a /b": --from at column 6, --chown at 21, --link at 39.
    const node = only("FROM alpine AS builder\nFROM alpine\nCOPY --from=builder --chown=1000:1000 --link /a /b\n", "COPY");
    expect(node.flags.map((f) => [f.name, f.value, f.range.startLine, f.range.startColumn])).toEqual([
      ["from", "builder", 3, 6],
      ["chown", "1000:1000", 3, 21],
      ["link", null, 3, 39],
    ]);
  });
});

describe("heredocs", () => {
  it.each([
    {
      name: "RUN <<EOF runs its body",
      text: "FROM alpine\nRUN <<EOF\napk add gcc\nrm -rf /tmp/x\nEOF\n",
      heredocs: [{ name: "EOF", content: "apk add gcc\nrm -rf /tmp/x", terminated: true }],
      words: [["apk", "add", "gcc"], ["rm", "-rf", "/tmp/x"]],
      kinds: ["apk-add", "rm"],
      end: [5, 4],
    },
    {
      name: "RUN <<-EOF with tab-indented body and delimiter: the tabs are stripped",
      text: "FROM alpine\nRUN <<-EOF\n\tapk add --no-cache gcc\n\t\techo 'a\tb'\n\tEOF\n",
      heredocs: [{ name: "EOF", content: "apk add --no-cache gcc\necho 'a\tb'", terminated: true }],
      words: [["apk", "add", "--no-cache", "gcc"], ["echo", "a\tb"]],
      kinds: ["apk-add", "other"],
      end: [5, 5],
    },
    {
      name: "RUN <<EOF keeps tabs",
      text: "FROM alpine\nRUN <<EOF\n\techo 'a\n\tb'\nEOF\n",
      heredocs: [{ name: "EOF", content: "\techo 'a\n\tb'", terminated: true }],
      words: [["echo", "a\n\tb"]],
      kinds: ["other"],
      end: [5, 4],
    },
    {
      name: "a quoted delimiter and a shell after the marker",
      text: "FROM alpine\nRUN <<'EOF' bash\npip install flask\nEOF\n",
      heredocs: [{ name: "EOF", content: "pip install flask", terminated: true }],
      words: [["pip", "install", "flask"]],
      kinds: ["pip-install"],
      end: [4, 4],
    },
    {
      name: "a heredoc fed to python is data, not shell",
      text: "FROM alpine\nRUN python3 <<EOF\nimport os\nEOF\n",
      heredocs: [{ name: "EOF", content: "import os", terminated: true }],
      words: [["python3"]],
      kinds: ["other"],
      end: [4, 4],
    },
    {
      name: "two heredocs on one line",
      text: "FROM alpine\nRUN <<A cat >/a && <<B cat >/b\none\nA\ntwo\nB\n",
      heredocs: [{ name: "A", content: "one", terminated: true }, { name: "B", content: "two", terminated: true }],
      words: [["cat"], ["cat"]],
      kinds: ["other", "other"],
      end: [6, 2],
    },
  ])("$name", ({ text, heredocs, words, kinds: expectedKinds, end }) => {
    const model = parseDockerfile(text);
    expect(model.diagnostics).toEqual([]);
    const node = only(text, "RUN");
    expect(node.heredocs.map(({ name, content, terminated }) => ({ name, content, terminated }))).toEqual(heredocs);
    expect(commandWords(node)).toEqual(words);
    expect(kinds(node)).toEqual(expectedKinds);
    expect([node.range.endLine, node.range.endColumn]).toEqual(end);
    // The instructions after a heredoc are found again (the body is not read as instructions).
    expect(parseDockerfile(`${text}USER app\n`).instructions.map((i) => i.keyword)).toEqual(["FROM", "RUN", "USER"]);
  });

  it("words of a <<- body map back to their place in the text, after the stripped tabs", () => {
    const text = "FROM alpine\nRUN <<-EOF\n\t\tpip install flask\n\tEOF\n";
    const words = only(text, "RUN").run?.commands[0]?.words ?? [];
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(["pip", "install", "flask"]);
    expect(words[0]?.start).toBe(text.indexOf("pip"));
  });

  it("COPY <<EOF /x writes a file from the heredoc", () => {
    const node = only("FROM alpine\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n", "COPY");
    expect(node.copy).toEqual({
      isAdd: false, sources: [], destination: "/etc/app.conf", from: null, chown: null, chmod: null, link: false, heredoc: true,
    });
    expect(node.heredocs.map((h) => h.content)).toEqual(["key=value"]);
    // The body's line maps back to line 3, column 1.
    expect(node.heredocs[0]?.contentRange).toMatchObject({ startLine: 3, startColumn: 1 });
  });
});

describe("parser directives", () => {
  it("# escape=` makes the backtick the continuation character", () => {
    const text = "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nRUN echo a `\n  && echo b\nCOPY C:\\src\\ /dst\n";
    const model = parseDockerfile(text);
    expect(model.escapeChar).toBe("`");
    expect(model.directives).toEqual([
      { name: "syntax", value: "docker/dockerfile:1", line: 1 },
      { name: "escape", value: "`", line: 2 },
    ]);
    const run = only(text, "RUN");
    expect(commandWords(run)).toEqual([["echo", "a"], ["echo", "b"]]);
    expect(run.range).toMatchObject({ startLine: 4, endLine: 5 });
    // With ` as escape, a backslash is an ordinary character (Windows paths).
    expect(only(text, "COPY").copy?.sources).toEqual(["C:\\src\\"]);
  });

  it("without the directive the escape is a backslash", () => {
    expect(parseDockerfile("FROM alpine\n").escapeChar).toBe("\\");
  });
});

describe("exec (JSON) and shell form", () => {
  it.each([
    { name: "RUN exec form", line: 'RUN ["pip", "install", "--no-cache-dir", "flask"]', form: "exec", args: ["pip", "install", "--no-cache-dir", "flask"], words: [["pip", "install", "--no-cache-dir", "flask"]], kinds: ["pip-install"] },
    { name: "sh -c in exec form runs its script", line: 'RUN ["sh", "-c", "pip install flask && rm -rf /root/.cache/pip"]', form: "exec", args: ["sh", "-c", "pip install flask && rm -rf /root/.cache/pip"], words: [["pip", "install", "flask"], ["rm", "-rf", "/root/.cache/pip"]], kinds: ["pip-install", "rm"] },
    { name: "JSON escapes are decoded", line: 'RUN ["echo", "a \\"quoted\\" word"]', form: "exec", args: ["echo", 'a "quoted" word'], words: [["echo", 'a "quoted" word']], kinds: ["other"] },
    { name: "shell form", line: "RUN pip install flask", form: "shell", args: ["pip", "install", "flask"], words: [["pip", "install", "flask"]], kinds: ["pip-install"] },
    { name: "not JSON falls back to shell form", line: "RUN [ -f x ] || echo none", form: "shell", args: ["[", "-f", "x", "]", "||", "echo", "none"], words: [["[", "-f", "x", "]"], ["echo", "none"]], kinds: ["other", "other"] },
  ])("$name", ({ line, form, args, words, kinds: expected }) => {
    const node = only(`FROM alpine\n${line}\n`, "RUN");
    expect(node.form).toBe(form);
    expect(node.args).toEqual(args);
    expect(commandWords(node)).toEqual(words);
    expect(kinds(node)).toEqual(expected);
  });

  it("COPY in exec form keeps spaces in paths", () => {
    expect(only('FROM alpine\nCOPY ["my app.py", "/srv/"]\n', "COPY").copy).toMatchObject({ sources: ["my app.py"], destination: "/srv/" });
  });

  it("CMD in exec form", () => {
    expect(only('FROM alpine\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n', "CMD")).toMatchObject({
      form: "exec", args: ["gunicorn", "-b", "0.0.0.0:8000", "app:app"],
    });
  });
});

describe("flags", () => {
  it("COPY --from, --chown, --chmod, --link", () => {
    expect(only("FROM alpine AS b\nFROM alpine\nCOPY --from=b --chown=app:app --chmod=755 --link /src /dst\n", "COPY").copy).toEqual({
      isAdd: false, sources: ["/src"], destination: "/dst", from: "b", chown: "app:app", chmod: "755", link: true, heredoc: false,
    });
  });

  it("--link=false is not a link", () => {
    expect(only("FROM alpine\nCOPY --link=false a /b\n", "COPY").copy?.link).toBe(false);
  });

  it("ADD is a copy from the context", () => {
    expect(only("FROM alpine\nADD --chown=1000 app.tar.gz /srv/\n", "ADD").copy).toMatchObject({ isAdd: true, sources: ["app.tar.gz"], destination: "/srv/", chown: "1000" });
  });

  it("RUN --mount: cache with target, bind with source, several mounts", () => {
    const node = only("FROM alpine\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --mount=type=bind,source=req.txt,target=/r.txt pip install -r /r.txt\n", "RUN");
    expect(node.run?.mounts).toEqual([
      { type: "cache", target: "/root/.cache/pip", source: null, from: null },
      { type: "bind", target: "/r.txt", source: "req.txt", from: null },
    ]);
    expect(commandWords(node)).toEqual([["pip", "install", "-r", "/r.txt"]]);
  });

  // BuildKit reads a flag word as the shell would (its extractBuilderFlags drops the quotes) before
  // splitting a --mount at its commas: `target="/root/.cache/pip"` is that cache, not a quoted path.
  it("quotes inside a --mount are read as BuildKit reads them", () => {
    const node = only("FROM alpine\nRUN --mount=type=cache,target=\"/root/.cache/pip\" --mount='type=bind,source=req.txt,target=/r.txt' pip install -r /r.txt\n", "RUN");
    expect(node.run?.mounts).toEqual([
      { type: "cache", target: "/root/.cache/pip", source: null, from: null },
      { type: "bind", target: "/r.txt", source: "req.txt", from: null },
    ]);
  });

  it("a --mount without type is a bind mount, dst= is a target", () => {
    expect(only("FROM alpine\nRUN --mount=dst=/src,from=builder ls\n", "RUN").run?.mounts).toEqual([
      { type: "bind", target: "/src", source: null, from: "builder" },
    ]);
  });
});

describe("line endings and byte-order marks", () => {
  const lf = "FROM python:3.12-slim\nRUN apt-get update \\\n  && apt-get install -y gcc\nCOPY . /app\n";

  it.each([
    { name: "CRLF", text: lf.replace(/\n/g, "\r\n") },
    { name: "CRLF as bytes", text: encode(lf.replace(/\n/g, "\r\n")) },
    { name: "lone CR", text: lf.replace(/\n/g, "\r") },
    { name: "UTF-8 BOM", text: encode(`\uFEFF${lf}`) },
    { name: "UTF-16LE with BOM", text: new Uint8Array([0xff, 0xfe, ...Array.from(lf).flatMap((c) => [c.charCodeAt(0), 0])]) },
  ])("$name reads as the LF text does", ({ text }) => {
    const model = parseDockerfile(text);
    const reference = parseDockerfile(lf);
    expect(model.diagnostics).toEqual([]);
    expect(model.instructions.map((i) => [i.keyword, i.range.startLine, i.range.startColumn, i.range.endLine, i.args])).toEqual(
      reference.instructions.map((i) => [i.keyword, i.range.startLine, i.range.startColumn, i.range.endLine, i.args]),
    );
    const run = model.instructions[1];
    expect(run === undefined ? null : commandWords(run)).toEqual([["apt-get", "update"], ["apt-get", "install", "-y", "gcc"]]);
  });
});

describe("RUN commands and what they do", () => {
  it("splits on && ; || | and recognises each command", () => {
    const node = only(
      "FROM python:3.12-slim\nRUN set -eux; apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n" +
        " && python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt \\\n" +
        " && apk add --no-cache --virtual .deps gcc && apk del .deps || true; rm -rf /var/lib/apt/lists/*\n",
      "RUN",
    );
    expect(kinds(node)).toEqual(["set", "apt-update", "apt-install", "venv-create", "pip-install", "apk-add", "apk-del", "other", "rm"]);
    const infos = node.run?.infos ?? [];
    const pick = <K extends CommandInfo["kind"]>(kind: K) => infos.find((i): i is Extract<CommandInfo, { kind: K }> => i.kind === kind);
    expect(pick("apt-install")).toMatchObject({ noInstallRecommends: true, packages: [{ value: "libpq5" }] });
    expect(pick("venv-create")).toMatchObject({ path: "/opt/venv", tool: "venv" });
    expect(pick("pip-install")).toMatchObject({ venv: "/opt/venv", requirementFiles: [{ value: "requirements.txt" }], options: { noCacheDir: true } });
    expect(pick("apk-add")).toMatchObject({ virtual: ".deps", noCache: true, packages: [{ value: "gcc" }] });
    expect(pick("rm")).toMatchObject({ recursive: true, paths: [{ value: "/var/lib/apt/lists/*" }] });
  });

  it("drops comment lines inside a continued RUN, as Docker does", () => {
    const node = only("FROM alpine\nRUN apk add gcc \\\n# the compiler\n  && echo done\n", "RUN");
    expect(commandWords(node)).toEqual([["apk", "add", "gcc"], ["echo", "done"]]);
  });
});

describe("diagnostics point at a line and column", () => {
  it.each([
    { name: "an empty file", text: "", expected: [{ code: "dockerfile/empty", severity: "error", line: 1, column: 1 }] },
    { name: "a file of blank lines", text: "\n  \n\t\n", expected: [{ code: "dockerfile/empty", severity: "error", line: 1, column: 1 }] },
    {
      name: "invalid UTF-8 (0xFF at line 2, column 10)",
      text: new Uint8Array([...encode("FROM alpine\nRUN echo "), 0xff, 0x0a]),
      expected: [{ code: "dockerfile/invalid-encoding", severity: "warning", line: 2, column: 10 }],
    },
    {
      name: "an unterminated heredoc",
      text: "FROM alpine\nRUN <<EOF\necho hi\n",
      expected: [{ code: "dockerfile/unterminated-heredoc", severity: "error", line: 2, column: 1 }],
    },
    {
      // BuildKit keeps the \r of a RUN heredoc's lines (moby/buildkit#4282): the shell gets `update\r`.
      name: "a RUN heredoc in a CRLF file",
      text: "FROM alpine\r\nRUN <<EOF\r\napk update\r\nEOF\r\n",
      expected: [{ code: "dockerfile/crlf-heredoc", severity: "error", line: 2, column: 1 }],
    },
    { name: "a heredoc fed to python in a CRLF file", text: "FROM python:3.12\r\nRUN python3 <<EOF\r\nprint(1)\r\nEOF\r\n", expected: [] },
    { name: "a CRLF file without heredocs", text: "FROM alpine\r\nRUN apk update \\\r\n  && echo done\r\n", expected: [] },
    {
      name: "an unknown instruction (indented)",
      text: "FROM alpine\n  FOO bar\n",
      expected: [{ code: "dockerfile/unknown-instruction", severity: "error", line: 2, column: 3 }],
    },
    {
      name: "an instruction before FROM",
      text: "ARG X=1\nRUN echo\nFROM alpine\n",
      expected: [{ code: "dockerfile/before-from", severity: "error", line: 2, column: 1 }],
    },
    {
      name: "no FROM",
      text: "# just a comment\nCOPY . .\n",
      expected: [
        { code: "dockerfile/before-from", severity: "error", line: 2, column: 1 },
        { code: "dockerfile/no-from", severity: "error", line: 1, column: 1 },
      ],
    },
    {
      // BuildKit splits COPY's arguments at spaces before lexing them: `"my` has no closing quote.
      name: "a COPY path with a space in quotes",
      text: 'FROM alpine\nCOPY "my file.txt" /app/\n',
      expected: [{ code: "dockerfile/unclosed-quote", severity: "error", line: 2, column: 6 }],
    },
    {
      name: "an unclosed quote in a --chown value",
      text: 'FROM alpine\nCOPY --chown="app x.txt /app/\n',
      expected: [{ code: "dockerfile/unclosed-quote", severity: "error", line: 2, column: 6 }],
    },
    {
      name: "an unclosed quote in WORKDIR",
      text: 'FROM alpine\nWORKDIR  "/app\n',
      expected: [{ code: "dockerfile/unclosed-quote", severity: "error", line: 2, column: 10 }],
    },
    {
      name: "an unclosed quote in an ENV value",
      text: "FROM alpine\nENV A='it's'\n",
      expected: [{ code: "dockerfile/unclosed-quote", severity: "error", line: 2, column: 1 }],
    },
    {
      name: "a RUN's quotes are the shell's: not this check",
      text: "FROM alpine\nRUN echo \"it's\" 'a\n",
      expected: [{ code: "dockerfile/shell-syntax", severity: "warning", line: 2, column: 17 }],
    },
    {
      name: "an unresolved FROM variable",
      text: "FROM alpine\nFROM python:${PY}-slim\n",
      expected: [{ code: "dockerfile/unresolved-from", severity: "warning", line: 2, column: 1 }],
    },
    // BuildKit reads the stage name as written (parseBuildStageName): quotes are not removed, variables not
    // expanded, and the lower-cased word must match ^[a-z][a-z0-9-_.]*$.
    {
      name: "a quoted stage name",
      text: 'FROM alpine\nFROM python:3.12-slim AS "builder"\n',
      expected: [{ code: "dockerfile/invalid-stage-name", severity: "error", line: 2, column: 26 }],
    },
    {
      name: "a single-quoted stage name after a --platform flag",
      text: "FROM --platform=linux/amd64 alpine as 'app'\n",
      expected: [{ code: "dockerfile/invalid-stage-name", severity: "error", line: 1, column: 39 }],
    },
    {
      name: "a stage name that starts with a digit",
      text: "FROM alpine AS 1st\n",
      expected: [{ code: "dockerfile/invalid-stage-name", severity: "error", line: 1, column: 16 }],
    },
    {
      name: "a stage name from a variable",
      text: "ARG NAME=app\nFROM alpine AS $NAME\n",
      expected: [{ code: "dockerfile/invalid-stage-name", severity: "error", line: 2, column: 16 }],
    },
    {
      name: "a stage name with a symbol",
      text: "FROM alpine AS app@1\n",
      expected: [{ code: "dockerfile/invalid-stage-name", severity: "error", line: 1, column: 16 }],
    },
  ])("$name", ({ text, expected }) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    { name: "balanced quotes of both kinds", text: "FROM alpine\nLABEL d=\"It's fine\"\nUSER 'app'\nCOPY \"a\" 'b' /x/\n" },
    { name: "JSON form with a space", text: 'FROM alpine\nCOPY ["my file.txt", "/app/"]\n' },
    { name: "a quoted heredoc marker", text: "FROM alpine\nCOPY <<'EOF' /x\nit's\nEOF\n" },
    { name: "an escaped quote", text: "FROM alpine\nENV A=it\\'s\n" },
  ])("no unclosed-quote error for $name", ({ text }) => {
    expect(parseDockerfile(text).diagnostics).toEqual([]);
  });

  it.each([
    { name: "lower case", text: "FROM alpine AS builder\n" },
    { name: "upper case (Docker lower-cases it), lower-case as", text: "FROM alpine as Builder\n" },
    { name: "digits, dash, underscore and dot", text: "FROM alpine AS build-2_py3.12\n" },
    { name: "a name continued on the next line", text: "FROM alpine AS bu\\\nilder\n" },
    { name: "no stage name", text: "FROM alpine\n" },
  ])("no invalid-stage-name error for $name", ({ text }) => {
    expect(parseDockerfile(text).diagnostics).toEqual([]);
  });

  it("reads a stage name continued on the next line as one word", () => {
    expect(parseDockerfile("FROM alpine AS bu\\\nilder\nFROM builder\n").stages.map((s) => [s.name, s.from.from?.baseStage])).toEqual([["builder", null], [null, 0]]);
  });

  it("reports the first 50 unknown instructions one by one, then one summary where the rest start", () => {
    // FROM on line 1, then 60 unknown lines (2..61): lines 2..51 reported, the summary at line 52.
    const diagnostics = parseDockerfile(`FROM alpine\n${"Collecting flask\n".repeat(60)}`).diagnostics;
    expect(diagnostics.map((d) => d.line)).toEqual([...Array.from({ length: 50 }, (_, i) => i + 2), 52]);
    expect(diagnostics.at(-1)?.message).toMatch(/^10 more unknown instructions/);
  });

  it("asks whether a template line is a template", () => {
    expect(parseDockerfile("FROM alpine\n{% if debug %}\nRUN echo\n{% endif %}\n").diagnostics.map((d) => d.message)).toEqual([
      'Unknown instruction "{%": Docker refuses the whole file ("unknown instruction"); here it is ignored. Is this a template (Jinja, Go)? Docker builds the rendered file.',
      'Unknown instruction "{%": Docker refuses the whole file ("unknown instruction"); here it is ignored. Is this a template (Jinja, Go)? Docker builds the rendered file.',
    ]);
  });

  it("quotes only the start of a very long unknown keyword", () => {
    expect(parseDockerfile(`FROM alpine\n${"X".repeat(5000)} y\n`).diagnostics[0]?.message).toBe(
      `Unknown instruction "${"X".repeat(24)}…": Docker refuses the whole file ("unknown instruction"); here it is ignored. Is a line continuation (\\) or heredoc missing above?`,
    );
  });

  it("still models what it can read around bad input", () => {
    const model = parseDockerfile(new Uint8Array([...encode("FROM python:3.12-slim\nRUN echo "), 0xc3, 0x28, ...encode("\nRUN pip install flask\n")]));
    expect(model.stages[0]?.from.from?.image).toBe("python:3.12-slim");
    expect(model.instructions.map((i) => i.keyword)).toEqual(["FROM", "RUN", "RUN"]);
    expect(kinds(model.instructions[2] as InstructionNode)).toEqual(["pip-install"]);
  });
});

describe("known dockerfile-ast faults do not escape", () => {
  // rcjsuen/dockerfile-ast#119 (tab-indented <<- delimiter followed by another heredoc) and #123 (a
  // continued RUN whose next line is a comment with a backslash: getHeredocs() throws a TypeError).
  it("a tab-indented <<- heredoc followed by another heredoc", () => {
    const text = "FROM alpine:3.22\nRUN cat <<-EOT > 1.txt\n\thello\n\tEOT\nRUN <<EOT\nhello2\nEOT\n";
    const model = parseDockerfile(text);
    expect(model.diagnostics).toEqual([]);
    expect(model.instructions.map((i) => [i.keyword, i.range.startLine, i.heredocs.map((h) => [h.name, h.content, h.terminated])])).toEqual([
      ["FROM", 1, []],
      ["RUN", 2, [["EOT", "hello", true]]],
      ["RUN", 5, [["EOT", "hello2", true]]],
    ]);
  });

  it("RUN \\ then a comment line with a backslash runs nothing, as in Docker (the comment is dropped)", () => {
    const node = only("FROM alpine\nRUN \\\n# comment\\comment\n", "RUN");
    expect([commandWords(node), node.range.startLine]).toEqual([[], 2]);
    // With a command after the comment, that command is the script.
    expect(commandWords(only("FROM alpine\nRUN \\\n# comment\\comment\n  apk add gcc\n", "RUN"))).toEqual([["apk", "add", "gcc"]]);
  });

  it.each([
    { name: "RUN \\ then a comment with a backslash, at the end", text: "FROM alpine\nRUN \\\n# comment\\comment\n" },
    { name: "the same before FROM", text: "RUN \\\n# comment\\comment\n" },
    { name: "a here-string <<<", text: "FROM alpine\nRUN <<<test\ntest\n" },
    { name: "an unclosed quote in a heredoc name", text: "FROM alpine\nRUN <<'END_OF_PATCH\nEND_OF_PATCH\nRUN <<'SCRIPT'\nSCRIPT\n" },
  ])("$name", ({ text }) => {
    const model = parseDockerfile(text);
    expect(model.instructions.some((i) => i.keyword === "RUN")).toBe(true);
    for (const d of model.diagnostics) expect([d.line >= 1, d.column >= 1]).toEqual([true, true]);
  });
});

// readJsonStrings and readHeredocs decide "shell form" and "no heredoc" from the instruction's text before
// building anything: the cases where that first look could be wrong.
describe("exec form and heredocs found past the first character or line", () => {
  it("reads exec form after a line continuation, with a different escape character too", () => {
    expect(parseDockerfile('FROM a\nCMD \\\n  ["python", "-m", "app"]\n').instructions[1]?.form).toBe("exec");
    expect(parseDockerfile('# escape=`\nFROM a\nCMD `\n  ["python", "app"]\n').instructions[1]?.args).toEqual(["python", "app"]);
    expect(parseDockerfile("FROM a\nENV A=[1]\n").instructions[1]?.form).toBe("shell");
  });

  it("finds a heredoc whose marker is on a continued line", () => {
    const node = parseDockerfile("FROM a\nRUN \\\n  cat <<EOF > /f\nhello\nEOF\n").instructions[1];
    expect(node?.heredocs.map((h) => [h.name, h.content, h.terminated])).toEqual([["EOF", "hello", true]]);
  });
});
