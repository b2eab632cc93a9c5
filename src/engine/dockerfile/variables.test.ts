import { describe, expect, it } from "vitest";
import { substituteVariables } from "./variables";

const vars = new Map([
  ["PY", "3.12"],
  ["EMPTY", ""],
]);

describe("substituteVariables", () => {
  it.each([
    { name: "braced", text: "python:${PY}-slim", value: "python:3.12-slim", unresolved: [] },
    { name: "bare", text: "python:$PY", value: "python:3.12", unresolved: [] },
    { name: "default when unset", text: "python:${NOPE:-3.11}", value: "python:3.11", unresolved: [] },
    { name: "colon default when empty", text: "${EMPTY:-x}", value: "x", unresolved: [] },
    { name: "dash default keeps empty", text: "${EMPTY-x}", value: "", unresolved: [] },
    { name: "alternative when set", text: "${PY:+yes}", value: "yes", unresolved: [] },
    { name: "alternative when unset", text: "${NOPE:+yes}", value: "", unresolved: [] },
    { name: "unresolved", text: "${FROM}", value: "", unresolved: ["FROM"] },
    { name: "no variables", text: "alpine:3.20", value: "alpine:3.20", unresolved: [] },
  ])("$name", ({ text, value, unresolved }) => {
    expect(substituteVariables(text, vars)).toEqual({ value, unresolved, limited: false });
  });
});
