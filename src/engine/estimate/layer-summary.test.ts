// The layer label read piece by piece gives what joining the whole instruction and collapsing its
// whitespace gave (the implementation before the `bulk` fuzz speed work), for any keyword, flags and arguments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstructionNode } from "../dockerfile/model";
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import { summariseInstruction, SUMMARY_CHARS } from "./layer-summary";

/** The former `summarise` of estimate.ts, word for word. */
function joined(node: Pick<InstructionNode, "keyword" | "flags" | "form" | "args">): string {
  const flags = node.flags.map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`)).join(" ");
  const body = node.form === "exec" ? JSON.stringify(node.args) : node.args.join(" ");
  const text = [node.keyword, flags, body].filter((s) => s !== "").join(" ").replace(/\s+/g, " ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function node(fields: Pick<InstructionNode, "keyword" | "flags" | "form" | "args">): InstructionNode {
  return fields as InstructionNode;
}

describe("summariseInstruction", () => {
  const texts = [
    "FROM python:3.12-slim\nRUN pip install flask\n",
    "FROM python:3.12-slim\nRUN apt-get update \\\n    &&   apt-get install -y gcc \\\n\t&& rm -rf /var/lib/apt/lists/*\n",
    "FROM python:3.12-slim\nCOPY --from=builder --chown=app:app /wheels /wheels\n",
    "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
    `FROM python:3.12-slim\nRUN ["python", "-m", "pip", "install", "  spaced\\targ  "]\n`,
    `FROM python:3.12-slim\nRUN pip install ${"a".repeat(300)}\n`,
    `FROM python:3.12-slim\nRUN echo ${"x ".repeat(58)}y\n`,
    "FROM python:3.12-slim\nRUN echo a\u00a0\u2003b\u3000c\ufeffd\n",
  ];
  it.each(texts.map((text) => ({ text })))("labels each layer of $text as the joined text did", ({ text }) => {
    const nodes = parseDockerfile(text).instructions.filter((n) => n.keyword !== "FROM");
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(summariseInstruction(n)).toBe(joined(n));
  });

  it("cuts at the label length, ellipsis included", () => {
    const label = summariseInstruction(node({ keyword: "RUN", flags: [], form: "shell", args: ["b".repeat(500)] }));
    expect(label).toBe(`RUN ${"b".repeat(SUMMARY_CHARS - 7)}…`);
  });

  it("equals the joined text for any keyword, flags and words, whitespace of every kind included", () => {
    const spaced = fc.string({ unit: fc.constantFrom("a", "-", "=", " ", "\t", "\n", "\r", "\u000b", "\u00a0", "\u2028", "\u3000", "\ufeff", "é", "\"") });
    const instruction = fc.record({
      keyword: fc.constantFrom("RUN", "COPY", "ADD", ""),
      flags: fc.array(fc.record({ name: spaced, value: fc.option(spaced) }), { maxLength: 3 }),
      form: fc.constantFrom("exec" as const, "shell" as const),
      args: fc.array(fc.oneof(spaced, spaced.map((s) => s.repeat(40))), { maxLength: 8 }),
    });
    fc.assert(fc.property(instruction, (fields) => {
      const n = node({ ...fields, flags: fields.flags.map((f) => ({ ...f, range: null })) as unknown as InstructionNode["flags"] });
      expect(summariseInstruction(n)).toBe(joined(n));
    }), { numRuns: 2000 });
  });
});
