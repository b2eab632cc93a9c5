// Which Debian release a python tag that names none was last built on: the default of the day its tag
// stopped moving (its next patch release, or its minor's last one).
import { describe, expect, it } from "vitest";
import { impliedPythonSuite, pythonImageSuite } from "./python-suites";
import { parsePythonVersion } from "./python-tag";

describe("impliedPythonSuite", () => {
  it.each([
    // Next patch released after the switch to bookworm (2023-06): bookworm; before it: bullseye.
    ["3.11.4", "bookworm"], ["3.11.3", "bullseye"], ["3.10.13", "bookworm"], ["3.10.11", "bullseye"], ["3.12.1", "bookworm"],
    ["3.9.18", "bookworm"], ["3.8.17", "bookworm"], ["3.8.16", "bullseye"],
    // Next patch after the switch to trixie (2025-08): trixie.
    ["3.13.6", "trixie"], ["3.13.5", "bookworm"], ["3.12.11", "trixie"], ["3.12.10", "bookworm"], ["3.14.0", "trixie"],
    // Before bullseye (2021-08): buster.
    ["3.8.5", "buster"], ["3.9.6", "bullseye"], ["3.9.5", "buster"], ["3.7.4", "buster"],
    // Before buster (2019-07): stretch, 3.7's default from its first pre-release (docker-library/python#219).
    ["3.7.3", "stretch"], ["3.7.2", "stretch"], ["3.7.0", "stretch"],
    // Minor tags: where the minor's last image was built; a supported minor's is today's default.
    ["3.8", "bookworm"], ["3.7", "bookworm"], ["3.6", "bullseye"], ["3.9", "trixie"], ["3.12", "trixie"],
  ])("%s → %s", (text, suite) => {
    expect(impliedPythonSuite(parsePythonVersion(text))).toBe(suite);
  });

  // 3.6 started on jessie and the patch current when it moved to stretch is not known: 3.6.8 tells nothing.
  it.each(["3", "3.15.0rc1", "2.7", "3.5.2", "3.6.8", "3.7.0b1"])("%s tells nothing", (text) => {
    expect(impliedPythonSuite(parsePythonVersion(text))).toBeNull();
  });

  it("reads the suite a tag names first, and only official python images", () => {
    expect(pythonImageSuite("python:3.10.13-slim-bullseye")).toBe("bullseye");
    expect(pythonImageSuite("python:3.10.13-slim")).toBe("bookworm");
    expect(pythonImageSuite("python:3.7.3-slim")).toBe("stretch");
    expect(pythonImageSuite("docker.io/library/python:3.11.4")).toBe("bookworm");
    expect(pythonImageSuite("python:3.10.13-alpine")).toBeNull();
    expect(pythonImageSuite("example.com/python:3.10.13-slim")).toBeNull();
  });
});
