// uv's own image in the size model: the binaries uv's Docker guide copies (or builds on) are weighed as
// uv's wheel installed, at the release the tag names.
import { describe, expect, it } from "vitest";
import { findPackage, parseImageRef, uvImage } from "../knowledge";
import { packageCost } from "./python-sizes";
import { baseRow, estimate } from "./test-support";

/** uv at `specifier` as the estimate weighs the image's binaries (the musllinux wheel, installed). */
function uvBytes(specifier: string | null): number {
  const platform = { python: "3.12", libc: "musl", arch: "x86_64", glibcMinor: null } as const;
  const cost = packageCost("uv", { libc: "musl", compile: false, installer: "pip", platform, specifier });
  expect(cost.unknown).toBe(false);
  return cost.installedBytes;
}

function layerAt(dockerfile: string, line: number) {
  const result = estimate(dockerfile);
  const layer = result.layers.find((l) => l.line === line);
  if (layer === undefined) throw new Error(`no layer at line ${line}`);
  return { result, layer };
}

describe("uvImage", () => {
  it.each([
    ["ghcr.io/astral-sh/uv:0.9.5", { version: "0.9.5", binDir: "/" }],
    ["ghcr.io/astral-sh/uv:0.9", { version: "0.9", binDir: "/" }],
    ["ghcr.io/astral-sh/uv:latest", { version: null, binDir: "/" }],
    ["ghcr.io/astral-sh/uv", { version: null, binDir: "/" }],
    ["ghcr.io/astral-sh/uv:python3.12-bookworm-slim", { version: null, binDir: "/usr/local/bin" }],
    ["ghcr.io/astral-sh/uv:0.9.5-python3.12-alpine", { version: "0.9.5", binDir: "/usr/local/bin" }],
    ["ghcr.io/astral-sh/uv:bookworm-slim", { version: null, binDir: "/usr/local/bin" }],
    ["python:3.12-slim", null],
    ["docker.io/astral/uv:0.9.5", null],
  ])("%s", (ref, expected) => {
    const parsed = parseImageRef(ref);
    expect(parsed).not.toBeNull();
    expect(parsed === null ? undefined : uvImage(parsed)).toEqual(expected);
  });
});

describe("uv's binaries in the estimate", () => {
  it("COPY --from=ghcr.io/astral-sh/uv:<version> weighs that release's binaries, on uv", () => {
    const { result, layer } = layerAt("FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /uvx /bin/\n", 2);
    // 0.9.5 is in the harvested table: the number is its wheel's, not the newest release's.
    expect(findPackage("uv", "==0.9.5", { python: "3.12", libc: "musl", arch: "x86_64", glibcMinor: null })?.version.version).toBe("0.9.5");
    expect(uvBytes("==0.9.5")).not.toBe(uvBytes(null));
    expect(layer.bytes).toBe(uvBytes("==0.9.5"));
    expect(layer.items.map((i) => [i.path, i.label])).toEqual([["/bin/uv", "uv 0.9.5 binary"], ["/bin/uvx", "uvx launcher (weighed with uv)"]]);
    expect(layer.items[0]?.sources.map((s) => s.key)).toEqual(["uv-binary", "uv"]);
    expect(result.assumptions.map((a) => a.id)).toContain("uv-binary");
    expect(result.warnings.filter((w) => w.code === "copy-from-image")).toEqual([]);
    expect(result.totalBytes).toBe(baseRow("python:3.12-slim").diskBytes + uvBytes("==0.9.5"));
  });

  it("a tag naming a minor weighs the newest release of it; latest the newest of all", () => {
    expect(layerAt("FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.7 /uv /bin/\n", 2).layer.bytes).toBe(uvBytes("==0.7.*"));
    expect(layerAt("FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n", 2).layer.bytes).toBe(uvBytes(null));
    expect(uvBytes("==0.7.*")).toBeLessThan(uvBytes(null));
  });

  it("a release the table lacks is weighed as the nearest it holds, and says so", () => {
    const { layer } = layerAt("FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/\n", 2);
    expect(layer.bytes).toBe(uvBytes("==0.5.11"));
    expect(layer.items[0]?.sources.some((s) => (s.note ?? "").includes("stands in for uv==0.5.11"))).toBe(true);
  });

  it("a stage on the bare image holds the binaries at /, and a copy of one takes its bytes", () => {
    const dockerfile = "FROM ghcr.io/astral-sh/uv:0.9.5 AS uv\nFROM python:3.12-slim\nCOPY --from=uv /uv /bin/uv\n";
    const { result, layer } = layerAt(dockerfile, 3);
    expect(layer.items.map((i) => i.path)).toEqual(["/bin/uv"]);
    expect(layer.bytes).toBe(uvBytes("==0.9.5"));
    expect(result.warnings.map((w) => w.code)).not.toContain("unknown-base-image");
    expect(result.warnings.map((w) => w.code)).not.toContain("copy-from-base");
    expect(result.totalBytes).toBe(baseRow("python:3.12-slim").diskBytes + uvBytes("==0.9.5"));
  });

  it("an image built on python carries the binaries in /usr/local/bin on top of that python image", () => {
    const { result, layer } = layerAt("FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\n", 1);
    expect(layer.items.map((i) => i.path)).toEqual(["/", "/usr/local/bin/uv", "/usr/local/bin/uvx"]);
    expect(result.totalBytes).toBe(baseRow("python:3.12-slim-bookworm").diskBytes + uvBytes(null));
  });

  it("a path the image does not hold is not counted and is said so", () => {
    const { result, layer } = layerAt("FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /usr/bin/uv /bin/\n", 2);
    expect(layer.bytes).toBe(0);
    expect(result.warnings.map((w) => [w.code, w.line])).toContainEqual(["copy-from-image", 2]);
  });
});
