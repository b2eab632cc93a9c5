import { describe, expect, it } from "vitest";
import { distroOfTag, formatImageRef, parseImageRef } from "./image-ref";

const SHA = `sha256:${"0123456789abcdef".repeat(4)}`;

describe("parseImageRef", () => {
  it.each([
    { name: "official image with tag", text: "python:3.12-slim", ref: { registry: null, repository: "python", tag: "3.12-slim", digest: null } },
    { name: "no tag", text: "python", ref: { registry: null, repository: "python", tag: null, digest: null } },
    { name: "docker.io/library prefix", text: "docker.io/library/python:3.13", ref: { registry: null, repository: "python", tag: "3.13", digest: null } },
    { name: "index.docker.io", text: "index.docker.io/library/alpine", ref: { registry: null, repository: "alpine", tag: null, digest: null } },
    { name: "hub user image keeps its namespace", text: "docker.io/bitnami/python:3.12", ref: { registry: null, repository: "bitnami/python", tag: "3.12", digest: null } },
    { name: "library/ without registry", text: "library/python:3.12", ref: { registry: null, repository: "python", tag: "3.12", digest: null } },
    {
      name: "ghcr with tag and digest",
      text: `ghcr.io/astral-sh/uv:python3.12-bookworm-slim@${SHA}`,
      ref: { registry: "ghcr.io", repository: "astral-sh/uv", tag: "python3.12-bookworm-slim", digest: SHA },
    },
    { name: "digest only", text: `python@${SHA}`, ref: { registry: null, repository: "python", tag: null, digest: SHA } },
    { name: "registry with port", text: "localhost:5000/x:1", ref: { registry: "localhost:5000", repository: "x", tag: "1", digest: null } },
    { name: "localhost without port", text: "localhost/app", ref: { registry: "localhost", repository: "app", tag: null, digest: null } },
    {
      name: "nested path",
      text: "gcr.io/distroless/python3-debian12:nonroot",
      ref: { registry: "gcr.io", repository: "distroless/python3-debian12", tag: "nonroot", digest: null },
    },
    { name: "surrounding blanks", text: "  alpine:3.24 ", ref: { registry: null, repository: "alpine", tag: "3.24", digest: null } },
    { name: "stage-like name parses as a repository", text: "builder", ref: { registry: null, repository: "builder", tag: null, digest: null } },
  ])("$name", ({ text, ref }) => {
    expect(parseImageRef(text)).toEqual(ref);
  });

  it.each([
    { name: "unresolved ${VAR}", text: "python:${PYTHON_VERSION}-slim" },
    { name: "unresolved $VAR", text: "$BASE_IMAGE" },
    { name: "empty", text: "" },
    { name: "uppercase repository", text: "Python:3.12" },
    { name: "bad tag", text: "python:-slim" },
    { name: "bad digest", text: "python@sha256:xyz" },
    { name: "two digests", text: `python@${SHA}@${SHA}` },
    { name: "space inside", text: "python 3.12" },
    { name: "trailing slash", text: "ghcr.io/astral-sh/" },
  ])("rejects $name", ({ text }) => {
    expect(parseImageRef(text)).toBeNull();
  });
});

describe("formatImageRef", () => {
  it.each([
    { name: "hub", text: "docker.io/library/python:3.12", out: "python:3.12" },
    { name: "registry, tag and digest", text: `ghcr.io/astral-sh/uv:0.11.32@${SHA}`, out: `ghcr.io/astral-sh/uv:0.11.32@${SHA}` },
    { name: "port", text: "localhost:5000/x:1", out: "localhost:5000/x:1" },
    { name: "no tag", text: "python", out: "python" },
  ])("$name round-trips to its canonical text", ({ text, out }) => {
    const ref = parseImageRef(text);
    expect(ref === null ? null : formatImageRef(ref)).toBe(out);
  });
});

describe("distroOfTag", () => {
  it.each([
    { tag: "12.1.0-runtime-ubuntu22.04", expected: { family: "ubuntu", distro: "jammy" } },
    { tag: "12.6.2-cudnn-devel-ubuntu24.04", expected: { family: "ubuntu", distro: "noble" } },
    { tag: "focal", expected: { family: "ubuntu", distro: "focal" } },
    { tag: "jammy-scm", expected: { family: "ubuntu", distro: "jammy" } },
    { tag: "24-trixie-slim", expected: { family: "debian", distro: "trixie" } },
    { tag: "20_Bookworm", expected: { family: "debian", distro: "bookworm" } },
  ])("$tag → $expected.distro", ({ tag, expected }) => {
    expect(distroOfTag(tag)).toEqual(expected);
  });

  it.each([null, "latest", "1", "2.3.0-cuda12.1-cudnn8-runtime", "ubuntu23.10", "22-alpine", "bookwormish"])("%s names none", (tag) => {
    expect(distroOfTag(tag)).toBeNull();
  });
});
