// The Whaleweight CLI: the same engine as the playground, for CI. Reads files as bytes (so UTF-16 and BOMs
// are decoded by the engine), prints the plan or the findings, and exits 2 with one line on bad usage or
// unreadable files, 1 when `lint` finds an error, 0 otherwise. `run` takes its I/O as a parameter, so tests
// call it in-process with fake files; the bottom of the file wires it to the real process.
import { basename, dirname, join, relative, sep } from "node:path";
import type { TextFile } from "../engine/analyze";
import { buildPlan } from "../engine/plan/plan";
import { pythonTable } from "../engine/knowledge/python-table";
import { RULES } from "../engine/rules/registry";
import { registerDebianTablesFromDisk } from "../node/load-tables";
import { loadPythonTable } from "../node/load-python-table";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { nodeIo, type CliIo } from "./io";
import { lintText, planJson, planText, sarif } from "./output";

export type { CliIo } from "./io";

class InputError extends Error {}

function readBytes(io: CliIo, path: string, what: string): Uint8Array {
  if (io.kind(path) === "dir") throw new InputError(`${what} ${path} is a directory, not a file`);
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError(code === "ENOENT" ? `${what} ${path} does not exist` : `${what} ${path} cannot be read (${typeof code === "string" ? code : String(error)})`);
  }
}

/** Requirements paths are taken relative to the Dockerfile's folder (the build context). */
function contextPath(contextDir: string, file: string): string {
  const rel = relative(contextDir, file);
  return rel.startsWith("..") || rel === "" ? basename(file) : rel.split(sep).join("/");
}

/** requirements*.txt / *.in beside the Dockerfile, and in a `requirements/` folder there. */
function discoverRequirements(io: CliIo, contextDir: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of [...io.list(dir)].sort()) {
      const path = join(dir, name);
      if (depth === 0 && name === "requirements" && io.kind(path) === "dir") visit(path, 1);
      else if (/^requirements.*\.(txt|in)$/i.test(name) && io.kind(path) === "file") found.push(path);
      else if (depth === 1 && /\.(txt|in)$/i.test(name) && io.kind(path) === "file") found.push(path);
    }
  };
  visit(contextDir, 0);
  return found;
}

/** The project files a locked install reads, when they sit beside the Dockerfile (the build context). */
const PROJECT_FILE_NAMES = ["pyproject.toml", "uv.lock", "poetry.lock", "Pipfile", "Pipfile.lock"];

function discoverProjectFiles(io: CliIo, contextDir: string): string[] {
  return PROJECT_FILE_NAMES.map((name) => join(contextDir, name)).filter((path) => io.kind(path) === "file");
}

/** Where the size tables are read from; by default the source tree (see src/node/load-*.ts). */
export interface CliOptions {
  readonly pythonTablePath?: string;
}

export function run(argv: readonly string[], io: CliIo = nodeIo(), options: CliOptions = {}): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`whaleweight: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === "help" || args.dockerfile === null) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let dockerfile: Uint8Array;
  let requirements: TextFile[];
  let projectFiles: TextFile[];
  let dockerignore: string | null = null;
  const contextDir = dirname(args.dockerfile);
  try {
    dockerfile = readBytes(io, args.dockerfile, "Dockerfile");
    const paths = args.requirements.length > 0 ? args.requirements : discoverRequirements(io, contextDir);
    requirements = paths.map((p) => ({ path: contextPath(contextDir, p), content: readBytes(io, p, "requirements file") }));
    const found = discoverProjectFiles(io, contextDir);
    // A file given with --project-file wins over the one of the same context path found beside the Dockerfile.
    const given = new Set(args.projectFiles.map((p) => contextPath(contextDir, p)));
    const projectPaths = [...args.projectFiles, ...found.filter((f) => !given.has(contextPath(contextDir, f)))];
    projectFiles = projectPaths.map((p) => ({ path: contextPath(contextDir, p), content: readBytes(io, p, "project file") }));
    const ignorePath = args.dockerignore ?? join(contextDir, ".dockerignore");
    if (args.dockerignore !== null || io.kind(ignorePath) === "file") dockerignore = new TextDecoder().decode(readBytes(io, ignorePath, ".dockerignore"));
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`whaleweight: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  // The wheel table is data beside the engine (STYLE 12): read once per process. Without it the bundled
  // 217-package table still answers, so a missing file is a warning, not a failure.
  if (pythonTable() === null) {
    const loaded = loadPythonTable(options.pythonTablePath);
    if (!loaded.ok) io.stderr(`whaleweight: ${loaded.error}; using the bundled package table only\n`);
  }
  const plan = buildPlan({
    dockerfile,
    requirements,
    dockerignore,
    projectFiles,
    settings: {
      ...(args.contextBytes === null ? {} : { contextBytes: args.contextBytes }),
      ...(args.arch === null ? {} : { arch: args.arch }),
      packageSizes: args.packageSizes,
    },
  });
  const diagnostics = plan.steps[0]?.analysis.diagnostics ?? [];
  const ruleDocs = RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, what: r.meta.docs.what }));
  if (args.command === "lint") {
    if (args.format === "json") io.stdout(JSON.stringify({ version: 1, findings: plan.findings, diagnostics }, null, 2) + "\n");
    else if (args.format === "sarif") io.stdout(JSON.stringify(sarif(plan.findings, diagnostics, args.dockerfile, ruleDocs), null, 2) + "\n");
    else io.stdout(lintText(plan.findings, diagnostics, args.dockerfile));
    const failed = plan.findings.some((f) => f.severity === "error") || diagnostics.some((d) => d.severity === "error");
    return failed ? 1 : 0;
  }
  if (args.format === "json") io.stdout(JSON.stringify(planJson(plan, diagnostics), null, 2) + "\n");
  else if (args.format === "sarif") io.stdout(JSON.stringify(sarif(plan.findings, diagnostics, args.dockerfile, ruleDocs), null, 2) + "\n");
  else io.stdout(planText(plan, diagnostics, args.dockerfile));
  return 0;
}

/** The real process: tables from `dataDir` (the bundle's data/) or, without one, from the source tree. */
export function cliMain(dataDir?: string): void {
  // The engine reads each Debian release table (data, ~5 MB of JSON) from disk the first time it needs it.
  registerDebianTablesFromDisk(dataDir);
  const options = dataDir === undefined ? {} : { pythonTablePath: join(dataDir, "python-wheels.json") };
  process.exitCode = run(process.argv.slice(2), nodeIo(), options);
}

const isMain = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) cliMain();
