// A text the rewrite guard parsed is not parsed again by the analysis that follows (one parse per text),
// and a cached model is the model a fresh parse gives.
import { describe, expect, it, vi } from "vitest";
import { analyze } from "../analyze";
import { LIMITS } from "../limits";
import { staysWithinLimits } from "../rules/support/safe-rewrites";
import { parseDockerfileCached } from "./parse-cache";
import * as parser from "./parse-dockerfile";

describe("parseDockerfileCached", () => {
  it("gives the model of a fresh parse, and the same model for the same text", () => {
    const text = "FROM python:3.12\nRUN pip install flask\n";
    const model = parseDockerfileCached(text);
    expect(model).toEqual(parser.parseDockerfile(text));
    expect(parseDockerfileCached(`${text}`)).toBe(model);
    expect(parseDockerfileCached("FROM python:3.12-slim\n")).not.toBe(model);
  });

  it("keeps the last two texts only", () => {
    const texts = ["FROM a\n", "FROM b\n", "FROM c\n"];
    const models = texts.map((t) => parseDockerfileCached(t));
    expect(parseDockerfileCached("FROM c\n")).toBe(models[2]);
    expect(parseDockerfileCached("FROM b\n")).toBe(models[1]);
    expect(parseDockerfileCached("FROM a\n")).not.toBe(models[0]);
  });

  it("a rewrite near the instruction limit is parsed once for the guard and the analysis together", () => {
    // Near the limit, the guard cannot rule a crossing out by counting and parses the rewritten text.
    const before = `FROM python:3.12-slim\n${"ENV A=1\n".repeat(LIMITS.instructions - 5)}`;
    const model = parseDockerfileCached(before);
    const edits = [{ start: before.length, end: before.length, text: "RUN pip install flask\n" }];
    const spy = vi.spyOn(parser, "parseDockerfile");
    expect(staysWithinLimits(model, { id: "x", title: "x", reason: "x", edits: [{ file: "dockerfile", edits }] })).toBe(true);
    analyze({ dockerfile: `${before}RUN pip install flask\n`, requirements: [], dockerignore: null });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  }, 60_000);
});
