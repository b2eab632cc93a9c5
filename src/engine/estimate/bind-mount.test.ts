import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

const REQUIREMENTS = [{ path: "requirements.txt", content: "django==5.0.3\npsycopg2==2.9.9\ngunicorn==21.2.0\n" }];

/** A builder stage that makes wheels, and a final stage that installs them in one of three ways. */
function dockerfile(install: string): string {
  return [
    "FROM python:3.12-slim AS deps",
    "RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*",
    "COPY requirements.txt .",
    "RUN pip wheel --wheel-dir /wheels -r requirements.txt",
    "FROM python:3.12-slim",
    install,
    "",
  ].join("\n");
}

const estimate = (text: string) => analyze({ dockerfile: text, requirements: REQUIREMENTS, dockerignore: null }).estimate;
const python = (text: string) => estimate(text).layers.flatMap((l) => l.items).filter((i) => i.category === "python" && i.path.includes("/site-packages/")).map((i) => `${i.label}:${i.bytes}`).sort();

describe("RUN --mount=type=bind,from=<stage>", () => {
  const copied = dockerfile("COPY --from=deps /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels");
  const mounted = dockerfile("RUN --mount=type=bind,from=deps,source=/wheels,target=/wheels pip install --no-cache-dir /wheels/*");
  const nothing = dockerfile("RUN pip install --no-cache-dir /wheels/*");

  it("shows the stage's files to the RUN: the wheels install as they do from a copy", () => {
    const packages = python(mounted);
    expect(packages.length).toBeGreaterThan(0);
    expect(packages).toEqual(python(copied));
    expect(python(nothing)).toEqual([]);
  });

  it("keeps the mounted files out of the image: the copy's wheels are the whole difference", () => {
    const withCopy = estimate(copied);
    const wheelLayer = withCopy.layers.find((l) => l.instruction.startsWith("COPY --from=deps"));
    expect(wheelLayer?.bytes).toBeGreaterThan(0);
    expect(withCopy.totalBytes - estimate(mounted).totalBytes).toBe(wheelLayer?.bytes);
    expect(estimate(mounted).layers.flatMap((l) => l.items).some((i) => i.path.startsWith("/wheels"))).toBe(false);
  });

  it("files a COPY brought and a later RUN deletes: the warning points to a bind mount, not to the RUN that made them", () => {
    const warning = estimate(copied).warnings.find((w) => w.code === "deleted-in-later-layer");
    expect(warning?.message).toContain("A COPY keeps what it copies: where only a RUN reads these files, mount them for that RUN (RUN --mount=type=bind)");
    const made = estimate("FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n").warnings.find((w) => w.code === "deleted-in-later-layer");
    expect(made?.message).toContain("Delete them in the RUN that creates them.");
  });

  it("a relative target is under the working directory, and a source under the stage's root", () => {
    const relative = dockerfile("WORKDIR /tmp\nRUN --mount=type=bind,from=deps,source=wheels,target=w pip install --no-cache-dir /tmp/w/*");
    expect(python(relative)).toEqual(python(mounted));
  });

  it("from an image the tables do not hold, the target exists but nothing is counted", () => {
    const e = estimate(dockerfile("RUN --mount=type=bind,from=ghcr.io/example/wheels:1,source=/wheels,target=/wheels pip install --no-cache-dir /wheels/*"));
    expect(e.layers.flatMap((l) => l.items).filter((i) => i.category === "python")).toEqual([]);
    expect(e.buildCheck.filter((f) => f.severity === "error")).toEqual([]);
  });
});
