// The GitHub Action's entry point (action.yml runs dist-cli/action.mjs, built from action-entry.ts): weighs
// each Dockerfile the workflow names with `plan --format markdown`, appends the reports to the job summary,
// optionally writes one SARIF file of `lint`'s findings for code scanning, and exits with the worst exit
// code (3 when a Dockerfile as written is over the budget, 4 when its budget cannot be judged and the
// `unweighed` input is not `pass`). Inputs come as the INPUT_* environment
// variables action.yml sets; the environment and the files are parameters, so a test runs it on fixtures.
import { run, worstExitCode, type CliOptions } from "./main";
import type { CliIo } from "./io";

export type ActionEnv = Readonly<Record<string, string | undefined>>;

export interface ActionDeps {
  readonly io: CliIo;
  readonly appendFile: (path: string, text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
  readonly options?: CliOptions;
}

/** `dockerfiles`: paths one per line (or separated by spaces), relative to the workspace. */
export function dockerfilesOf(input: string | undefined): string[] {
  const paths = (input ?? "").split(/\s+/).filter((p) => p !== "");
  return paths.length > 0 ? paths : ["Dockerfile"];
}

/** The CLI's options that every run gets from the inputs; empty inputs are left out. */
function sharedArgs(env: ActionEnv): string[] {
  const args: string[] = [];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== "") args.push(flag, value.trim());
  };
  add("--max-size", env.INPUT_MAX_SIZE);
  add("--max-pull-size", env.INPUT_MAX_PULL_SIZE);
  add("--unweighed", env.INPUT_UNWEIGHED);
  return args;
}

/** Runs the CLI in-process, keeping its stdout; its stderr (the one-line messages) is passed through,
 *  or dropped when `quiet` (the second run over the same file would say the same again). */
function capture(argv: readonly string[], deps: ActionDeps, quiet = false): { code: number; stdout: string } {
  let stdout = "";
  const code = run(argv, { ...deps.io, stdout: (text) => (stdout += text), ...(quiet ? { stderr: () => undefined } : {}) }, deps.options);
  return { code, stdout };
}

interface SarifLog {
  runs: { results: unknown[] }[];
}

export function runAction(env: ActionEnv, deps: ActionDeps): number {
  const shared = sharedArgs(env);
  const playground = env.INPUT_PLAYGROUND_URL?.trim() ?? "";
  const codes: number[] = [];
  let sarif: SarifLog | null = null;
  for (const dockerfile of dockerfilesOf(env.INPUT_DOCKERFILES)) {
    const report = capture(["plan", dockerfile, "--format", "markdown", ...shared, ...(playground === "" ? [] : ["--playground-url", playground])], deps);
    codes.push(report.code);
    if (report.stdout !== "") {
      // Without a job summary (a local run), the report goes to the log.
      if (env.GITHUB_STEP_SUMMARY !== undefined && env.GITHUB_STEP_SUMMARY !== "") deps.appendFile(env.GITHUB_STEP_SUMMARY, `${report.stdout}\n`);
      else deps.io.stdout(report.stdout);
    }
    const sarifFile = env.INPUT_SARIF_FILE?.trim() ?? "";
    if (sarifFile !== "" && report.code !== 2) {
      const lint = capture(["lint", dockerfile, "--format", "sarif", ...shared], deps, true);
      const log = JSON.parse(lint.stdout) as SarifLog;
      // One run for every file: code scanning takes one run per tool and category in an upload.
      const first = sarif?.runs[0];
      if (sarif === null || first === undefined) sarif = log;
      else first.results.push(...(log.runs[0]?.results ?? []));
    }
  }
  const sarifFile = env.INPUT_SARIF_FILE?.trim() ?? "";
  if (sarifFile !== "" && sarif !== null) deps.writeFile(sarifFile, JSON.stringify(sarif, null, 2) + "\n");
  return worstExitCode(codes);
}
