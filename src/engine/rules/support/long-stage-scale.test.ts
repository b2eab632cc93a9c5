// Rules over one long stage stay linear in it (issue 14's `bulk` fuzz class: a file's own lines repeated to
// thousands of instructions). Two walks were quadratic: security/non-root-user resolved every earlier
// COPY's destination (each from a fresh WORKDIR walk) for every `chown -R` (25 s of CPU on fuzz case 47 of
// `--cases 400 --seed 7`), environmentAt re-walked the stage for every RUN a cache-mount rule reads, and
// size/multistage looked up the PATH before each install from the stage's start (case 51: ~1.4 s a detect).
// Measured with counters, not timers: doubling the stage must at most double the work.
import { describe, expect, it, vi } from "vitest";
import { analyze, type Analysis } from "../../analyze";
import type { Stage } from "../../dockerfile/model";
import * as paths from "../../estimate/paths";
import { multistage } from "../multistage";
import { nonRootUser } from "../non-root-user";
import { environmentAt } from "./cache-mounts";

function analysisOf(lines: readonly string[], repeats: number): Analysis {
  const dockerfile = ["FROM python:3.12-slim", ...Array.from({ length: repeats }, () => lines).flat(), 'CMD ["python", "app.py"]'].join("\n");
  return analyze({ dockerfile, requirements: [], dockerignore: null });
}

const CHOWN_LINES = ["WORKDIR /app", "COPY . /app", "RUN chown -R app /app"];

function resolveCalls(repeats: number): number {
  const analysis = analysisOf(CHOWN_LINES, repeats);
  const spy = vi.spyOn(paths, "resolvePath");
  nonRootUser.detect({ input: { dockerfile: analysis.model.text, requirements: [], dockerignore: null }, analysis });
  const calls = spy.mock.calls.length;
  spy.mockRestore();
  return calls;
}

/** The stage's instructions behind a proxy that counts the elements read. */
function counted(analysis: Analysis): { analysis: Analysis; reads: () => number } {
  let reads = 0;
  const stages = analysis.model.stages.map((s): Stage => ({
    ...s,
    instructions: new Proxy([...s.instructions], {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  }));
  return { analysis: { ...analysis, model: { ...analysis.model, stages } }, reads: () => reads };
}

const ENV_LINES = ["ENV A=1", "USER app", "RUN pip install flask", "USER root", "ENV A=2 HOME=/home/x"];

function environmentReads(repeats: number): number {
  const { analysis, reads } = counted(analysisOf(ENV_LINES, repeats));
  for (const node of analysis.model.instructions) if (node.keyword === "RUN") environmentAt(analysis, node);
  return reads();
}

const INSTALL_LINES = ["ENV PATH=/usr/local/bin:$PATH", "RUN apt-get update && apt-get install -y gcc", "RUN pip install flask"];

function multistageReads(repeats: number): number {
  const { analysis, reads } = counted(analysisOf(INSTALL_LINES, repeats));
  multistage.detect({ input: { dockerfile: analysis.model.text, requirements: [], dockerignore: null }, analysis });
  return reads();
}

describe("rules over a long stage", () => {
  it("size/multistage finds the PATH before each install in one pass over the stage", () => {
    const small = multistageReads(100);
    expect(multistageReads(200)).toBeLessThanOrEqual(2 * small + 10);
  }, 60_000);

  it("security/non-root-user resolves each COPY destination once, not once per chown after it", () => {
    const small = resolveCalls(100);
    expect(resolveCalls(200)).toBeLessThanOrEqual(2 * small + 10);
  }, 60_000);

  it("environmentAt reads each instruction of a stage about once over all its RUNs", () => {
    const small = environmentReads(100);
    expect(environmentReads(200)).toBeLessThanOrEqual(2 * small + 10);
  }, 60_000);

  it("environmentAt gives what a walk from the stage's start gives, for every instruction", () => {
    const analysis = analysisOf([...ENV_LINES, "FROM 0 AS next", "ENV B=3"], 3);
    const walk = (index: number) => {
      const env = new Map<string, string>();
      let user: string | null = null;
      const node = analysis.model.instructions[index];
      const stage = node === undefined ? undefined : analysis.model.stages[node.stageIndex];
      const chainOf = (s: Stage): Stage[] => {
        const parent = s.from.from?.baseStage;
        const p = parent == null ? undefined : analysis.model.stages[parent];
        return p === undefined ? [s] : [...chainOf(p), s];
      };
      for (const s of stage === undefined ? [] : chainOf(stage)) {
        for (const n of s.instructions) {
          if (n === node) break;
          if (n.keyword === "ENV") for (const p of n.pairs) env.set(p.name, p.value);
          if (n.keyword === "USER") user = n.args[0] ?? null;
        }
      }
      return { env, user };
    };
    // Asked in order, backwards (the cursor restarts), and in order again.
    const order = analysis.model.instructions.map((_, i) => i);
    for (const i of [...order, ...order.reverse(), ...order.reverse()]) {
      const node = analysis.model.instructions[i];
      if (node !== undefined) expect(environmentAt(analysis, node)).toEqual(walk(i));
    }
  });
});
