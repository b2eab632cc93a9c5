// The copy of dockerfile-ast's argument scan must give what the library's own scan gives: the same
// arguments, values and ranges, on generated instructions (escapes, continuations, comment lines, CRs,
// the backquote escape directive) and on every instruction of the shared corpus.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DockerfileParser } from "dockerfile-ast";
import type { Argument, Instruction } from "dockerfile-ast";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { libraryRawArguments } from "./ast-arguments-memo";
import { scanArguments } from "./ast-arguments-scan";

const shape = (args: readonly Argument[]) =>
  args.map((a) => {
    const { start, end } = a.getRange();
    const around = [start, end, { line: start.line, character: start.character + 1 }, { line: end.line + 1, character: 0 }];
    return { value: a.getValue(), range: a.getRange(), after: around.map((p) => a.isAfter(p)), before: around.map((p) => a.isBefore(p)) };
  });

/** Every instruction of `text` scanned both ways (the library's scan called directly, not memoised). */
function compare(text: string): number {
  if (libraryRawArguments === undefined) throw new Error("dockerfile-ast has no getRawArguments");
  const instructions: Instruction[] = DockerfileParser.parse(text).getInstructions();
  for (const instruction of instructions) {
    expect(shape(scanArguments(instruction))).toEqual(shape(libraryRawArguments.call(instruction)));
  }
  return instructions.length;
}

const corpus = fileURLToPath(new URL("../../../../shared/corpus/dockerfiles", import.meta.url));

describe("scanArguments", () => {
  it.each([
    { name: "plain", text: "RUN pip install flask" },
    { name: "continuations", text: "RUN apk add \\\n  gcc \\\r\n  musl-dev \\  \n  && x" },
    { name: "escaped characters", text: "RUN echo a\\ b \\$HOME \\\\ c\\" },
    { name: "comment lines inside", text: "RUN a \\\n# note \\\n  b \\\n\n  c" },
    { name: "escape directive", text: "# escape=`\nFROM x\nRUN a `\n  b `$c d`` e`" },
    { name: "escape then spaces then text", text: "RUN a\\  b \\ \t" },
    { name: "escape, spaces and a lone CR (the library skips the character after it)", text: "RUN a \\ \rbc d" },
  ])("$name", ({ text }) => {
    expect(compare(text)).toBeGreaterThan(0);
  });

  it("matches the library on generated instructions", () => {
    const unit = fc.constantFrom("a", "b", " ", "  ", "\t", "\\", "`", "$", "#", "\"", "'", "=", "--x=", "\n", "\r\n", "\r", "\\\n", "\\ \n", "\\ \r", "\\\r\n", "\n# c\n", "\n  #c \\\n", "\n\n", "`\n", "<<EOF");
    fc.assert(
      fc.property(
        fc.constantFrom("", "# escape=`\n"),
        fc.constantFrom("RUN", "COPY", "ENV", "FROM", "ARG", "LABEL", "CMD", "WORKDIR", "ONBUILD RUN", "HEALTHCHECK CMD"),
        fc.string({ unit, maxLength: 60 }),
        (directive, keyword, rest) => {
          compare(`${directive}${keyword} ${rest}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.skipIf(!existsSync(corpus))("matches the library on every corpus instruction", () => {
    let count = 0;
    for (const name of readdirSync(corpus)) {
      const file = `${corpus}/${name}/Dockerfile`;
      if (existsSync(file)) count += compare(readFileSync(file, "utf8"));
    }
    expect(count).toBeGreaterThan(500);
  });
});
