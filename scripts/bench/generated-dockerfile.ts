// Generated Dockerfiles of a given number of instructions for the scaling bench (issue 13): the mix real
// Python Dockerfiles have (FROM, WORKDIR, ENV, RUN pip/apt, COPY, USER, CMD), written the way the rules
// rewrite — a full `python:` base, pip without --no-cache-dir, apt lists left behind, the source copied
// before the requirements — so a plan over it applies rules and its steps carry diffs, as real plans do.
//
// Stages: one per STAGE_SPAN instructions, so 10,000 instructions stay within LIMITS.stages (128) — the
// shared corpus's files run up to 95 instructions over up to 6 stages (LIMITS comments), about 16 per stage;
// fewer, longer stages keep the largest file inside every limit but the one under test.

/** Instructions per stage: 10,000 / 100 = 100 stages, under LIMITS.stages (128). */
export const STAGE_SPAN = 100;

const PACKAGES = ["flask", "requests", "numpy", "pandas", "django", "fastapi", "uvicorn", "sqlalchemy", "celery", "redis"] as const;

/** The instructions of one stage after its FROM, in a repeating order; each entry is the lines it spans. */
function bodyInstruction(stage: number, i: number): string[] {
  const pkg = PACKAGES[(stage + i) % PACKAGES.length] ?? "flask";
  switch (i % 8) {
    case 0: return ["WORKDIR /app"];
    case 1: return [`ENV APP_STAGE=${stage} APP_STEP=${i}`];
    case 2: return ["COPY . ."];
    case 3: return ["RUN apt-get update \\", " && apt-get install -y gcc libpq-dev curl"];
    case 4: return ["RUN pip install -r requirements.txt"];
    case 5: return [`RUN pip install ${pkg}`];
    case 6: return [`COPY app${i}.py /app/app${i}.py`];
    default: return [`ENV PATH=/app/bin${i}:$PATH`];
  }
}

/** A Dockerfile of exactly `count` instructions (at least 1): a stage every STAGE_SPAN, ending in CMD. */
export function generatedDockerfileOf(count: number): string {
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const stage = Math.floor(n / STAGE_SPAN);
    const i = n % STAGE_SPAN;
    if (i === 0) out.push(`FROM python:3.12${stage === 0 ? "" : ""} AS stage${stage}`);
    else if (n === count - 1) out.push('CMD ["python", "-m", "app"]');
    else out.push(...bodyInstruction(stage, i - 1));
  }
  return out.join("\n") + "\n";
}

/** The requirements file the generated Dockerfiles install (a typical small web app's). */
export const GENERATED_REQUIREMENTS = "flask==3.1.3\nrequests\ngunicorn\n";
