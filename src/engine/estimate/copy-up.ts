// `RUN chown -R`, `chmod -R`, `chgrp -R` in the size model: on overlayfs (Docker's storage driver) a
// change of owner or mode copies the whole file up into the layer being built, so every file under the
// path that an earlier layer added is stored again in this one, and the earlier copy stays where it was
// (issue 10: "COPY --chown instead of a later chown -R, which also doubles the layer"). Assumption
// `chown-copy-up` says what this leaves out.
import type { ShellCommand } from "../shell/types";
import { substituteVariables } from "../dockerfile/variables";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext } from "./context";
import { resolvePath } from "./paths";
import type { RunScope } from "./python-install";
import type { FsEntry } from "./stage-fs";
import type { StageState } from "./stage-state";

const METADATA_COMMANDS = new Set(["chown", "chmod", "chgrp"]);

/** The paths a recursive chown/chmod/chgrp changes, or [] when the command is not one (or not recursive). */
export function recursiveMetadataPaths(command: ShellCommand, name: string): string[] {
  if (!METADATA_COMMANDS.has(name)) return [];
  const words = command.words.slice(1).map((w) => w.value);
  const flags = words.filter((w) => w.startsWith("-"));
  // `-R`, or a bundle holding R (`-Rf`, `-fR`); GNU's long form too.
  if (!flags.some((f) => /^-[a-zA-Z]*R[a-zA-Z]*$/.test(f) || f === "--recursive")) return [];
  const operands = words.filter((w) => !w.startsWith("-"));
  // The first operand is the owner, group or mode, unless --reference names a file to copy them from.
  return flags.some((f) => f.startsWith("--reference")) ? operands : operands.slice(1);
}

/** Copy up, into the current layer, every live entry under the command's paths that an earlier layer of
 *  the stage added. Base-image entries are left out (the model holds the base as a whole). */
export function copyUp(ctx: EstimateContext, stage: StageState, scope: RunScope, command: ShellCommand, name: string): void {
  const layer = stage.fs.current;
  if (layer === undefined) return;
  for (const path of recursiveMetadataPaths(command, name)) {
    const resolved = substituteVariables(path, scope.vars);
    if (resolved.unresolved.length > 0) continue;
    const target = resolvePath(scope.cwd, resolved.value);
    const earlier = stage.fs.select(target).filter((e) => e.category !== "base" && e.bytes > 0 && stage.fs.layerOf(e) !== layer);
    if (earlier.length === 0) continue;
    ctx.assume(ASSUMPTIONS.copyUp.id, ASSUMPTIONS.copyUp.text, scope.line);
    // The earlier entry stays in its layer, hidden; a copy with the same contents lives on in this one.
    const suffix = ` (copied up by ${name} -R)`;
    // Said once: each later `chown -R` would otherwise lengthen every label again.
    stage.fs.replaceWithCopies(earlier, (entry) => copyOf(entry, entry.label.endsWith(" -R)") && entry.label.includes(" (copied up by ") ? entry.label : `${entry.label}${suffix}`));
  }
}

/** `{ ...entry, label }`, field by field: entries come from a dozen literals of different field orders, so a
 *  spread copies them through V8's slow generic path (a third of a long copy-up's time). */
function copyOf(entry: FsEntry, label: string): FsEntry {
  return {
    path: entry.path, bytes: entry.bytes, category: entry.category, label, sources: entry.sources, pycBytes: entry.pycBytes,
    pythonPackage: entry.pythonPackage, wheelFile: entry.wheelFile, groups: entry.groups, wheelVersion: entry.wheelVersion ?? null,
    builtForPython: entry.builtForPython, builtForLibc: entry.builtForLibc, interpreter: entry.interpreter,
  };
}
