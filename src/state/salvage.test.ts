import { describe, expect, it } from "vitest";
import { toWire } from "../permalink/codec";
import type { SharedState } from "../permalink/shared-state";
import { MAX_SAVED_PATH, readSaved, repairTruncatedJson } from "./salvage";

const STATE: SharedState = {
  dockerfile: "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
  requirements: [{ path: "requirements.txt", text: "flask==3.0.0\n" }, { path: "requirements/dev.txt", text: "pytest\n" }],
  projectFiles: [],
  dockerignore: ".git\n",
  decisions: { "size/base-variant": { action: "skip" } },
  selectedStep: null,
  contextBytes: 1_000,
  arch: null,
  packageSizes: {},
  tablesVersion: "2026-11-28.1df28aba",
};
const JSON_TEXT = JSON.stringify(toWire(STATE));

describe("repairTruncatedJson", () => {
  it.each([
    { name: "intact", text: '{"a":[1,2],"b":"x"}', expected: { a: [1, 2], b: "x" } },
    { name: "cut inside a string value: the string is closed there", text: '{"d":"FROM pyth', expected: { d: "FROM pyth" } },
    { name: "cut inside a key: the pair is dropped", text: '{"d":"x","r', expected: { d: "x" } },
    { name: "cut after a colon", text: '{"d":"x","r":', expected: { d: "x" } },
    { name: "cut after a comma in an array", text: '{"r":[["a","b"],', expected: { r: [["a", "b"]] } },
    { name: "cut inside a nested pair", text: '{"r":[["requirements.txt","flask\\npyt', expected: { r: [["requirements.txt", "flask\npyt"]] } },
    { name: "cut inside an escape", text: '{"d":"a\\', expected: { d: "a" } },
    { name: "cut inside a unicode escape", text: '{"d":"a\\u00', expected: { d: "a" } },
    { name: "an escaped backslash is complete", text: '{"d":"a\\\\', expected: { d: "a\\" } },
    { name: "cut inside a number: the number is dropped", text: '{"d":"x","c":12', expected: { d: "x" } },
  ])("$name", ({ text, expected }) => {
    expect(repairTruncatedJson(text)).toEqual(expected);
  });

  it("gives up on text that is no JSON at all", () => {
    expect(repairTruncatedJson("hello")).toBeUndefined();
  });

  it("is linear: a 2 MB cut string is repaired in well under a second", () => {
    const text = `{"d":"${"a\\n".repeat(700_000)}`;
    const started = performance.now();
    const value = repairTruncatedJson(text) as { d: string };
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(value.d.length).toBe(1_400_000);
  });
});

describe("readSaved", () => {
  it("reads an intact save with no problems", () => {
    const { tablesVersion: _t, ...saved } = STATE;
    expect(readSaved(JSON_TEXT)).toEqual({ state: saved, problems: [] });
  });

  it.each(
    // Every cut point in the Dockerfile and the requirements keeps the Dockerfile's start.
    [0.2, 0.35, 0.5, 0.65, 0.8, 0.95].map((fraction) => ({ fraction, cut: JSON_TEXT.slice(0, Math.floor(JSON_TEXT.length * fraction)) })),
  )("a save cut at $fraction of its length keeps what it holds", ({ cut }) => {
    const read = readSaved(cut);
    expect(read).not.toBeNull();
    expect(read?.problems.join()).toContain("cut short");
    // What is there is a prefix of the original text, never something else.
    expect(STATE.dockerfile.startsWith(read?.state.dockerfile ?? "?")).toBe(true);
  });

  it("keeps 33 requirements files, more than a link may hold", () => {
    const files = Array.from({ length: 33 }, (_, i): [string, string] => [`requirements/r${i}.txt`, `pkg${i}\n`]);
    const read = readSaved(JSON.stringify({ t: "x", d: "FROM python:3.12\n", r: files }));
    expect(read?.state.requirements).toHaveLength(33);
    expect(read?.problems).toEqual([]);
  });

  it("shortens a path longer than PATH_MAX and says so", () => {
    const read = readSaved(JSON.stringify({ t: "x", d: "FROM python:3.12\n", r: [["a".repeat(MAX_SAVED_PATH + 10), "flask\n"]] }));
    expect(read?.state.requirements[0]).toEqual({ path: "a".repeat(MAX_SAVED_PATH), text: "flask\n" });
    expect(read?.problems.join()).toContain("shortened");
  });

  it.each([
    { name: "a file that is not a pair", r: [["requirements.txt", "flask\n"], "junk", 5], kept: 1, problem: "2 requirements files could not be read" },
    { name: "a file without a name", r: [["", "flask\n"]], kept: 1, problem: "recovered-1.txt" },
  ])("salvages around $name", ({ r, kept, problem }) => {
    const read = readSaved(JSON.stringify({ t: "x", d: "FROM python:3.12\n", r }));
    expect(read?.state.requirements).toHaveLength(kept);
    expect(read?.problems.join()).toContain(problem);
  });

  it("keeps the texts when a setting is invalid, and drops only the setting", () => {
    const read = readSaved(JSON.stringify({ t: "x", d: "FROM python:3.12\n", a: "riscv64", c: -5, x: { "size/apt-lists": "maybe", "size/multistage": "-" } }));
    expect(read?.state).toMatchObject({ dockerfile: "FROM python:3.12\n", arch: null, contextBytes: null, decisions: { "size/multistage": { action: "skip" } } });
  });

  it("recovers requirements when the Dockerfile is unreadable, and says so", () => {
    const read = readSaved(JSON.stringify({ d: 42, r: [["requirements.txt", "flask\n"]] }));
    expect(read?.state).toMatchObject({ dockerfile: "", requirements: [{ path: "requirements.txt", text: "flask\n" }] });
    expect(read?.problems.join()).toContain("Dockerfile was unreadable");
  });

  it.each(["", "null", "42", '"text"', '{"d":42}', "[1,2", "not json"])("finds no text in %j", (raw) => {
    expect(readSaved(raw)).toBeNull();
  });
});
