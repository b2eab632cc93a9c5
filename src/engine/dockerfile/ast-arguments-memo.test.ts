// The arguments memo: each instruction's text is scanned for arguments once per parse, not 5–9 times, and
// what callers get is unchanged and theirs to modify.
import { DockerfileParser, Line } from "dockerfile-ast";
import { describe, expect, it, vi } from "vitest";
import { memoiseAstArguments } from "./ast-arguments-memo";
import { parseDockerfile } from "./parse-dockerfile";

const LINES = ["FROM python:3.12 AS base", "COPY --chown=app a b /app/", 'CMD ["python", "-m", "app"]', "RUN pip install flask \\\n  && rm -rf /x", "ENV A=1 B=2"];

describe("memoiseAstArguments", () => {
  it("scans each instruction's text once per parse", () => {
    const text = Array.from({ length: 40 }, (_, i) => LINES[i % LINES.length]).join("\n");
    // `getRawArguments` reads the instruction's text once per scan (getTextContent); other readers do too,
    // so the bound is per instruction: the constructors and getters alone scanned 5–9 times before.
    const spy = vi.spyOn(Line.prototype, "getTextContent");
    const model = parseDockerfile(text);
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(model.instructions).toHaveLength(40);
    expect(calls).toBeLessThanOrEqual(2 * model.instructions.length);
  });

  it("hands out a fresh copy of the same arguments each time", () => {
    memoiseAstArguments();
    const [copy] = DockerfileParser.parse("COPY --chown=app a b /app/\n").getInstructions();
    if (copy === undefined) throw new Error("no instruction");
    const first = copy.getArguments().map((a) => a.getValue());
    copy.getArguments().length = 0;
    expect(copy.getArguments().map((a) => a.getValue())).toEqual(first);
    expect(first).toEqual(["a", "b", "/app/"]);
  });
});
