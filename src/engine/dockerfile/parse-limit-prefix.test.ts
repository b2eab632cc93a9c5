// A file longer than LIMITS.instructions is parsed by dockerfile-ast from its first lines when the limit
// falls there (parse-dockerfile.ts, `limitPrefix`): the model must be the one the whole text gives, and
// when the prefix cannot tell (the limit falls at or past its last instruction), the whole text is parsed.
import { DockerfileParser } from "dockerfile-ast";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LIMITS } from "../limits";
import { parseDockerfile } from "./parse-dockerfile";

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");

/** What dockerfile-ast was handed, for each parse of `text`. */
function parsedLengths(text: string, options = {}): { model: ReturnType<typeof parseDockerfile>; lengths: number[] } {
  const spy = vi.spyOn(DockerfileParser, "parse");
  try {
    const model = parseDockerfile(text, options);
    return { model, lengths: spy.mock.calls.map(([t]) => t.length) };
  } finally {
    spy.mockRestore();
  }
}

describe("the instruction limit read from the file's first lines", () => {
  const limit = LIMITS.instructions;
  // The first parse of a process also installs the memos (parse-dockerfile.ts): done before any count.
  beforeAll(() => void parseDockerfile("FROM python:3.12-slim\n"));

  it("gives the whole text's model, from a prefix of it", () => {
    // Twice the limit in one-line instructions, with a heredoc and continuations to cross.
    const text = `FROM python:3.12-slim AS base\nRUN <<EOF\necho hi\nEOF\n${lines(2 * limit, (i) => (i % 7 === 0 ? `RUN echo ${i} \\\n  && true` : i % 11 === 0 ? `# c${i}` : `ENV V${i}=${i}`))}\n`;
    const { model, lengths } = parsedLengths(text);
    expect(lengths).toHaveLength(1);
    expect(lengths[0]).toBeLessThan(text.length * 0.8);
    expect(model.instructions).toHaveLength(limit);
    expect(model.diagnostics.some((d) => d.code === "limit/instructions")).toBe(true);
    expect(model).toEqual(parseDockerfile(text, { wholeText: true }));
  }, 60_000);

  it("parses the whole text when the prefix holds too few instructions (long ones)", () => {
    // Three lines an instruction: the prefix ends long before the limit.
    const text = `FROM python:3.12-slim\n${lines(limit + 5, (i) => `RUN echo ${i} \\\n  && echo more \\\n  && true`)}\n`;
    const { model, lengths } = parsedLengths(text);
    // Not tried: the first lines clearly hold fewer instructions than the limit.
    expect(lengths).toEqual([text.length]);
    expect(model.instructions).toHaveLength(limit);
    expect(model).toEqual(parseDockerfile(text, { wholeText: true }));
  }, 60_000);

  it("parses the whole text when the limit falls at the prefix's last instruction", () => {
    // A heredoc body early on makes the first lines look like more instructions than they hold, so the
    // prefix is tried; the instruction the limit stops at is its last, and runs on past the cut.
    const prefixLines = Math.ceil((limit + 2) * 1.25);
    const runs = limit - 1;
    const body = prefixLines - 3 - runs;
    const text = `FROM python:3.12-slim\nRUN <<EOF\n${lines(body, (i) => `echo ${i}`)}\nEOF\n${lines(runs, (i) => (i === runs - 1 ? `RUN echo ${i} \\` : `RUN echo ${i}`))}\n  && true\n${lines(20, (i) => `RUN echo after ${i}`)}\n`;
    const { model, lengths } = parsedLengths(text);
    expect(lengths).toHaveLength(2);
    expect(lengths.at(-1)).toBe(text.length);
    expect(model.instructions).toHaveLength(limit);
    expect(model).toEqual(parseDockerfile(text, { wholeText: true }));
  }, 60_000);

  it("leaves a file within the limit to one parse of all of it", () => {
    const text = `FROM python:3.12-slim\n${lines(limit - 1, (i) => `ENV V${i}=${i}`)}\n${lines(5_000, (i) => `# ${i}`)}\n`;
    const { model, lengths } = parsedLengths(text);
    expect(lengths).toEqual([text.length]);
    expect(model.instructions).toHaveLength(limit);
  }, 60_000);
});
