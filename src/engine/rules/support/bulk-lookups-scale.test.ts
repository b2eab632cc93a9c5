// Rules over a `bulk` file (issue 14: a file's own lines repeated to thousands of instructions) look up the
// estimate's records per RUN through an index, not a scan of every record: the scans made the rules'
// detect on the fuzz's slowest cases (154, 1916, 34864 of `--cases 100000 --seed 100`) grow with the
// square of the file. Measured with counters, not timers: doubling the file must at most double the work.
import { describe, expect, it, vi } from "vitest";
import { analyze, type Analysis } from "../../analyze";
import * as ignore from "../../estimate/dockerignore";
import * as knowledge from "../../knowledge";
import { aptNoInstallRecommends } from "../apt-no-install-recommends";
import { aptOneLayer } from "../apt-one-layer";
import { apkNoCache } from "../apk-no-cache";
import { baseVariant } from "../base-variant";
import { distrolessFinal } from "../distroless-final";
import { dockerignore } from "../dockerignore";
import { mountApt } from "../mount-apt";
import { mountPip } from "../mount-pip";
import { multistage } from "../multistage";
import { pipSelfUpgrade } from "../pip-self-upgrade";
import { purgeBuildDeps } from "../purge-build-deps";
import type { Rule } from "../types";
import { atLine } from "./at-line";

const LINES = [
  "RUN apt-get update && apt-get install -y gcc libpq-dev",
  "RUN pip install --upgrade pip flask",
  "COPY requirements.txt /app/",
  "RUN pip install psycopg2",
];

function analysisOf(repeats: number): Analysis {
  const dockerfile = ["FROM python:3.12-slim", ...Array.from({ length: repeats }, () => LINES).flat(), "COPY . /app", 'CMD ["python", "app.py"]'].join("\n");
  return analyze({ dockerfile, requirements: [], dockerignore: null });
}

function detect(rules: readonly Rule[], analysis: Analysis): void {
  for (const rule of rules) rule.detect({ input: { dockerfile: analysis.model.text, requirements: [], dockerignore: null }, analysis });
}

/** A copy of `items` that counts the elements read. */
function counting<T>(items: readonly T[], onRead: () => void): readonly T[] {
  return new Proxy([...items], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) onRead();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const BY_LINE: readonly Rule[] = [mountPip, mountApt, aptNoInstallRecommends, pipSelfUpgrade, apkNoCache, purgeBuildDeps, aptOneLayer];

/** Records of the estimate (layers, build layers, apt Recommends) read by the rules that look them up by line. */
function recordReads(repeats: number): number {
  const analysis = analysisOf(repeats);
  let reads = 0;
  const read = () => void reads++;
  const estimate = {
    ...analysis.estimate,
    layers: counting(analysis.estimate.layers, read),
    buildLayers: counting(analysis.estimate.buildLayers, read),
    aptRecommends: counting(analysis.estimate.aptRecommends, read),
  };
  detect(BY_LINE, { ...analysis, estimate });
  return reads;
}

function spiedCalls(spy: { mock: { calls: unknown[] } }, run: () => void): number {
  const before = spy.mock.calls.length;
  run();
  return spy.mock.calls.length - before;
}

describe("rules over a bulk file", () => {
  it("look up the estimate's records by line through an index, not a scan per RUN", () => {
    const small = recordReads(100);
    expect(small).toBeGreaterThan(0);
    expect(recordReads(200)).toBeLessThanOrEqual(2 * small + 10);
  }, 60_000);

  it("atLine gives what a filter by line gives, in the list's order", () => {
    const items = [{ line: 3, id: "a" }, { line: 1, id: "b" }, { line: 3, id: "c" }];
    for (const line of [0, 1, 3]) expect(atLine(items, line)).toEqual(items.filter((i) => i.line === line));
  });

  it("hygiene/dockerignore reads each named source as a pattern once, however often the file names it", () => {
    const spy = vi.spyOn(ignore, "parseDockerignore");
    const calls = (repeats: number) => spiedCalls(spy, () => detect([dockerignore], analysisOf(repeats)));
    const small = calls(100);
    expect(calls(200)).toBe(small);
    spy.mockRestore();
  }, 60_000);

  it("a stage's Python packages are gathered once per analysis, for size/multistage and size/base-variant alike", () => {
    // The gathering looks up each package the estimate resolved for the stage in the bundled table, once.
    const spy = vi.spyOn(knowledge, "findPythonPackage");
    const [first, second] = [analysisOf(20), analysisOf(20)];
    const once = spiedCalls(spy, () => detect([multistage], first));
    const thrice = spiedCalls(spy, () => detect([multistage, baseVariant, multistage], second));
    spy.mockRestore();
    expect(once).toBeGreaterThan(0);
    // One stage, one gathering (size/multistage's plan gathered the packages twice, for the names and the rows).
    expect(thrice).toBe(once);
  }, 60_000);

  it("size/distroless-final reads the builder's venvs once, not once per COPY --from of the final stage", () => {
    // A builder of n RUNs and a final stage of n `COPY --from=builder` lines: reading the whole builder for
    // each COPY was n² instruction reads.
    const builderReads = (repeats: number): number => {
      const dockerfile = [
        "FROM python:3.12-slim AS builder", "RUN python -m venv /venv",
        ...Array.from({ length: repeats }, (_, i) => `RUN /venv/bin/pip install flask==3.1.${i % 3}`),
        "FROM python:3.12-slim", ...Array.from({ length: repeats }, (_, i) => `COPY --from=builder /opt/x${i} /opt/x${i}`),
        "COPY --from=builder /venv /venv", 'CMD ["/venv/bin/python", "app.py"]',
      ].join("\n");
      const analysis = analyze({ dockerfile, requirements: [], dockerignore: null });
      let reads = 0;
      const stages = analysis.model.stages.map((stage) => stage.name === "builder" ? { ...stage, instructions: counting(stage.instructions, () => void reads++) } : stage);
      const found = distrolessFinal.detect({ input: { dockerfile, requirements: [], dockerignore: null }, analysis: { ...analysis, model: { ...analysis.model, stages } } });
      // The shape is found (the last COPY is the builder's venv): the rule went through every COPY before it.
      expect(found.length).toBeGreaterThan(0);
      return reads;
    };
    const small = builderReads(100);
    expect(small).toBeGreaterThan(0);
    expect(builderReads(200)).toBeLessThanOrEqual(2 * small + 10);
  }, 60_000);
});
