import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { ASSUMPTIONS } from "./assumptions";

const SLIM = "FROM python:3.12-slim";

function estimateOf(dockerfile: string, requirements = "") {
  return analyze({ dockerfile, requirements: requirements === "" ? [] : [{ path: "requirements.txt", content: requirements }], dockerignore: ".git\n" }).estimate;
}

/** Bytes of the final image's layer made at `line`. */
function layerBytes(dockerfile: string, line: number, requirements = ""): number {
  return estimateOf(dockerfile, requirements).layers.filter((l) => l.line === line).reduce((sum, l) => sum + l.bytes, 0);
}

describe("a recursive chown/chmod stores the files it changes again (overlayfs copy-up)", () => {
  const COPIED = `${SLIM}\nWORKDIR /app\nCOPY . .\n`;

  it.each([
    { name: "chown -R", run: "RUN chown -R app:app /app" },
    { name: "chown -R on the workdir, relative", run: "RUN chown -R app ." },
    { name: "chmod -R", run: "RUN chmod -R g+w /app" },
    { name: "chgrp with a bundled flag", run: "RUN chgrp -Rf 0 /app" },
    { name: "a parent of the copied path", run: "RUN chown -R 10001 /" },
  ])("$name: the estimate grows by the copied bytes, in the RUN's layer", ({ run }) => {
    const copied = layerBytes(COPIED, 3);
    expect(copied).toBeGreaterThan(0);
    const without = estimateOf(`${COPIED}RUN true\n`);
    const withChown = estimateOf(`${COPIED}${run}\n`);
    expect(withChown.totalBytes - without.totalBytes).toBe(copied);
    expect(withChown.layers.find((l) => l.line === 4)?.bytes).toBe(copied);
    expect(withChown.assumptions.map((a) => a.id)).toContain(ASSUMPTIONS.copyUp.id);
  });

  it.each([
    { name: "not recursive", run: "RUN chown app /app" },
    { name: "another path", run: "RUN chown -R app /srv" },
    { name: "a variable without a value", run: "RUN chown -R app $DIR" },
  ])("$name: nothing is copied", ({ run }) => {
    expect(estimateOf(`${COPIED}${run}\n`).totalBytes).toBe(estimateOf(`${COPIED}RUN true\n`).totalBytes);
  });

  it("installed packages under the path are copied too, and files of the same RUN are not counted twice", () => {
    const reqs = "flask==3.0.3\n";
    const installed = layerBytes(`${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, 3, reqs);
    expect(installed).toBeGreaterThan(0);
    const split = estimateOf(`${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN chown -R app /usr/local/lib\n`, reqs);
    const same = estimateOf(`${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt && chown -R app /usr/local/lib\n`, reqs);
    expect(split.totalBytes - same.totalBytes).toBe(installed);
  });

  it("the base image's own files are not counted (the model holds the base as a whole)", () => {
    expect(estimateOf(`${SLIM}\nRUN chown -R app /usr\n`).totalBytes).toBe(estimateOf(`${SLIM}\nRUN true\n`).totalBytes);
  });

  it("a file copied up again keeps one note of it: labels do not grow with each chown", () => {
    const text = `${COPIED}RUN chown -R app /app\nRUN chmod -R g+w /app\nRUN chown -R app /app\n`;
    const labels = estimateOf(text).layers.find((l) => l.line === 6)?.items.map((i) => i.label);
    expect(labels).toEqual(["application source (.) (copied up by chown -R)"]);
  });
});
