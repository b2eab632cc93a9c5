import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

const REQUIREMENTS = [{ path: "requirements.txt", content: "django==4.2.11\ngunicorn==21.2.0\n" }];

/** `name version` of what the final image's installs put in site-packages. */
function installed(dockerfile: string): string[] {
  const e = analyze({ dockerfile, requirements: REQUIREMENTS, dockerignore: null }).estimate;
  return e.layers.filter((l) => l.instruction.startsWith("RUN")).flatMap((l) => l.items).filter((i) => i.path.includes("/site-packages/")).map((i) => i.label).sort();
}

/** `name version` of the wheels the builder's `pip wheel` made. */
function built(dockerfile: string): string[] {
  const e = analyze({ dockerfile, requirements: REQUIREMENTS, dockerignore: null }).estimate;
  return e.layers.filter((l) => l.instruction.startsWith("COPY --from")).flatMap((l) => l.items).map((i) => i.label.replace(/ \(wheel\)$/, "")).sort();
}

const BUILDER = "FROM python:3.12-slim AS builder\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\n";

describe("installing wheel files", () => {
  it("pip install DIR/* installs each wheel at the version it was built at, not the newest", () => {
    const file = `${BUILDER}RUN pip install --no-cache-dir /wheels/*\n`;
    const wheels = built(file);
    expect(wheels.some((w) => w.startsWith("django 4.2"))).toBe(true);
    expect(installed(file)).toEqual(wheels);
  });

  it("--no-index --find-links DIR NAME installs the version built there; without --no-index the index may offer a newer one", () => {
    const wheels = built(`${BUILDER}RUN pip install --no-cache-dir /wheels/*\n`);
    const django = wheels.find((w) => w.startsWith("django "));
    expect(installed(`${BUILDER}RUN pip install --no-cache-dir --no-index --find-links=/wheels django gunicorn\n`)).toContain(django);
    expect(installed(`${BUILDER}RUN pip install --no-cache-dir --find-links=/wheels django gunicorn\n`)).not.toContain(django);
  });
});
