// The Whaleweight CLI: the same engine as the playground, for CI. Prints the plan, the findings or the
// size change between two Dockerfiles, and exits 2 with one line on bad usage or unreadable files, 1 when
// `lint` finds an error, 3 when the Dockerfile as written is over a size budget, 4 when the budget cannot be
// judged (the estimate leaves out something that weighs; `--unweighed pass` makes it 0), 0 otherwise. `run` takes
// its I/O as a parameter, so tests call it in-process with fake files; `cliMain` wires it to the real
// process (from main.ts under tsx, or from bin.ts in the bundle).
import { join } from "node:path";
import { analyze } from "../engine/analyze";
import type { EstimateSettings } from "../engine/estimate/context";
import { pythonTable } from "../engine/knowledge/python-table";
import { buildPlan } from "../engine/plan/plan";
import { decodeTexts } from "../engine/plan/texts";
import { RULES } from "../engine/rules/registry";
import type { Rule } from "../engine/rules/types";
import { loadPythonTable } from "../node/load-python-table";
import { registerDebianTablesFromDisk } from "../node/load-tables";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { budgetExitCode, budgetText, cannotJudgeLine, checkBudget, EXIT_CANNOT_JUDGE, EXIT_OVER_BUDGET, type BudgetVerdict, type UnweighedPolicy } from "./budget";
import { compareJson, compareMarkdown, compareText } from "./compare";
import { gitIo } from "./git-io";
import { exitQuietlyOnClosedStdout, nodeIo, type CliIo } from "./io";
import { planMarkdown } from "./markdown";
import { lintFindingJson, lintText, planJson, planText, sarif } from "./output";
import { playgroundLink } from "./playground-link";
import { InputError, readProject, type ProjectInput } from "./read-project";

export type { CliIo } from "./io";

/** Where the size tables are read from; by default the source tree (see src/node/load-*.ts). */
export interface CliOptions {
  readonly pythonTablePath?: string;
}

/** The rules as lint runs them: detection only. */
const LINT_RULES: readonly Rule[] = RULES.map((rule) => ({ meta: rule.meta, detect: (context) => rule.detect(context), fix: () => [] }));

function settingsOf(args: CliArgs): Partial<EstimateSettings> {
  return {
    ...(args.contextBytes === null ? {} : { contextBytes: args.contextBytes }),
    ...(args.arch === null ? {} : { arch: args.arch }),
    packageSizes: args.packageSizes,
  };
}

/** The exit code after the output: the budget's verdict (3 over, 4 not judged) wins over lint errors (all
 *  fail CI; the budget's code says which kind of failure), as it does over several files. */
function exitCode(budget: BudgetVerdict | null, policy: UnweighedPolicy, lintFailed: boolean): number {
  const code = budgetExitCode(budget, policy);
  return code !== 0 ? code : lintFailed ? 1 : 0;
}

/** The old side of `compare --base-ref`: the file and what is beside it, from git at `ref`. */
function readBase(io: CliIo, dockerfile: string, ref: string): ProjectInput {
  try {
    return readProject(gitIo(io, ref), { dockerfile, requirements: [], projectFiles: [], dockerignore: null });
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${error.message} at ${ref}`) : error;
  }
}

/** One line on stderr for a verdict that fails or may fail CI: over, or not judged (said even when
 *  `--unweighed pass` keeps the exit code 0, so the log shows what the gate did not weigh). */
function reportBudget(io: CliIo, budget: BudgetVerdict | null, path: string): void {
  if (budget?.over === true) io.stderr(`whaleweight: over budget: ${budget.violations.map((v) => v.message).join("; ")}\n`);
  else if (budget?.judged === false) io.stderr(`whaleweight: cannot judge the budget: ${cannotJudgeLine(budget, path)}\n`);
}

/** Several runs' exit codes as one: the worst (2 usage or I/O, then 3 over budget, then 4 not judged,
 *  then 1 lint errors). */
export function worstExitCode(codes: readonly number[]): number {
  for (const code of [2, EXIT_OVER_BUDGET, EXIT_CANNOT_JUDGE, 1]) if (codes.includes(code)) return code;
  return 0;
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
  if (args.moreDockerfiles.length > 0) {
    // Each file with what is beside it; the exit code is the worst of them.
    const paths = [args.dockerfile, ...args.moreDockerfiles];
    return worstExitCode(paths.map((dockerfile) => runParsed({ ...args, dockerfile, moreDockerfiles: [] }, io, options)));
  }
  return runParsed(args, io, options);
}

function runParsed(args: CliArgs, io: CliIo, options: CliOptions): number {
  if (args.dockerfile === null) return 2;
  const dockerfilePath = args.dockerfile;
  const inputs: ProjectInput[] = [];
  try {
    if (args.baseRef === null) inputs.push(readProject(io, { dockerfile: dockerfilePath, requirements: args.requirements, projectFiles: args.projectFiles, dockerignore: args.dockerignore }));
    else inputs.push(readBase(io, dockerfilePath, args.baseRef));
    // compare: each Dockerfile with what is beside it (the options name files of one project only).
    if (args.newDockerfile !== null) inputs.push(readProject(io, { dockerfile: args.newDockerfile, requirements: [], projectFiles: [], dockerignore: null }));
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
  const settings = settingsOf(args);
  const limits = { maxBytes: args.maxBytes, maxPullBytes: args.maxPullBytes };
  const [first, second] = inputs;
  if (first === undefined) return 2;

  if (args.command === "compare" && second !== undefined && args.newDockerfile !== null) {
    const newPath = args.newDockerfile;
    const before = { path: args.baseRef === null ? dockerfilePath : `${args.baseRef}:${dockerfilePath}`, estimate: analyze({ ...first, settings }).estimate };
    const after = { path: newPath, estimate: analyze({ ...second, settings }).estimate };
    const budget = checkBudget(after.estimate, limits, newPath);
    if (args.format === "json") io.stdout(JSON.stringify(compareJson(before, after, budget), null, 2) + "\n");
    else if (args.format === "markdown") {
      const texts = decodeTexts(second.dockerfile, second.requirements, second.dockerignore, second.projectFiles);
      io.stdout(compareMarkdown(before, after, budget, playgroundLink(args.playgroundUrl, texts, args)));
    } else io.stdout(compareText(before, after, budget));
    reportBudget(io, budget, newPath);
    return exitCode(budget, args.unweighed, false);
  }

  // lint needs the findings on the file as written, not the rewrites: the rules are given without their
  // fixes, so no rewrite is computed and no step re-estimated (a third of lint's time on a small file, and
  // the fixes' code is not even compiled: issue 11). lint prints only the findings and the first step.
  const plan = buildPlan({ ...first, settings, ...(args.command === "lint" ? { rules: LINT_RULES, findingsPastBudget: true } : {}) });
  const original = plan.steps[0];
  const diagnostics = original?.analysis.diagnostics ?? [];
  const budget = original === undefined ? null : checkBudget(original.analysis.estimate, limits, dockerfilePath);
  const ruleDocs = RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, what: r.meta.docs.what }));
  const link = () => playgroundLink(args.playgroundUrl, original?.texts ?? decodeTexts(first.dockerfile, first.requirements, first.dockerignore, first.projectFiles), args);
  const lintFailed = plan.findings.some((f) => f.severity === "error") || diagnostics.some((d) => d.severity === "error");
  if (args.format === "sarif") io.stdout(JSON.stringify(sarif(plan.findings, diagnostics, dockerfilePath, ruleDocs, budget), null, 2) + "\n");
  else if (args.format === "markdown") io.stdout(planMarkdown(args.command === "lint" ? { ...plan, steps: plan.steps.slice(0, 1) } : plan, diagnostics, dockerfilePath, budget, link()));
  else if (args.command === "lint") {
    if (args.format === "json") io.stdout(JSON.stringify({ version: 1, findings: plan.findings.map(lintFindingJson), diagnostics, budget }, null, 2) + "\n");
    else io.stdout(lintText(plan.findings, diagnostics, dockerfilePath) + (budget === null ? "" : `${budgetText(budget, dockerfilePath).join("\n")}\n`));
  } else if (args.format === "json") io.stdout(JSON.stringify({ ...planJson(plan, diagnostics), budget }, null, 2) + "\n");
  else io.stdout(planText(plan, diagnostics, dockerfilePath) + (budget === null ? "" : `\n${budgetText(budget, dockerfilePath).join("\n")}\n`));
  reportBudget(io, budget, dockerfilePath);
  return exitCode(budget, args.unweighed, args.command === "lint" && lintFailed);
}

/** The real process: tables from `dataDir` (the bundle's data/) or, without one, from the source tree. */
export function cliMain(dataDir?: string): void {
  // The engine reads each Debian release table (data, ~5 MB of JSON) from disk the first time it needs it.
  registerDebianTablesFromDisk(dataDir);
  // `whaleweight plan X | head -1`: a closed stdout ends the process quietly with its usual exit code.
  exitQuietlyOnClosedStdout();
  const options = dataDir === undefined ? {} : { pythonTablePath: join(dataDir, "python-wheels.json") };
  process.exitCode = run(process.argv.slice(2), nodeIo(), options);
}

const isMain = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) cliMain();
