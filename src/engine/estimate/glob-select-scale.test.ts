// Regression for the quadratic glob lookup (issue 14, fuzz `--cases 300 --seed 7` case 287, a `bulk` file:
// 30 s of CPU). Every `pip install <glob>` tested every live entry under the glob's literal directory (and
// each of its parents), and each repeated `COPY` added one more entry there, so the work grew with the
// square of the file. The lookup now walks the directory tree one pattern segment at a time. The measure
// is the number of `globMatch` calls (a counter, not a timer): doubling the file must at most double it.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as glob from "./glob";
import { estimate } from "./test-support";

/** The minimised shapes: a COPY that adds one more entry beside the glob's directory, then an install
 *  of a glob there — a wheel glob, and the `$(if [ … ]; …)` word case 287 read as a requirement. */
const SHAPES = [
  { name: "wheel glob", lines: ["COPY wheels /wheels", "RUN pip install /wheels/*.whl"] },
  { name: "wheel glob with wheels built", lines: ["COPY wheels /wheels", "RUN pip wheel -w /wheels/built flask && pip install /wheels/built/*.whl"] },
  { name: "command substitution (case 287)", lines: ["COPY . /opt/app/src", `RUN pip install $(if [ "$X" = "yes" ]; then echo '-r /tmp/r.txt'; fi)`] },
] as const;

function globCalls(lines: readonly string[], repeats: number): number {
  const spy = vi.spyOn(glob, "globMatch");
  const text = ["FROM python:3.12-slim", "WORKDIR /opt/app/src", ...Array.from({ length: repeats }, () => lines).flat()].join("\n");
  estimate(text);
  const calls = spy.mock.calls.length;
  spy.mockRestore();
  return calls;
}

describe("glob lookups over a growing stage", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(SHAPES)("$name: globMatch calls grow linearly with the file", ({ lines }) => {
    const small = globCalls(lines, 100);
    const large = globCalls(lines, 200);
    // Linear work doubles with the file (plus a constant for the first lines); quadratic work quadruples.
    expect(large).toBeLessThanOrEqual(2 * small + 20);
  }, 60_000);
});
