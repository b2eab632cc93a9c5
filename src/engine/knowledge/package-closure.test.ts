import { describe, expect, it } from "vitest";
import { resolvePackageClosure, type ClosureRequest } from "./package-closure";
import { withTestTable } from "./test-table";
import type { Platform } from "./wheel-tags";

const py312: Platform = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 41 };
const py39: Platform = { ...py312, python: "3.9" };

const req = (name: string, extras: string[] = [], specifier: string | null = null, marker: string | null = null): ClosureRequest => ({ name, specifier, extras, marker });

describe("resolvePackageClosure over a hand-made table", () => {
  withTestTable();

  it.each([
    { name: "dependencies, each once (web → helper → web is a cycle)", requests: [req("web")], platform: py312, names: ["web", "helper"], unknown: ["ghost"] },
    { name: "a marker for an older Python pulls the backport in", requests: [req("web")], platform: py39, names: ["web", "helper", "old-backport"], unknown: ["ghost"] },
    { name: "an extra pulls its deps and its own list", requests: [req("web", ["speed"])], platform: py312, names: ["web", "helper", "fast", "turbo"], unknown: ["ghost"] },
    { name: "a package reached twice with a new extra is expanded for it", requests: [req("helper"), req("web", ["speed"])], platform: py312, names: ["helper", "web", "fast", "turbo"], unknown: ["ghost"] },
    // web 2.0's data declares no [speed] (a lock records an extra only where a project asked for it): 2.1's stands in.
    { name: "an extra the chosen version does not declare: the newest version's that does", requests: [req("web", ["speed"], "==2.0")], platform: py312, names: ["web", "helper", "fast", "turbo"], unknown: ["ghost"] },
    { name: "a dependency's third field is an extra asked of it: app → web[speed]", requests: [req("app")], platform: py312, names: ["app", "web", "helper", "fast", "turbo"], unknown: ["ghost"] },
    { name: "a requirement whose marker fails is not installed", requests: [req("web", [], null, "sys_platform == 'win32'"), req("turbo")], platform: py312, names: ["turbo"], unknown: [] },
    { name: "half of a resolution fork (darwin only here, unconditional in 1.0) is still a dependency; win32-only stays out", requests: [req("forked")], platform: py312, names: ["forked", "turbo"], unknown: [] },
    { name: "half of a fork by Python minor (all but 3.12 x86_64 Linux) still applies on 3.12 x86_64 Linux", requests: [req("minorfork")], platform: py312, names: ["minorfork", "turbo"], unknown: [] },
    { name: "unknown names are listed, not thrown on", requests: [req("nope"), req("Nope")], platform: py312, names: [], unknown: ["nope"] },
  ])("$name", ({ requests, platform, names, unknown }) => {
    const closure = resolvePackageClosure(requests, platform);
    expect(closure.packages.map((p) => p.name)).toEqual(names);
    expect(closure.unknown).toEqual(unknown);
  });

  it("the requested specifier chooses the version, dependencies get the newest", () => {
    const closure = resolvePackageClosure([req("web", [], "==1.0")], py312);
    expect(closure.packages.map((p) => `${p.name} ${p.version.version}`)).toEqual(["web 1.0", "helper 1.0"]);
  });

  it("a package already installed is listed, but what it requires is not followed", () => {
    // web requires helper and ghost: kept as installed, it brings neither again; helper asked for by name still comes.
    expect(resolvePackageClosure([req("web")], py312, new Set(["web"])).packages.map((p) => p.name)).toEqual(["web"]);
    expect(resolvePackageClosure([req("web"), req("helper")], py312, new Set(["web"])).packages.map((p) => p.name)).toEqual(["web", "helper"]);
  });
});
