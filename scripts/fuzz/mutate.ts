// The fuzz harness's inputs: a seeded mutator over real Dockerfiles and requirements files, with the
// mutation classes issue 14's probe used (line operations, byte noise, unicode, CR-only line ends,
// heredocs, FROM cycles, variable doubling chains, stage-heavy files, requirements mutations), and files
// up to the plan's size cap (issue 14's bar: no input over 1 s up to it). Seeded so a failing case is
// reproduced by its seed and index alone.
import { LIMITS } from "../../src/engine/limits";
import { PLAN_TEXT_LIMIT } from "../../src/engine/plan/plan";

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for choosing mutations, and reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzInput {
  readonly dockerfile: string;
  readonly requirements: readonly { readonly path: string; readonly content: string }[];
}

export interface FuzzCase extends FuzzInput {
  /** The mutation classes applied, e.g. `line-dup+cr-only`: slow inputs are reported by class. */
  readonly label: string;
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, max: number): number => Math.floor(rng() * max);

/** Lines worth splicing in: instructions every rule reads, plus known troublemakers. */
const LINES = [
  "RUN apt-get update && apt-get install -y gcc", "RUN apt-get update", "RUN apt-get install -y curl",
  "RUN pip install flask", "RUN pip install --no-cache-dir -r requirements.txt", "RUN rm -rf /root/.cache/pip",
  "RUN rm -rf /var/lib/apt/lists/*", "COPY . .", "COPY requirements.txt .", "WORKDIR /app", "ENV PIP_NO_CACHE_DIR=1",
  "FROM python:3.12", "FROM python:3.12-slim AS build", "FROM build", "ARG PY=3.12", "FROM python:${PY}",
  "USER app", "CMD [\"python\", \"app.py\"]", "RUN <<EOF\npip install flask\nEOF", "RUN set -eux; pip install x || true",
  "RUN python -m venv /opt/venv && /opt/venv/bin/pip install flask", "RUN apk add --no-cache gcc", "COPY --from=build /install /usr/local",
  "RUN find / -name '*.pyc' -delete", "RUN pip install psycopg2 mysqlclient", "RUN \\", "# comment \\", "ONBUILD RUN x",
];
const UNICODE = ["é", "漢", "\u202e", "\u0000", "\ufeff", "😀", "\u2028", "\t", "\\", "$", "\"", "'", "`", "<<", "${", "&&"];

type Mutator = { readonly name: string; apply(input: FuzzInput, rng: Rng): FuzzInput };

const onDockerfile = (name: string, f: (text: string, rng: Rng) => string): Mutator => ({
  name, apply: (input, rng) => ({ ...input, dockerfile: f(input.dockerfile, rng) }),
});

function lines(text: string): string[] {
  return text.split("\n");
}

const MUTATORS: readonly Mutator[] = [
  onDockerfile("line-dup", (t, rng) => { const l = lines(t); const i = int(rng, l.length); l.splice(i, 0, l[i] ?? ""); return l.join("\n"); }),
  onDockerfile("line-del", (t, rng) => { const l = lines(t); l.splice(int(rng, l.length), 1); return l.join("\n"); }),
  onDockerfile("line-swap", (t, rng) => { const l = lines(t); const i = int(rng, l.length); const j = int(rng, l.length); [l[i], l[j]] = [l[j] ?? "", l[i] ?? ""]; return l.join("\n"); }),
  onDockerfile("line-insert", (t, rng) => { const l = lines(t); l.splice(int(rng, l.length + 1), 0, pick(rng, LINES)); return l.join("\n"); }),
  onDockerfile("byte-noise", (t, rng) => { const at = int(rng, t.length + 1); return t.slice(0, at) + String.fromCharCode(int(rng, 128)) + t.slice(at + int(rng, 3)); }),
  onDockerfile("unicode", (t, rng) => { const at = int(rng, t.length + 1); return t.slice(0, at) + pick(rng, UNICODE) + t.slice(at); }),
  onDockerfile("cr-only", (t) => t.replace(/\r?\n/g, "\r")),
  onDockerfile("crlf", (t) => t.replace(/\r?\n/g, "\r\n")),
  onDockerfile("heredoc", (t, rng) => `${t}\nRUN <<${pick(rng, ["EOF", "-EOF", "'EOF'"])}\n\tpip install flask\n${rng() < 0.5 ? "\tEOF" : "EOF"}\n`),
  onDockerfile("from-cycle", (t) => `FROM a AS b\nFROM b AS a\n${t}\nFROM a`),
  onDockerfile("doubling", (t, rng) => {
    const n = 10 + int(rng, 20);
    const chain = Array.from({ length: n }, (_, i) => `${rng() < 0.5 ? "ENV" : "ARG"} L${i + 1}=$L${i}\${L${i}}`);
    return `${t}\nENV L0=abcdefgh\n${chain.join("\n")}\nRUN pip install $L${n}`;
  }),
  onDockerfile("stage-heavy", (t, rng) => {
    const n = 20 + int(rng, 200);
    return `${t}\n${Array.from({ length: n }, (_, i) => `FROM python:3.12-slim AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /app /app\nRUN pip install flask`).join("\n")}`;
  }),
  onDockerfile("bulk", (t, rng) => {
    // The file's own instruction lines repeated until it holds 50–100% of the instructions the engine
    // reads (LIMITS.instructions), within the plan's size cap: large files, and rewrites near the limits.
    const body = lines(t).filter((l) => l.trim() !== "" && !/^\s*(FROM|#)/i.test(l));
    const out = [t];
    let chars = t.length;
    const target = Math.floor(LIMITS.instructions * (0.5 + rng() / 2));
    for (let i = 0; i < target && body.length > 0; i++) {
      const line = body[i % body.length] ?? "";
      if (chars + line.length + 1 > PLAN_TEXT_LIMIT) break;
      out.push(line);
      chars += line.length + 1;
    }
    return out.join("\n");
  }),
  onDockerfile("long-word", (t, rng) => `${t}\nRUN echo "${"a=b ".repeat(1_000 + int(rng, 20_000))}"`),
  {
    name: "req-backslashes",
    apply: (input, rng) => {
      // Into the first file (a second file at the same path would test duplicate paths, not the regex).
      const run = `${"\\".repeat(1_000 + int(rng, 20_000))}x\\\n`;
      const [first, ...rest] = input.requirements;
      return { ...input, requirements: first === undefined ? [{ path: "requirements.txt", content: `${run}flask\n` }] : [{ ...first, content: run + first.content }, ...rest] };
    },
  },
  {
    name: "req-line",
    apply: (input, rng) => ({
      ...input,
      requirements: input.requirements.map((f) => {
        const l = lines(f.content);
        l.splice(int(rng, l.length + 1), 0, pick(rng, ["-r requirements.txt", "-c other.txt", "flask[async] >= 2 ; python_version > '3'", "git+https://x/y.git#egg=z", "--hash=sha256:00 \\", "-e .", "numpy==1.*"]));
        return { ...f, content: l.join("\n") };
      }),
    }),
  },
];

/** `input` with 1–3 seeded mutations applied. */
export function mutate(input: FuzzInput, rng: Rng): FuzzCase {
  let out = input;
  const names: string[] = [];
  const count = 1 + int(rng, 3);
  for (let i = 0; i < count; i++) {
    const m = pick(rng, MUTATORS);
    out = m.apply(out, rng);
    names.push(m.name);
  }
  return { ...out, label: names.join("+") };
}
