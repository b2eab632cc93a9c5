import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logicalSource } from "../dockerfile/run-script";
import { splitCommands } from "./split";
import type { ShellSource } from "./types";

function source(text: string): ShellSource {
  return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

/** Each command as its words joined by spaces, prefixed by its connector. */
function shape(text: string): string[] {
  return splitCommands(source(text)).commands.map((c) => {
    const head = c.connectorBefore === null ? "" : `${c.connectorBefore} `;
    const assigns = c.assignments.map((a) => `${a.name}=${a.value} `).join("");
    return `${head}${c.conditional ? "?" : ""}${assigns}${c.words.map((w) => w.value).join(" ")}`;
  });
}

describe("splitCommands: a command's place in if blocks", () => {
  const places = (text: string) => splitCommands(source(text)).commands.map((c) => `${c.words.map((w) => w.value).join(" ")} ${(c.branches ?? []).map((b) => `${b.block}.${b.part}${b.role === "condition" ? "?" : ""}`).join("/")}`.trim());

  it("numbers the parts of if, elif and else, conditions and bodies", () => {
    expect(places("a; if [ x ]; then b; elif [ y ] && [ z ]; then c; else d; fi; e")).toEqual([
      "a", "[ x ] 0.0?", "b 0.1", "[ y ] 0.2?", "[ z ] 0.2?", "c 0.3", "d 0.4", "e",
    ]);
  });

  it("an if never closed by fi gives its commands no place in it (a syntax error, not a branch)", () => {
    expect(places("if [ x ]; then a; if [ y ]; then b; fi; c")).toEqual(["[ x ]", "a", "[ y ] 1.0?", "b 1.1", "c"]);
  });

  it("gives a nested if the outer block's place first, and loops none of their own", () => {
    expect(places("if [ x ]; then for i in 1 2; do if [ y ]; then b; fi; done; fi; if [ z ]; then c; fi")).toEqual([
      "[ x ] 0.0?", "[ y ] 0.1/1.0?", "b 0.1/1.1", "[ z ] 2.0?", "c 2.1",
    ]);
  });
});

describe("splitCommands", () => {
  it.each([
    ["pip install flask", ["pip install flask"]],
    ["apt-get update && apt-get install -y gcc", ["apt-get update", "&& apt-get install -y gcc"]],
    ["a; b || c | d & e", ["a", "; b", "|| ?c", "| ?d", "& e"]],
    ["a &&\n  b", ["a", "&& b"]],
    ["set -eux; pip install x", ["set -eux", "; pip install x"]],
    ["echo 'a && b' \"c; d\"", ["echo a && b c; d"]],
    ["echo a\\ b", ["echo a b"]],
    ["PIP_NO_CACHE_DIR=1 pip install x", ["PIP_NO_CACHE_DIR=1 pip install x"]],
    ["FOO=\"a b\" BAR=2", ["FOO=a b BAR=2 "]],
    ["echo FOO=1", ["echo FOO=1"]],
    ["pip install x > /dev/null 2>&1", ["pip install x"]],
    ["cat <<EOF > /etc/x\nline && not a command\nEOF\npip install y", ["cat", "newline pip install y"]],
    ["if [ -f x ]; then pip install x; fi; rm -rf /tmp/x", ["?[ -f x ]", "; ?pip install x", "; rm -rf /tmp/x"]],
    ["for p in a b c; do pip install $p; done", ["?pip install $p"]],
    ["(cd /app && make)", ["?cd /app", "&& ?make"]],
    ["echo $(pip --version) `date` ${HOME:-/root}", ["echo $(pip --version) `date` ${HOME:-/root}"]],
    ["# comment\npip install x # trailing", ["pip install x"]],
    ["case $x in a) echo a;; b) echo b;; esac", ["?echo a", "; ?echo b"]],
    ["", []],
  ])("%j", (text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it("maps word offsets back through the source's offset table", () => {
    const dockerfile = "RUN pip install \\\n    flask";
    const script = logicalSource(dockerfile, 4, dockerfile.length, "\\");
    const [command] = splitCommands(script).commands;
    const flask = command?.words[2];
    expect(flask?.value).toBe("flask");
    expect(dockerfile.slice(flask?.start, flask?.end)).toBe("flask");
    expect(dockerfile.slice(command?.words[0]?.start, command?.words[0]?.end)).toBe("pip");
  });

  it("keeps quotes inside word offsets", () => {
    const [command] = splitCommands(source("pip install 'flask>=3'")).commands;
    const word = command?.words[2];
    expect(word).toMatchObject({ value: "flask>=3", start: 12, end: 22, quoted: true });
  });

  it.each([
    ["echo 'never closed", "single quote", 5],
    ["echo \"never closed", "double quote", 5],
    ["echo $(date", "$(", 5],
    ["cat <<EOF\nbody", "here-document", 14],
  ])("reports %j as a problem at its offset", (text, what, offset) => {
    const result = splitCommands(source(text));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toContain(what);
    expect(result.problems[0]?.offset).toBe(offset);
    expect(result.commands.length).toBeGreaterThan(0);
  });

  it("never throws and keeps offsets inside the source", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "'", "\"", "\\", "$", "(", ")", "`", "&", "|", ";", "\n", "<", ">", "#", "=", "{", "}", "-", "\t") , maxLength: 200 }), (text) => {
        const result = splitCommands(source(text));
        for (const c of result.commands) {
          for (const w of c.words) {
            expect(w.start).toBeGreaterThanOrEqual(0);
            expect(w.end).toBeLessThanOrEqual(text.length);
            expect(w.start).toBeLessThanOrEqual(w.end);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// Issue 15: `append()` searched the whole word for "=" on every character, so a long quoted word was
// quadratic (a 190 k-character `echo` took 15–28 s). The bound is ~20× what the linear splitter takes on
// this shared 2-core machine, and far below the quadratic time, so it fails only for the right reason.
describe("splitCommands on long words", () => {
  it.each([
    { name: "double-quoted", text: `echo "${"a=b ".repeat(47_500)}"` },
    { name: "escaped spaces", text: `echo ${"a=b\\ ".repeat(47_500)}` },
  ])("$name: 190 k characters in linear time", ({ text }) => {
    const started = performance.now();
    const result = splitCommands(source(text));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.commands).toHaveLength(1);
    expect(result.commands[0]?.words[1]?.value.length).toBe(190_000);
  });
});
