// dockerfile-ast recomputes an instruction's arguments from its text at every call (`getRawArguments`
// re-scans the instruction, making a Range and two positions per word), and its own constructors and
// getters call it again and again: `JSONInstruction`'s constructor three times before the parser hands the
// instance out, `getFlags`, `getArgumentsRange`, `getHeredocs` once more each — 5–9 scans of every
// instruction, ~20% of a parse's self time (CPU profile of a 10,000-instruction file, 2026-12-02). The
// arguments of a parsed instruction never change (its document is immutable), so the first scan is kept
// on the instance, under a symbol. Installed on the prototype because the constructors call it before any
// instance is returned; a copy is handed out each time, since `ModifiableInstruction.getArguments` shifts
// the flags off the array it gets.
import { Instruction } from "dockerfile-ast";
import type { Argument } from "dockerfile-ast";
import { scanArguments } from "./ast-arguments-scan";

interface Scanner {
  getRawArguments(this: Instruction): Argument[];
}

/** The library's own scan, as it was before `memoiseAstArguments` replaced it (ast-arguments-scan.test.ts
 *  compares the copy with it). */
export const libraryRawArguments: Scanner["getRawArguments"] | undefined = (Instruction.prototype as unknown as Partial<Scanner>).getRawArguments;

const SCANNED = Symbol("whaleweight.rawArguments");
type Memoised = Instruction & { [SCANNED]?: readonly Argument[] };
let installed = false;

export function memoiseAstArguments(): void {
  if (installed) return;
  installed = true;
  // Private in the library's typings, public at run time.
  const prototype = Instruction.prototype as unknown as Scanner;
  // A dockerfile-ast release without this private method (the package is pinned by the lock file, but an
  // upgrade must not break parsing): leave the library as it is, slower but correct. The scan itself is
  // ast-arguments-scan.ts's copy of the library's, which allocates less.
  if (typeof libraryRawArguments !== "function") return;
  prototype.getRawArguments = function getRawArguments(this: Memoised): Argument[] {
    let args = this[SCANNED];
    if (args === undefined) {
      args = scanArguments(this);
      // Not enumerable: the instance looks to the library (and to a debugger's listing) as it did.
      Object.defineProperty(this, SCANNED, { value: args });
    }
    return args.slice();
  };
}
