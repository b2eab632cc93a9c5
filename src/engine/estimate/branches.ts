// Which branch of an `if … fi` a RUN takes, where the build args decide it: `ARG USE_CUDA=false` then
// `if [ "$USE_CUDA" = "true" ]; then pip install torch …cu121; else pip install torch …cpu; fi` installs the
// CPU build only, and weighing both branches counted ~2.5 GB of CUDA wheels the image does not hold (the
// review of monorepo Dockerfiles, open-webui). A condition the model cannot decide (a variable without a
// value, a command's exit status) leaves every branch counted, as before.
import { substituteVariables, type VariableLookup } from "../dockerfile/variables";
import type { ShellCommand } from "../shell/types";

interface Block {
  /** searching: no condition true yet; taken: part `taken` runs; unknown: a condition was not decidable. */
  state: "searching" | "taken" | "unknown";
  taken: number;
  /** The condition part being read, and its value so far (null: not decidable). */
  conditionPart: number;
  value: boolean | null;
}

/** One RUN's `if` blocks, by number (ShellCommand.branches). */
export type IfBlocks = Map<number, Block>;

/**
 * Whether `command` runs, given the conditions of the `if` blocks it sits in: false inside a branch the
 * build args rule out. Reads the command's own condition as it goes (commands come in script order).
 */
export function commandRuns(blocks: IfBlocks, command: ShellCommand, vars: VariableLookup): boolean {
  const branches = command.branches;
  if (branches === undefined) return true;
  for (const [depth, branch] of branches.entries()) {
    let block = blocks.get(branch.block);
    if (block === undefined) blocks.set(branch.block, (block = { state: "searching", taken: -1, conditionPart: -1, value: null }));
    if (branch.role === "condition") {
      if (block.state === "taken") return false;
      if (block.state === "unknown") continue;
      // Only a test directly in the condition is read; anything nested in it makes the block undecided.
      const value = depth === branches.length - 1 ? testValue(command, vars) : null;
      if (block.conditionPart !== branch.part) {
        block.conditionPart = branch.part;
        block.value = value;
      } else {
        block.value = combine(block.value, value, command.connectorBefore);
      }
      continue;
    }
    // A body: the condition just before it has been read whole.
    if (block.state === "searching" && block.conditionPart === branch.part - 1) {
      if (block.value === null) block.state = "unknown";
      else if (block.value) {
        block.state = "taken";
        block.taken = branch.part;
      }
    } else if (block.state === "searching") {
      // `else`: every condition before it was false.
      block.state = "taken";
      block.taken = branch.part;
    }
    if (block.state === "taken" && block.taken !== branch.part) return false;
    if (block.state === "searching") return false;
  }
  return true;
}

function combine(left: boolean | null, right: boolean | null, connector: ShellCommand["connectorBefore"]): boolean | null {
  if (connector === "&&") return left === false ? false : left === null || right === null ? null : right;
  if (connector === "||") return left === true ? true : left === null || right === null ? null : right;
  return null;
}

/** `[ A = B ]`, `[ A != B ]`, `[[ A == B ]]`, `test -n A`, `[ -z A ]` (and `!` before them) with every
 *  variable known; null for anything else. */
function testValue(command: ShellCommand, vars: VariableLookup): boolean | null {
  const words = command.words.map((w) => w.value);
  const first = words[0];
  let args: string[];
  if (first === "[" && words.at(-1) === "]") args = words.slice(1, -1);
  else if (first === "[[" && words.at(-1) === "]]") args = words.slice(1, -1);
  else if (first === "test") args = words.slice(1);
  else return null;
  let negate = false;
  if (args[0] === "!") {
    negate = true;
    args = args.slice(1);
  }
  const value = (word: string | undefined): string | null => {
    if (word === undefined) return null;
    const expanded = substituteVariables(word, vars);
    return expanded.unresolved.length > 0 || expanded.value.includes("$") || expanded.value.includes("`") ? null : expanded.value;
  };
  let result: boolean | null = null;
  if (args.length === 3 && (args[1] === "=" || args[1] === "==" || args[1] === "!=")) {
    const a = value(args[0]);
    const b = value(args[2]);
    // `[[ A == B ]]` matches B as a pattern: a literal only.
    if (a !== null && b !== null && !(first === "[[" && /[*?[]/.test(b))) result = args[1] === "!=" ? a !== b : a === b;
  } else if (args.length === 2 && (args[0] === "-n" || args[0] === "-z")) {
    const a = value(args[1]);
    if (a !== null) result = args[0] === "-n" ? a !== "" : a === "";
  }
  return result === null ? null : negate ? !result : result;
}
