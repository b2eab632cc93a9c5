// StageFs answers lookups from indexes (by path prefix, exact path, group, category and package) instead
// of scanning every live entry. These properties pin the indexes to the plain definitions they replace:
// over random paths (unnormalised ones included), globs, groups, categories and packages, each lookup
// returns exactly what a scan would, in the order the entries were added, after removals and in a fork;
// removePyc gives what its scan gave; selectsAny and someContaining answer as select and containing do.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnder } from "./paths";
import { fsBudget, pathSelects, StageFs, type FsEntry } from "./stage-fs";

// "[a/b]" (a class holding a slash) and "[!a" (never closed) keep select on the scan it falls back to.
const SEGMENTS = ["", "a", "b", "ab", "lists", "*", "?", "[ab]", "[!a]", "[a/b]", "[!a", "**", "."] as const;

const path = fc.array(fc.constantFrom(...SEGMENTS.filter((s) => !/[*?[]/.test(s))), { minLength: 0, maxLength: 4 })
  .chain((parts) => fc.constantFrom(`/${parts.join("/")}`, `${parts.join("/")}`, `/${parts.join("/")}/`));
const pattern = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 4 })
  .chain((parts) => fc.constantFrom(`/${parts.join("/")}`, `/${parts.join("/")}/*`, parts.join("/")));
const groups = fc.subarray(["deb:gcc", "apk:.b", "venv", "app"]);

const PACKAGES = ["flask", "numpy", null] as const;
const CATEGORIES = ["system", "pipCache", "python"] as const;

function entry(p: string, g: readonly string[], n: number): FsEntry {
  return {
    path: p, bytes: n + 1, category: CATEGORIES[n % 3] ?? "system", label: `e${n}`, sources: [], pycBytes: n % 2,
    pythonPackage: PACKAGES[n % 5 % 3] ?? null, wheelFile: false, groups: g,
  };
}

function build(specs: readonly { p: string; g: readonly string[] }[]): StageFs {
  const fs = new StageFs();
  specs.forEach(({ p, g }, i) => {
    if (i % 3 === 0) fs.startLayer({ line: i + 1, instruction: "RUN", stageIndex: 0, invalidatedBySource: false, installsPackages: false });
    fs.add(entry(p, g, i));
  });
  return fs;
}

const specs = fc.array(fc.record({ p: path, g: groups }), { maxLength: 20 });

describe("StageFs lookups match a scan of the live entries", () => {
  it("select, containing and inGroups", () => {
    fc.assert(fc.property(specs, pattern, path, fc.subarray(["deb:gcc", "apk:.b", "venv"]), (s, pat, at, gs) => {
      const fs = build(s);
      const live = fs.entries();
      expect(fs.select(pat)).toEqual(live.filter((e) => pathSelects(pat, e.path)));
      expect(fs.containing(at)).toEqual(live.filter((e) => e.path !== at && isUnder(at, e.path)));
      expect(fs.selectsAny(pat)).toBe(fs.select(pat).length > 0);
      for (const test of [() => true, (e: FsEntry) => e.pycBytes > 0, (e: FsEntry) => e.groups.includes("venv")]) {
        expect(fs.someContaining(at, test)).toBe(fs.containing(at).some(test));
      }
      expect(fs.inGroups(gs)).toEqual(live.filter((e) => e.groups.some((g) => gs.includes(g))));
      expect(new Set(fs.liveGroups())).toEqual(new Set(live.flatMap((e) => e.groups)));
      expect(fs.inCategory("pipCache")).toEqual(live.filter((e) => e.category === "pipCache"));
      expect(fs.ofPackages(["numpy", "flask"])).toEqual(live.filter((e) => e.pythonPackage === "flask" || e.pythonPackage === "numpy"));
    }), { numRuns: 500 });
  });

  it("removePyc", () => {
    fc.assert(fc.property(specs, path, path, (s, first, second) => {
      const fs = build(s);
      const reference = build(s);
      // The scan it replaces: every live entry under the root or holding it, with .pyc bytes left.
      const scan = (root: string) => {
        const current = reference.current;
        let savedBytes = 0;
        const stranded: { line: number | undefined; instruction: string | undefined; bytes: number; label: string }[] = [];
        for (const e of reference.entries()) {
          if (e.pycBytes <= 0 || !(isUnder(e.path, root) || isUnder(root, e.path))) continue;
          if (current?.entries.includes(e) === true) {
            savedBytes += e.pycBytes;
            e.bytes -= e.pycBytes;
          } else {
            const owner = reference.layers.find((l) => l.entries.includes(e));
            stranded.push({ line: owner?.line, instruction: owner?.instruction, bytes: e.pycBytes, label: `${e.label} (.pyc)` });
          }
          e.pycBytes = 0;
        }
        return { savedBytes, stranded };
      };
      expect(fs.removePyc(first)).toEqual(scan(first));
      expect(fs.removePyc(second)).toEqual(scan(second));
      expect(fs.entries()).toEqual(reference.entries());
    }), { numRuns: 500 });
  });

  it("after removals, and in a forked stage", () => {
    fc.assert(fc.property(specs, pattern, pattern, (s, first, second) => {
      const fs = build(s);
      const before = fs.entries();
      const current = fs.current;
      const selected = before.filter((e) => pathSelects(first, e.path));
      // What the scan-based removal gave: a saving for the current layer's entries, the rest stranded in
      // their layer, in the order the entries were added.
      const ownLayer = (e: FsEntry) => fs.layers.find((l) => l.entries.includes(e));
      const saved = selected.filter((e) => current?.entries.includes(e) === true).reduce((sum, e) => sum + e.bytes, 0);
      const stranded = selected.filter((e) => current?.entries.includes(e) !== true)
        .map((e) => ({ line: ownLayer(e)?.line, instruction: ownLayer(e)?.instruction, bytes: e.bytes, label: e.label }));
      const removal = fs.remove(fs.select(first));
      expect(removal).toEqual({ savedBytes: saved, stranded });
      expect(fs.entries()).toEqual(before.filter((e) => !selected.includes(e)));
      expect(current?.entries.some((e) => selected.includes(e)) ?? false).toBe(false);
      // Emptied index keys stay in place (entry-index.ts): they answer as if they were gone, and fill again.
      expect(new Set(fs.liveGroups())).toEqual(new Set(fs.entries().flatMap((e) => e.groups)));
      for (const e of selected.slice(0, 3)) fs.add({ ...e, label: `${e.label} again` });
      expect(fs.select(second)).toEqual(fs.entries().filter((e) => pathSelects(second, e.path)));
      expect(fs.select(first)).toEqual(fs.entries().filter((e) => pathSelects(first, e.path)));

      const child = fs.fork();
      child.startLayer({ line: 99, instruction: "RUN", stageIndex: 1, invalidatedBySource: false, installsPackages: false });
      const inherited = child.entries();
      expect(child.select(second)).toEqual(inherited.filter((e) => pathSelects(second, e.path)));
      child.remove(child.select(second));
      expect(child.entries()).toEqual(inherited.filter((e) => !pathSelects(second, e.path)));
      expect(fs.entries()).toEqual(inherited);
    }), { numRuns: 500 });
  });

  it("replaceWithCopies leaves what remove then add leave (a chown -R copy-up)", () => {
    fc.assert(fc.property(specs, pattern, pattern, fc.boolean(), (s, first, second, relabelOnly) => {
      const [general, swapped] = [build(s), build(s)];
      for (const fs of [general, swapped]) fs.startLayer({ line: 99, instruction: "RUN chown -R", stageIndex: 0, invalidatedBySource: false, installsPackages: false });
      // A copy with other keys (another path) takes the general path inside replaceWithCopies.
      const copyOf = (e: FsEntry): FsEntry => ({ ...e, label: `${e.label} (copied up)`, ...(relabelOnly || e.bytes % 4 !== 0 ? {} : { path: `${e.path}/moved` }) });
      const chosen = (fs: StageFs) => fs.select(first).filter((e) => e.bytes > 0);
      const earlier = chosen(general);
      general.remove(earlier);
      for (const e of earlier) general.add(copyOf(e));
      swapped.replaceWithCopies(chosen(swapped), copyOf);
      const view = (fs: StageFs) => ({
        live: fs.entries(),
        layers: fs.layers.map((l) => ({ line: l.line, entries: l.entries, deletedLaterBytes: l.deletedLaterBytes })),
        selected: [fs.select(first), fs.select(second)],
        groups: [[...fs.liveGroups()], fs.inGroups(["deb:gcc", "apk:.b", "venv", "app"])],
        categories: CATEGORIES.map((c) => fs.inCategory(c)),
        packages: fs.ofPackages(["flask", "numpy"]),
        owners: fs.entries().map((e) => fs.layerOf(e)?.line),
      });
      expect(view(swapped)).toEqual(view(general));
      // And both go on alike: a later removal strands the copies in the copy-up's layer.
      swapped.startLayer({ line: 100, instruction: "RUN rm", stageIndex: 0, invalidatedBySource: false, installsPackages: false });
      general.startLayer({ line: 100, instruction: "RUN rm", stageIndex: 0, invalidatedBySource: false, installsPackages: false });
      expect(swapped.remove(swapped.select(second))).toEqual(general.remove(general.select(second)));
      expect(swapped.removePyc("/")).toEqual(general.removePyc("/"));
    }), { numRuns: 500 });
  });

  it("a package written again at its path hides the earlier one: the live entries and layers of a plain simulation", () => {
    const manyAtOnePath = fc.array(fc.record({ p: fc.constantFrom("/a", "/a/b", "/b"), g: fc.constantFrom([], ["venv"]) }), { maxLength: 30 });
    fc.assert(fc.property(manyAtOnePath, pattern, (s, pat) => {
      const fs = build(s);
      // The simulation: each layer lists what it added, less what an entry of the same layer hid.
      let live: FsEntry[] = [];
      const layers: FsEntry[][] = [];
      s.forEach(({ p, g }, i) => {
        if (i % 3 === 0) layers.push([]);
        const e = entry(p, g, i);
        const hides = (x: FsEntry) => e.pythonPackage !== null && x.path === e.path && x.pythonPackage === e.pythonPackage && x.wheelFile === e.wheelFile;
        const layer = layers.at(-1) ?? [];
        layers[layers.length - 1] = [...layer.filter((x) => !(hides(x) && live.includes(x))), e];
        live = [...live.filter((x) => !hides(x)), e];
      });
      expect(fs.entries().map((e) => e.label)).toEqual(live.map((e) => e.label));
      expect(fs.layers.map((l) => l.entries.map((e) => e.label))).toEqual(layers.map((l) => l.map((e) => e.label)));
      expect(fs.select(pat)).toEqual(live.filter((e) => pathSelects(pat, e.path)));
      expect(fs.ofPackages(["flask", "numpy"])).toEqual(live.filter((e) => e.pythonPackage !== null));
      expect(fs.inGroups(["venv"])).toEqual(live.filter((e) => e.groups.includes("venv")));
      expect(fs.entries().map((e) => fs.layerOf(e)?.line)).toEqual(live.map((e) => layers.findIndex((l) => l.includes(e)) * 3 + 1));
    }), { numRuns: 500 });
  });
});

describe("the filesystem budget (LIMITS.fsEntryLevels)", () => {
  const layer = { line: 1, instruction: "RUN x", stageIndex: 0, invalidatedBySource: false, installsPackages: false };

  it("an entry costs one unit per level of its path, a fork what it copies; past the budget nothing is added", () => {
    const budget = fsBudget(12);
    const fs = new StageFs(undefined, budget);
    fs.startLayer(layer);
    fs.add(entry("/a/b", [], 0)); // "", "/a", "/a/b": 3 units
    fs.add(entry("/c", [], 1)); // "", "/c": 2
    expect(budget).toEqual({ remaining: 7, limited: null });
    fs.remove(fs.select("/c")); // not refunded: the removed entry stays in its layer
    expect(budget.remaining).toBe(7);
    const child = fs.fork(); // copies the indexes of /a/b: 3
    expect(budget.remaining).toBe(4);
    child.startLayer(layer);
    child.add(entry("/d/e/f", [], 2)); // 4 units: exactly what is left
    expect(budget).toEqual({ remaining: 0, limited: null });
    child.add(entry("/g", [], 3));
    expect(budget.limited).toBe("entries");
    expect(child.entries().map((e) => e.path)).toEqual(["/a/b", "/d/e/f"]);
  });

  it("a long path costs its levels once per 256 characters (each level's key is hashed)", () => {
    const budget = fsBudget(100);
    const fs = new StageFs(undefined, budget);
    fs.startLayer(layer);
    fs.add(entry(`/${"a".repeat(255)}`, [], 0)); // 2 levels, 256 characters: 2 units
    fs.add(entry(`/b/${"a".repeat(300)}`, [], 1)); // 3 levels, 303 characters: 3 × 2
    expect(budget.remaining).toBe(100 - 2 - 6);
  });

  it("a path past PATH_MAX is not added", () => {
    const budget = fsBudget();
    const fs = new StageFs(undefined, budget);
    fs.startLayer(layer);
    fs.add(entry(`/${"a".repeat(5000)}`, [], 0));
    expect(budget.limited).toBe("path");
    expect(fs.entries()).toEqual([]);
  });
});
