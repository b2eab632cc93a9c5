// A Python package's entry written again at the same path hides the earlier one (overlayfs: the later
// file is the one the stage sees, the earlier bytes stay in their layer). Regression for issue 14's fuzz
// case 1699 of `--cases 100000 --seed 100` (12 s of CPU): ~1,190 repeats of `COPY --from=builder … /wheels`
// and `pip install /wheels/*` kept every copy live, so each install's glob select returned every earlier
// copy — quadratic. The measures are counters (entries `select` returns, `globMatch` calls), not timers.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as glob from "./glob";
import { StageFs, type FsEntry } from "./stage-fs";
import { estimate } from "./test-support";

/** Case 1699's minimised shape: a builder that makes wheels, then COPY + install pairs repeated. */
function repeatedCopies(pairs: number): string {
  return [
    "FROM python:3.12-slim AS builder",
    "WORKDIR /usr/src/app",
    "RUN pip wheel -w /usr/src/app/wheels flask",
    "FROM python:3.12-slim",
    ...Array.from({ length: pairs }, () => ["COPY --from=builder /usr/src/app/wheels /wheels", "RUN pip install --no-cache /wheels/*"]).flat(),
  ].join("\n");
}

function work(pairs: number): { selected: number; globCalls: number; total: number } {
  const select = vi.spyOn(StageFs.prototype, "select");
  const globMatch = vi.spyOn(glob, "globMatch");
  const total = estimate(repeatedCopies(pairs)).totalBytes;
  const selected = select.mock.results.reduce((sum, r) => sum + (Array.isArray(r.value) ? r.value.length : 0), 0);
  const globCalls = globMatch.mock.calls.length;
  vi.restoreAllMocks();
  return { selected, globCalls, total };
}

describe("repeated COPY of a wheel directory", () => {
  afterEach(() => vi.restoreAllMocks());

  it("selects and matches linearly in the number of COPY + install pairs", () => {
    const small = work(100);
    const large = work(200);
    // Linear work doubles with the pairs (plus a constant for the builder); quadratic work quadruples.
    expect(large.selected).toBeLessThanOrEqual(2 * small.selected + 20);
    expect(large.globCalls).toBeLessThanOrEqual(2 * small.globCalls + 20);
  }, 60_000);

  it("still counts every copy's bytes in its layer", () => {
    // Each COPY layer stores the wheels again (the earlier copy stays in the lower layer), and the
    // installs after the first find flask installed: 100 more pairs add exactly 100 more copies.
    const one = estimate(repeatedCopies(1)).totalBytes;
    const two = estimate(repeatedCopies(2)).totalBytes;
    const hundred = estimate(repeatedCopies(100)).totalBytes;
    expect(two).toBeGreaterThan(one);
    expect(hundred - one).toBe(99 * (two - one));
  }, 60_000);
});

function layer(fs: StageFs, line: number): void {
  fs.startLayer({ line, instruction: "RUN", stageIndex: 0, invalidatedBySource: false, installsPackages: false });
}

function wheel(path: string, bytes: number, label: string): FsEntry {
  return { path, bytes, category: "python", label, sources: [], pycBytes: 0, pythonPackage: "flask", wheelFile: true, groups: [] };
}

function cache(bytes: number, label: string): FsEntry {
  return { path: "/root/.cache/pip", bytes, category: "pipCache", label, sources: [], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [] };
}

/** A stage whose layer 1 writes flask's wheel at /w/flask.whl ("first") and layer 2 writes it again ("second"). */
function overwrittenInLayer2(): StageFs {
  const fs = new StageFs();
  layer(fs, 1);
  fs.add(wheel("/w/flask.whl", 10, "first"));
  layer(fs, 2);
  fs.add(wheel("/w/flask.whl", 10, "second"));
  return fs;
}

describe("StageFs: one visible entry per package path", () => {
  it("a later layer's write hides the earlier one, whose bytes stay in its layer", () => {
    const fs = overwrittenInLayer2();
    expect(fs.select("/w/*").map((e) => e.label)).toEqual(["second"]);
    expect(fs.layers.map((l) => l.entries.map((e) => e.label))).toEqual([["first"], ["second"]]);
  });

  it("a later rm strands the visible copy only: the hidden one was not deleted, it was overwritten", () => {
    const fs = overwrittenInLayer2();
    layer(fs, 3);
    const removal = fs.remove(fs.select("/w"));
    expect(removal.stranded).toEqual([{ line: 2, instruction: "RUN", bytes: 10, label: "second" }]);
    expect(fs.layers.map((l) => l.deletedLaterBytes)).toEqual([0, 10, 0]);
    expect(fs.entries()).toEqual([]);
  });

  it("a write again in the same layer stores the path once, and an rm there saves it", () => {
    const fs = new StageFs();
    layer(fs, 1);
    fs.add(wheel("/w/flask.whl", 10, "first"));
    fs.add(wheel("/w/flask.whl", 12, "second"));
    expect(fs.layers[0]?.entries.map((e) => e.label)).toEqual(["second"]);
    expect(fs.remove(fs.select("/w/flask.whl")).savedBytes).toBe(12);
    expect(fs.layers[0]?.entries).toEqual([]);
  });

  it("a hidden entry does not come back when the one hiding it is removed", () => {
    const fs = overwrittenInLayer2();
    fs.remove(fs.select("/w/flask.whl"));
    expect(fs.select("/w")).toEqual([]);
  });

  it.each([
    { name: "a cache directory", make: cache },
    { name: "an installed package and a wheel at one path", make: (bytes: number, label: string) => ({ ...wheel("/root/.cache/pip", bytes, label), wheelFile: label === "first" }) },
  ])("$name: entries that do not stand for the same package stay side by side", ({ make }) => {
    // A pip cache is a directory each install adds to: a later rm strands every layer's part of it.
    const fs = new StageFs();
    layer(fs, 1);
    fs.add(make(5, "first"));
    layer(fs, 2);
    fs.add(make(7, "second"));
    layer(fs, 3);
    expect(fs.remove(fs.select("/root/.cache/pip")).stranded.map((s) => s.label)).toEqual(["first", "second"]);
  });
});
