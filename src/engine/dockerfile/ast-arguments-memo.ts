// dockerfile-ast recomputes an instruction's arguments from its text at every call (`getRawArguments`
// re-scans the instruction, making a Range and two positions per word), and its own constructors and
// getters call it again and again: `JSONInstruction`'s constructor three times before the parser hands the
// instance out, `getFlags`, `getArgumentsRange`, `getHeredocs` once more each — 5–9 scans of every
// instruction, ~20% of a parse's self time (CPU profile of a 10,000-instruction file, 2026-12-02). The
// arguments of a parsed instruction never change (its document is immutable), so the first scan is kept,
// per instance, in a WeakMap. Installed on the prototype because the constructors call it before any
// instance is returned; a copy is handed out each time, since `ModifiableInstruction.getArguments` shifts
// the flags off the array it gets.
import { Instruction } from "dockerfile-ast";
import type { Argument } from "dockerfile-ast";

interface Scanner {
  getRawArguments(this: Instruction): Argument[];
}

const SCANNED = Symbol("whaleweight.rawArguments");
type Memoised = Instruction & { [SCANNED]?: readonly Argument[] };
let installed = false;

export function memoiseAstArguments(): void {
  if (installed) return;
  installed = true;
  // Private in the library's typings, public at run time.
  const prototype = Instruction.prototype as unknown as Scanner;
  const scan = prototype.getRawArguments;
  // A dockerfile-ast release without this private method (the package is pinned by the lock file, but an
  // upgrade must not break parsing): leave the library as it is, slower but correct.
  if (typeof scan !== "function") return;
  prototype.getRawArguments = function getRawArguments(this: Memoised): Argument[] {
    let args = this[SCANNED];
    if (args === undefined) {
      args = scan.call(this);
      // Not enumerable: the instance looks to the library (and to a debugger's listing) as it did.
      Object.defineProperty(this, SCANNED, { value: args });
    }
    return args.slice();
  };
}
