// requirements.txt → RequirementsFile, following pip's own reader (pip/_internal/req/req_file.py): decode,
// join continuation lines, strip comments, split each line into the requirement (words before the first
// one starting with "-") and options (shell-split, optparse-style). A line pip would reject becomes a
// diagnostic at its line and column and is skipped; everything else in the file still counts. Never throws.
import { LIMITS } from "../limits";
import type { Diagnostic } from "../diagnostics";
import { describeError } from "../diagnostics";
import { decodeText } from "../text/decode";
import type { DecodedText } from "../text/decode";
import { LineIndex } from "../text/line-index";
import { contentRange, offsetOf, splitLogicalLines } from "./logical-lines";
import type { LogicalLine } from "./logical-lines";
import type { MarkerEnvironment, Requirement, RequirementsFile, RequirementsInclude, RequirementsOptions } from "./model";
import { normalizeName } from "./normalize-name";
import { readOptions, shellSplit } from "./options";
import type { ParsedOption } from "./options";
import { parseRequirementText } from "./requirement-text";
import type { RequirementFields } from "./requirement-text";

// Past this many, further diagnostics add noise, not information (a binary file would yield one per line).
const MAX_DIAGNOSTICS = 200;
// pip accepts only these (`STRONG_HASHES`); md5 and sha1 are refused.
const HASH = /^(sha256|sha384|sha512):[0-9a-fA-F]+$/;

type Severity = Diagnostic["severity"];

interface MutableOptions {
  indexUrl: string | null;
  noIndex: boolean;
  extraIndexUrls: string[];
  findLinks: string[];
  noBinary: string[];
  onlyBinary: string[];
  preferBinary: boolean;
  requireHashes: boolean;
  pre: boolean;
  trustedHosts: string[];
}

class FileParser {
  readonly requirements: Requirement[] = [];
  readonly includes: RequirementsInclude[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly options: MutableOptions = {
    indexUrl: null,
    noIndex: false,
    extraIndexUrls: [],
    findLinks: [],
    noBinary: [],
    onlyBinary: [],
    preferBinary: false,
    requireHashes: false,
    pre: false,
    trustedHosts: [],
  };
  private readonly index: LineIndex;
  private dropped = 0;

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly env: MarkerEnvironment | undefined,
  ) {
    this.index = new LineIndex(text);
  }

  report(offset: number, severity: Severity, code: string, message: string): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.dropped++;
      return;
    }
    const { line, column } = this.index.positionAt(offset);
    this.diagnostics.push({ message, line, column, severity, code, file: { requirements: this.path } });
  }

  finish(): void {
    if (this.dropped === 0) return;
    const last = this.diagnostics[this.diagnostics.length - 1];
    this.diagnostics.push({
      message: `${this.dropped} further problems in this file are not listed.`,
      line: last?.line ?? 1,
      column: last?.column ?? 1,
      severity: "info",
      code: "requirements/too-many-problems",
      file: { requirements: this.path },
    });
  }

  parseLine(line: LogicalLine): void {
    const { from, to } = contentRange(line.text);
    if (from === to) return;
    const at = (index: number): number => offsetOf(line, index);
    // pip's `break_args_options`: the requirement is every word before the first that starts with "-".
    let argsTo = from;
    let optionsFrom = to;
    for (const word of line.text.slice(from, to).matchAll(/[^ \t]+/g)) {
      const start = from + word.index;
      if (word[0].startsWith("-")) {
        optionsFrom = start;
        break;
      }
      argsTo = start + word[0].length;
    }
    const split = shellSplit(line.text, optionsFrom, to);
    if (split.error !== null) {
      this.report(at(split.error.at), split.error.severity, split.error.code, split.error.message);
      return;
    }
    const { options, problems } = readOptions(split.words);
    for (const problem of problems) this.report(at(problem.at), problem.severity, problem.code, problem.message);

    if (argsTo > from) {
      this.addRequirement(line, line.text.slice(from, argsTo), from, false, options);
      return;
    }
    const editable = options.find((option) => option.spec.id === "editable");
    if (editable !== undefined) {
      this.addRequirement(line, editable.value, editable.valueAt, true, options.filter((option) => option !== editable));
      return;
    }
    this.applyOptions(line, options);
  }

  private addRequirement(line: LogicalLine, text: string, base: number, editable: boolean, options: readonly ParsedOption[]): void {
    const at = (index: number): number => offsetOf(line, index);
    const parsed = parseRequirementText(text, base, this.env);
    for (const problem of parsed.problems) this.report(at(problem.at), problem.severity, problem.code, problem.message);
    const hashes = this.requirementOptions(line, options);
    if (parsed.fields === null) return;
    const fields = parsed.fields;
    if (editable && !this.checkEditable(fields, at(base))) return;
    const { line: lineNumber, column } = this.index.positionAt(at(base));
    this.requirements.push({ ...fields, editable, hashes, file: this.path, line: lineNumber, column, start: line.start, end: line.end });
  }

  /** pip takes only a local project or a VCS checkout after `-e`. */
  private checkEditable(fields: RequirementFields, offset: number): boolean {
    if (fields.kind === "named") {
      this.report(offset, "error", "requirements/invalid-editable", "-e needs a local path or a VCS URL (git+https://…), not a project name; the line is skipped.");
      return false;
    }
    if (fields.kind === "url") {
      this.report(offset, "warning", "requirements/invalid-editable", "pip installs only local paths and VCS URLs in editable mode; this URL would be refused.");
    }
    if (fields.kind === "vcs" && fields.name === null) {
      this.report(offset, "warning", "requirements/unnamed-editable", "pip needs #egg=name on an editable VCS URL to know the project's name.");
    }
    return true;
  }

  /** Options on a requirement's line: hashes belong to it; most others pip silently ignores there. */
  private requirementOptions(line: LogicalLine, options: readonly ParsedOption[]): string[] {
    const hashes: string[] = [];
    for (const option of options) {
      const offset = offsetOf(line, option.at);
      switch (option.spec.id) {
        case "hash":
          if (HASH.test(option.value)) hashes.push(option.value);
          else this.report(offsetOf(line, option.valueAt), "warning", "requirements/invalid-hash", `"${option.value}" is not a hash pip accepts (sha256:, sha384: or sha512: and hex digits); it is ignored.`);
          break;
        case "config-settings":
        case "global-option":
          break;
        // pip's parser applies these to the whole install as it reads them, on any line.
        case "no-binary":
        case "only-binary":
          this.applyOption(option, offset);
          break;
        default:
          this.report(offset, "warning", "requirements/option-ignored", `pip ignores ${option.spec.long} on a requirement's line; put it on a line of its own.`);
      }
    }
    return hashes;
  }

  private applyOptions(line: LogicalLine, options: readonly ParsedOption[]): void {
    let included = false;
    for (const option of options) {
      const offset = offsetOf(line, option.at);
      if (option.spec.id === "requirement" || option.spec.id === "constraint") {
        if (included) {
          this.report(offset, "warning", "requirements/include-ignored", `pip follows only the first -r/-c of a line; ${option.value} is not read.`);
          continue;
        }
        included = true;
        const { line: lineNumber, column } = this.index.positionAt(offset);
        this.includes.push({ kind: option.spec.id, path: option.value, line: lineNumber, column });
        continue;
      }
      if (option.spec.perRequirement) {
        this.report(offset, "warning", "requirements/option-ignored", `${option.spec.long} applies to the requirement on its line, and this line has none.`);
        continue;
      }
      this.applyOption(option, offset);
    }
  }

  private applyOption(option: ParsedOption, offset: number): void {
    const o = this.options;
    switch (option.spec.id) {
      case "index-url":
        o.indexUrl = option.value;
        break;
      case "no-index":
        o.noIndex = true;
        break;
      case "extra-index-url":
        o.extraIndexUrls.push(option.value);
        break;
      case "find-links":
        o.findLinks.push(option.value);
        break;
      case "no-binary":
        o.noBinary.push(...binaryNames(option.value));
        break;
      case "only-binary":
        o.onlyBinary.push(...binaryNames(option.value));
        break;
      case "prefer-binary":
        o.preferBinary = true;
        break;
      case "require-hashes":
        o.requireHashes = true;
        break;
      case "pre":
        o.pre = true;
        break;
      case "trusted-host":
        o.trustedHosts.push(option.value);
        break;
      case "use-feature":
        break;
      default:
        this.report(offset, "warning", "requirements/option-ignored", `${option.spec.long} is not used here.`);
    }
  }
}

/** `--no-binary lxml,xmlsec` → normalised names; `:all:` and `:none:` stay as written. */
function binaryNames(value: string): string[] {
  return value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "")
    .map((name) => (name === ":all:" || name === ":none:" ? name : normalizeName(name)));
}

function decode(content: string | Uint8Array): DecodedText {
  try {
    return decodeText(content);
  } catch {
    return { text: "", encoding: "utf-8", hadBom: false, invalidOffsets: [] };
  }
}

/** Parse one requirements file. `env` decides markers; without it only the platform is known. */
export function parseRequirementsFile(path: string, content: string | Uint8Array, env?: MarkerEnvironment): RequirementsFile {
  const decoded = decode(content);
  const parser = new FileParser(path, decoded.text, env);
  const firstInvalid = decoded.invalidOffsets[0];
  if (firstInvalid !== undefined) {
    parser.report(firstInvalid, "warning", "requirements/invalid-encoding", `The file is not valid ${decoded.encoding}; ${decoded.invalidOffsets.length} undecodable byte sequence(s) were replaced.`);
  }
  for (const line of splitLogicalLines(decoded.text)) {
    if (line.text.length > LIMITS.requirementLineChars) {
      parser.report(line.start, "error", "limit/requirement-line",
        `This line has ${line.text.length.toLocaleString("en-US")} characters (continuations joined), more than the ${LIMITS.requirementLineChars.toLocaleString("en-US")} read: it is skipped.`);
      continue;
    }
    try {
      parser.parseLine(line);
    } catch (error) {
      // A bug of ours must not cost the user the rest of the file.
      parser.report(line.start, "error", "requirements/internal-error", `This line could not be read (${describeError(error)}); it is skipped.`);
    }
  }
  parser.finish();
  const options: RequirementsOptions = { ...parser.options };
  return {
    path,
    text: decoded.text,
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    requirements: parser.requirements,
    includes: parser.includes,
    options,
    diagnostics: parser.diagnostics,
  };
}
