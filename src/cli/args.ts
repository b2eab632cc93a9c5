// Command-line arguments of the CLI (DESIGN §5). Parsed by hand: four options do not justify a
// dependency, and the errors must be one line each (exit 2).

export type Format = "text" | "json" | "sarif";

export interface CliArgs {
  readonly command: "plan" | "lint" | "help";
  readonly dockerfile: string | null;
  readonly requirements: readonly string[];
  /** `--project-file PATH` (repeatable): pyproject.toml, uv.lock, poetry.lock, Pipfile, Pipfile.lock, or
   *  another requirements file, added to those found beside the Dockerfile. */
  readonly projectFiles: readonly string[];
  readonly dockerignore: string | null;
  readonly contextBytes: number | null;
  readonly format: Format;
  /** `--arch`: the architecture wheels are chosen for; null = the engine's default (x86_64). */
  readonly arch: "x86_64" | "aarch64" | null;
  /** `--package-size NAME=MB` (repeatable): installed bytes per PEP 503 name. */
  readonly packageSizes: Readonly<Record<string, number>>;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  whaleweight plan <Dockerfile> [--requirements <file>]… [--project-file <file>]… [--dockerignore <file>] [--context-bytes N] [--arch x86_64|aarch64] [--package-size NAME=MB]… [--format text|json|sarif]
  whaleweight lint <Dockerfile> [--requirements <file>]… [--project-file <file>]… [--format text|json|sarif]

  --requirements  a requirements file (repeatable); paths are taken relative to the Dockerfile's folder,
                  which is assumed to be the build context. Default: requirements*.txt beside the Dockerfile.
  --project-file  pyproject.toml, uv.lock, poetry.lock, Pipfile, Pipfile.lock (or another requirements
                  file), repeatable; those beside the Dockerfile are read without it. \`uv sync\`,
                  \`poetry install\`, \`pipenv install\` and \`pip install .\` are weighed from them.
  --dockerignore  default: .dockerignore beside the Dockerfile, when there is one.
  --context-bytes size of the build context that COPY . sends (default 2000000).
  --arch          x86_64 (default) or aarch64: which wheels pip would pick.
  --package-size  NAME=MB, the installed size of a package the tables do not know (repeatable).
  --format        text (default), json (the contract in DESIGN §5) or sarif.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    return { command: "help", dockerfile: null, requirements: [], projectFiles: [], dockerignore: null, contextBytes: null, format: "text", arch: null, packageSizes: {} };
  }
  if (command !== "plan" && command !== "lint") throw new UsageError(`unknown command "${command}" (expected plan or lint)`);
  let dockerfile: string | null = null;
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
        if (v !== "text" && v !== "json" && v !== "sarif") throw new UsageError(`--format is text, json or sarif, not "${v}"`);
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
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        if (dockerfile !== null) throw new UsageError(`one Dockerfile at a time (got ${dockerfile} and ${arg})`);
        dockerfile = arg;
    }
  }
  if (dockerfile === null) throw new UsageError(`${command} needs a Dockerfile path`);
  return { command, dockerfile, requirements, projectFiles, dockerignore, contextBytes, format, arch, packageSizes };
}
