// Command-line arguments of the CLI (DESIGN §5). Parsed by hand: a dozen options do not justify a
// dependency, and the errors must be one line each (exit 2).
import { parseSize, type UnweighedPolicy } from "./budget";
import { DEFAULT_PLAYGROUND_URL } from "./playground-link";

export type Format = "text" | "json" | "sarif" | "markdown";

export interface CliArgs {
  readonly command: "plan" | "lint" | "compare" | "help";
  /** The Dockerfile (`compare`: the old one). */
  readonly dockerfile: string | null;
  /** `compare` only: the new Dockerfile. */
  readonly newDockerfile: string | null;
  /** `lint` only: the Dockerfiles after the first (a pre-commit hook passes every staged one). */
  readonly moreDockerfiles: readonly string[];
  readonly requirements: readonly string[];
  /** `--project-file PATH` (repeatable): pyproject.toml, setup.cfg, setup.py, uv.lock, poetry.lock, pdm.lock, Pipfile, Pipfile.lock, or
   *  another requirements file, added to those found beside the Dockerfile. */
  readonly projectFiles: readonly string[];
  readonly dockerignore: string | null;
  readonly contextBytes: number | null;
  readonly format: Format;
  /** `--arch`: the architecture wheels are chosen for; null = the engine's default (x86_64). */
  readonly arch: "x86_64" | "aarch64" | null;
  /** `--package-size NAME=MB` (repeatable): installed bytes per PEP 503 name. */
  readonly packageSizes: Readonly<Record<string, number>>;
  /** `--max-size`: on-disk bytes the Dockerfile as written may reach; null = no budget. */
  readonly maxBytes: number | null;
  /** `--max-pull-size`: compressed (pull) bytes; null = no budget. */
  readonly maxPullBytes: number | null;
  /** `--unweighed`: the exit code of a budget the estimate cannot judge: fail (4, default) or pass (0). */
  readonly unweighed: UnweighedPolicy;
  /** `--playground-url`: where the markdown report's link opens the playground. */
  readonly playgroundUrl: string;
  /** `compare --base-ref REF`: the old Dockerfile is the new one's path as it is in git at REF. */
  readonly baseRef: string | null;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  whaleweight plan <Dockerfile> [--requirements <file>]… [--project-file <file>]… [--dockerignore <file>] [--context-bytes N] [--arch x86_64|aarch64] [--package-size NAME=MB]… [--max-size SIZE] [--max-pull-size SIZE] [--unweighed fail|pass] [--format text|json|sarif|markdown] [--playground-url URL]
  whaleweight lint <Dockerfile>… [--requirements <file>]… [--project-file <file>]… [--max-size SIZE] [--max-pull-size SIZE] [--unweighed fail|pass] [--format text|json|sarif|markdown]
  whaleweight compare (<old Dockerfile> <new Dockerfile> | --base-ref REF <Dockerfile>) [--context-bytes N] [--arch …] [--package-size NAME=MB]… [--max-size SIZE] [--max-pull-size SIZE] [--unweighed fail|pass] [--format text|json|markdown]

  --requirements  a requirements file (repeatable), a path from the current folder; in the build it stands at
                  its place relative to the Dockerfile's folder, which is assumed to be the build context.
                  Default: requirements*.txt beside the Dockerfile.
  --project-file  pyproject.toml, setup.cfg, setup.py, uv.lock, poetry.lock, pdm.lock, Pipfile, Pipfile.lock (or
                  another requirements file), repeatable; those beside the Dockerfile are read without it. \`uv sync\`,
                  \`poetry install\`, \`pipenv install\` and \`pip install .\` are weighed from them.
  --dockerignore  default: .dockerignore beside the Dockerfile, when there is one.
  --context-bytes size of the build context that COPY . sends (default 2000000).
  --arch          x86_64 (default) or aarch64: which wheels pip would pick.
  --package-size  NAME=MB, the installed size of a package the tables do not know (repeatable).
  --max-size      a budget for the image as written, on disk: 250MB, 1.2GB, 300MiB or bytes (1 MB = 10^6 B).
  --max-pull-size a budget for its compressed (pull) size. Over either: exit 3 and one line on stderr.
  --unweighed     fail (default) or pass: where the estimate leaves out something that weighs (an unknown base
                  image, conda …) and is within the limits, the budget cannot be judged: exit 4, or 0 with pass.
  --format        text (default), json (the contract in DESIGN §5), sarif, or markdown (a PR report).
  --playground-url where the markdown report's link opens the playground (default ${DEFAULT_PLAYGROUND_URL}).

  lint takes several Dockerfiles with --format text (each read with what is beside it).
  compare weighs each Dockerfile as written, with the requirements and project files beside it;
                  --base-ref REF reads the old one (and the files beside it) from git at REF.

Exit codes: 0 ok, 1 lint found an error, 2 usage or unreadable input, 3 over the size budget, 4 the budget
cannot be judged (3 and 4 win over 1; over several Dockerfiles, the worst: 2, then 3, then 4, then 1).`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    return { command: "help", dockerfile: null, newDockerfile: null, moreDockerfiles: [], requirements: [], projectFiles: [], dockerignore: null, contextBytes: null, format: "text", arch: null, packageSizes: {}, maxBytes: null, maxPullBytes: null, unweighed: "fail", playgroundUrl: DEFAULT_PLAYGROUND_URL, baseRef: null };
  }
  if (command !== "plan" && command !== "lint" && command !== "compare") throw new UsageError(`unknown command "${command}" (expected plan, lint or compare)`);
  const paths: string[] = [];
  let maxBytes: number | null = null;
  let maxPullBytes: number | null = null;
  let unweighed: UnweighedPolicy = "fail";
  let playgroundUrl = DEFAULT_PLAYGROUND_URL;
  let baseRef: string | null = null;
  const requirements: string[] = [];
  const projectFiles: string[] = [];
  let dockerignore: string | null = null;
  let contextBytes: number | null = null;
  let format: Format = "text";
  let arch: CliArgs["arch"] = null;
  const packageSizes: Record<string, number> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--requirements":
      case "-r":
        requirements.push(value());
        break;
      case "--project-file":
        projectFiles.push(value());
        break;
      case "--dockerignore":
        dockerignore = value();
        break;
      case "--context-bytes": {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--context-bytes takes a whole number of bytes, not "${v}"`);
        contextBytes = Number(v);
        break;
      }
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif" && v !== "markdown") throw new UsageError(`--format is text, json, sarif or markdown, not "${v}"`);
        format = v;
        break;
      }
      case "--arch": {
        const v = value();
        if (v !== "x86_64" && v !== "aarch64") throw new UsageError(`--arch is x86_64 or aarch64, not "${v}"`);
        arch = v;
        break;
      }
      case "--package-size": {
        const v = value();
        const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(\d+(?:\.\d+)?)$/.exec(v);
        if (match === null) throw new UsageError(`--package-size takes NAME=MB (e.g. tensorflow=1200), not "${v}"`);
        // MB as the rest of the output prints them: 10^6 bytes.
        packageSizes[(match[1] ?? "").toLowerCase().replace(/[-_.]+/g, "-")] = Math.round(Number(match[2]) * 1_000_000);
        break;
      }
      case "--max-size":
      case "--max-pull-size": {
        const v = value();
        const bytes = parseSize(v);
        if (bytes === null || bytes <= 0) throw new UsageError(`${flag} takes a size such as 250MB, 1.2GB or 300MiB, not "${v}"`);
        if (flag === "--max-size") maxBytes = bytes;
        else maxPullBytes = bytes;
        break;
      }
      case "--unweighed": {
        const v = value();
        if (v !== "fail" && v !== "pass") throw new UsageError(`--unweighed is fail or pass, not "${v}"`);
        unweighed = v;
        break;
      }
      case "--playground-url": {
        const v = value();
        if (!/^https?:\/\/[^\s#]+$/.test(v)) throw new UsageError(`--playground-url takes an http(s) address without a #fragment, not "${v}"`);
        playgroundUrl = v;
        break;
      }
      case "--base-ref": {
        const v = value();
        // A ref, not an option or a revision range: git gets it as `REF:./path`.
        if (v.startsWith("-") || /[\s:]|\.\./.test(v)) throw new UsageError(`--base-ref takes a branch, tag or commit, not "${v}"`);
        baseRef = v;
        break;
      }
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        paths.push(arg);
    }
  }
  if (baseRef !== null) {
    if (command !== "compare") throw new UsageError("--base-ref is for compare");
    if (paths.length !== 1) throw new UsageError("compare --base-ref REF takes one Dockerfile: the new one, whose path is read at REF too");
    // The old file is the same path at REF: given twice, the rest of the checks see two paths.
    paths.unshift(paths[0] ?? "");
  }
  const [dockerfile, newDockerfile, extra] = paths;
  if (command === "compare") {
    if (dockerfile === undefined || newDockerfile === undefined) throw new UsageError("compare needs two Dockerfile paths: the old one and the new one");
    if (extra !== undefined) throw new UsageError(`compare takes two Dockerfiles (got a third: ${extra})`);
    if (format === "sarif") throw new UsageError("compare prints text, json or markdown, not sarif");
  } else {
    if (dockerfile === undefined) throw new UsageError(`${command} needs a Dockerfile path`);
    if (newDockerfile !== undefined && (command === "plan" || format !== "text")) throw new UsageError(`one Dockerfile at a time (got ${dockerfile} and ${newDockerfile})${command === "lint" ? "; lint takes several with --format text" : ""}`);
  }
  const moreDockerfiles = command === "lint" ? paths.slice(1) : [];
  if (moreDockerfiles.length > 0 && (requirements.length > 0 || projectFiles.length > 0 || dockerignore !== null)) {
    throw new UsageError("--requirements, --project-file and --dockerignore name one project's files: lint several Dockerfiles without them (each is read with the files beside it)");
  }
  return { command, dockerfile, newDockerfile: command === "compare" ? (newDockerfile ?? null) : null, moreDockerfiles, requirements, projectFiles, dockerignore, contextBytes, format, arch, packageSizes, maxBytes, maxPullBytes, unweighed, playgroundUrl, baseRef };
}
