// Reading a saved state that may be damaged (issue 15): storage can hold a save cut short by a full disk
// or a crash mid-write, a hand edit, or more files than a link may carry. Whatever texts it still holds
// are recovered and the caller is told what was lost, instead of the save being dropped for the example.
import * as v from "valibot";
import { fromWire } from "../permalink/codec";
import { WireCurrent } from "../permalink/schema";
import type { SharedFile } from "../permalink/shared-state";
import type { Saved } from "./autosave-types";

/** Longest path kept: Linux's PATH_MAX (4096, include/uapi/linux/limits.h); a longer one is no real
 *  path, and is shortened rather than the file dropped. Links cap paths at 256 (permalink/schema.ts);
 *  the autosave holds the user's own files, so it is laxer. */
export const MAX_SAVED_PATH = 4096;

const SavedFile = v.tuple([v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SAVED_PATH)), v.string()]);
/** The autosave's schema: a link's, without the caps on the number of files (they bound what a stranger's
 *  link can ask of the page; the user's own project may have more, and Share says so when it does). */
export const SavedWire = v.object({
  ...WireCurrent.entries,
  r: v.optional(v.array(SavedFile)),
  p: v.optional(v.array(SavedFile)),
});

export interface ReadSaved {
  readonly state: Saved;
  /** What was damaged and what became of it, in words for the page; empty when the save was intact. */
  readonly problems: readonly string[];
}

/** Parse a saved state (the permalink's wire JSON), salvaging what it can; null when nothing is left. */
export function readSaved(raw: string): ReadSaved | null {
  const problems: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = repairTruncatedJson(raw);
    if (value === undefined) return null;
    problems.push("it was cut short, so the end of the text may be missing");
  }
  const strict = v.safeParse(SavedWire, value);
  if (strict.success) {
    // fromWire reads the autosave's laxer shape as well: only the caps differ.
    return { state: withoutTablesVersion(fromWire(strict.output as WireCurrent)), problems };
  }
  const lenient = salvageFields(value, problems);
  return lenient === null ? null : { state: lenient, problems };
}

function withoutTablesVersion(state: ReturnType<typeof fromWire>): Saved {
  const { tablesVersion: _tablesVersion, ...rest } = state;
  return rest;
}

const DECISION = /^(-|\+.{0,100})$/s;
const ID_MAX = 100;

/** Field by field: keep every text that is a string, drop what is not, and say so. */
function salvageFields(value: unknown, problems: string[]): Saved | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const dockerfile = typeof record["d"] === "string" ? record["d"] : null;
  const requirements = salvageFiles(record["r"], "requirements", problems);
  const projectFiles = salvageFiles(record["p"], "project", problems);
  const dockerignore = typeof record["i"] === "string" ? record["i"] : null;
  if (dockerfile === null && requirements.length === 0 && projectFiles.length === 0 && dockerignore === null) return null;
  if (dockerfile === null) problems.push("its Dockerfile was unreadable");
  const decisions = Object.fromEntries(Object.entries(objectOrEmpty(record["x"]))
    .filter((entry): entry is [string, string] => entry[0].length <= ID_MAX && typeof entry[1] === "string" && DECISION.test(entry[1]))
    .map(([id, code]) => [id, code === "-" ? { action: "skip" as const } : code === "+" ? { action: "apply" as const } : { action: "apply" as const, alternative: code.slice(1) }]));
  const selected = record["s"];
  const context = record["c"];
  const arch = record["a"];
  const sizes = v.safeParse(WireCurrent.entries.z, record["z"]);
  return {
    dockerfile: dockerfile ?? "",
    requirements,
    projectFiles,
    dockerignore,
    decisions,
    selectedStep: typeof selected === "string" && selected.length > 0 && selected.length <= ID_MAX ? selected : null,
    contextBytes: v.is(WireCurrent.entries.c, context) ? (context ?? null) : null,
    arch: arch === "x86_64" || arch === "aarch64" ? arch : null,
    packageSizes: sizes.success ? Object.fromEntries(Object.entries(sizes.output ?? {})) : {},
  };
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function salvageFiles(value: unknown, kind: "requirements" | "project", problems: string[]): SharedFile[] {
  if (!Array.isArray(value)) {
    if (value !== undefined) problems.push(`its ${kind} files were unreadable`);
    return [];
  }
  const files: SharedFile[] = [];
  let dropped = 0;
  for (const entry of value) {
    const path: unknown = Array.isArray(entry) ? entry[0] : undefined;
    const text: unknown = Array.isArray(entry) ? entry[1] : undefined;
    if (typeof text !== "string") {
      dropped++;
      continue;
    }
    if (typeof path !== "string" || path.length === 0) {
      files.push({ path: `recovered-${files.length + 1}.txt`, text });
      problems.push(`a ${kind} file without a name was kept as recovered-${files.length}.txt`);
    } else if (path.length > MAX_SAVED_PATH) {
      files.push({ path: path.slice(0, MAX_SAVED_PATH), text });
      problems.push(`a ${kind} file's path was longer than ${MAX_SAVED_PATH} characters and was shortened`);
    } else {
      files.push({ path, text });
    }
  }
  if (dropped > 0) problems.push(`${dropped} ${kind} file${dropped === 1 ? "" : "s"} could not be read`);
  return files;
}

/**
 * Close a JSON text that was cut short: the longest prefix that ends after a complete value — or inside a
 * string value, which is closed where it stops (the text it holds is what matters) — with its open
 * arrays and objects closed. Linear: one pass, no backtracking. undefined when nothing can be made of it.
 */
export function repairTruncatedJson(text: string): unknown {
  interface Frame { readonly close: "}" | "]"; expectKey: boolean }
  const stack: Frame[] = [];
  /** The prefix length and closers of the last point where the text could end. */
  const safe = { end: -1, closers: "" };
  const closers = () => stack.map((f) => f.close).reverse().join("");
  const valueDone = (end: number) => {
    safe.end = end;
    safe.closers = closers();
  };
  let i = 0;
  let inString = false;
  let stringIsKey = false;
  /** Where the open string's last complete character ends. */
  let stringEnd = 0;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      if (c === "\\") {
        // `\uXXXX` is six characters, every other escape two; one cut short ends the text here.
        const length = text[i + 1] === "u" ? 6 : 2;
        if (i + length > text.length) break;
        i += length;
        stringEnd = i;
        continue;
      }
      if (c === '"') {
        inString = false;
        if (!stringIsKey) valueDone(i + 1);
      }
      i++;
      stringEnd = i;
      continue;
    }
    const top = stack[stack.length - 1];
    switch (c) {
      case '"':
        inString = true;
        stringIsKey = top !== undefined && top.close === "}" && top.expectKey;
        stringEnd = i + 1;
        break;
      case "{":
        stack.push({ close: "}", expectKey: true });
        valueDone(i + 1);
        break;
      case "[":
        stack.push({ close: "]", expectKey: false });
        valueDone(i + 1);
        break;
      case "}":
      case "]":
        stack.pop();
        valueDone(i + 1);
        break;
      case ":":
        if (top !== undefined) top.expectKey = false;
        break;
      case ",":
        if (top !== undefined && top.close === "}") top.expectKey = true;
        break;
      default:
        // A number, true/false/null: complete once the next delimiter comes.
        if (/[-0-9a-z.+]/i.test(c ?? "") && !/[-0-9a-z.+]/i.test(text[i + 1] ?? " ") && i + 1 < text.length) valueDone(i + 1);
    }
    i++;
  }
  const attempts: string[] = [];
  if (inString && !stringIsKey) {
    // The string value stops where the text does (before a cut escape): close it there.
    attempts.push(`${text.slice(0, stringEnd)}"${closers()}`);
  }
  if (safe.end >= 0) attempts.push(text.slice(0, safe.end) + safe.closers);
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // Try the next, shorter repair.
    }
  }
  return undefined;
}
