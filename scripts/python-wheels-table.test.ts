// The wheel table's exact pins (exactPins): the version of a pinned dependency that lock files locked beside
// each version of its parent, over synthetic rows so every expected version is read off them.
import { describe, expect, it } from "vitest";
import { exactPins, type RawWheelRow } from "./python-wheels-table";

const compare = (a: string, b: string): number => {
  const parts = (v: string) => v.replace(/\+.*$/, "").split(".").map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return a.includes("+") === b.includes("+") ? 0 : a.includes("+") ? 1 : -1;
};

function row(name: string, version: string, deps: string[], sources: string[]): RawWheelRow {
  return { name, version, deps: deps.map((d) => [d, null, null]), extras: {}, sdist: null, wheels: [], seen: sources.length, sources };
}

const pinsOf = (rows: RawWheelRow[], name: string, version: string) => Object.fromEntries(exactPins(rows, compare).get(`${name}\0${version}`) ?? []);

describe("exactPins", () => {
  it("takes the version locked beside the parent, the most locked one when a lock forked", () => {
    const rows = [
      row("torch", "2.6.0", ["nvidia-cublas-cu12", "filelock"], ["a:uv.lock", "b:uv.lock"]),
      row("nvidia-cublas-cu12", "12.4.5.8", [], ["a:uv.lock", "b:uv.lock"]),
      row("nvidia-cublas-cu12", "12.9.1.4", [], ["b:uv.lock", "c:uv.lock"]),
      row("filelock", "3.18.0", [], ["a:uv.lock"]),
    ];
    // filelock is a range in torch's metadata, not a pin: it stays unpinned (pip takes the newest).
    expect(pinsOf(rows, "torch", "2.6.0")).toEqual({ "nvidia-cublas-cu12": "12.4.5.8" });
  });

  it("borrows the nearest version's pin of the same build where no lock file had both", () => {
    const rows = [
      row("torch", "2.5.1", ["nvidia-cublas-cu12"], ["x:uv.lock"]),
      row("torch", "2.5.1+cu121", ["nvidia-cublas-cu12"], ["y:uv.lock"]),
      row("torch", "2.6.0", ["nvidia-cublas-cu12"], ["z:uv.lock"]),
      row("torch", "2.8.0", ["nvidia-cublas-cu12"], ["w:uv.lock"]),
      row("nvidia-cublas-cu12", "12.1.3.1", [], ["y:uv.lock"]),
      row("nvidia-cublas-cu12", "12.4.5.8", [], ["z:uv.lock"]),
      row("nvidia-cublas-cu12", "12.8.4.1", [], ["w:uv.lock"]),
    ];
    // 2.5.1+cu121 sorts next to 2.5.1 but is another build (CUDA 12.1): 2.6.0, the nearest plain release, lends its pin.
    expect(pinsOf(rows, "torch", "2.5.1")).toEqual({ "nvidia-cublas-cu12": "12.4.5.8" });
    expect(pinsOf(rows, "torch", "2.5.1+cu121")).toEqual({ "nvidia-cublas-cu12": "12.1.3.1" });
  });

  it("pins torch under torchvision and torchaudio with the parent's build label", () => {
    const rows = [
      row("torchvision", "0.25.0+cpu", ["torch", "numpy"], ["a:uv.lock"]),
      row("torchvision", "0.25.0", ["torch", "numpy"], ["b:uv.lock"]),
      row("torchaudio", "2.5.1", ["torch"], ["c:uv.lock"]),
      row("torch", "2.10.0+cpu", [], ["a:uv.lock", "b:uv.lock"]),
      row("torch", "2.5.1", [], ["d:uv.lock"]),
      row("torch", "2.6.0", [], ["c:uv.lock"]),
    ];
    expect(pinsOf(rows, "torchvision", "0.25.0+cpu")).toEqual({ torch: "2.10.0+cpu" });
    // PyPI's torchvision pins `torch==2.10.0`, which any build of 2.10.0 satisfies.
    expect(pinsOf(rows, "torchvision", "0.25.0")).toEqual({ torch: "2.10.0" });
    // torchaudio's number is torch's: 2.5.1 pins 2.5.1, though its lock file (a fork) held 2.6.0.
    expect(pinsOf(rows, "torchaudio", "2.5.1")).toEqual({ torch: "2.5.1" });
  });
});
