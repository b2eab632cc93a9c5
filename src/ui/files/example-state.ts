// Is the page showing an example? Read from the texts themselves (not a flag), so an example loaded from
// the menu, the first visit's default or a shared link of one are all labelled, and the label goes as
// soon as the user's own text is in.
import { EXAMPLES, type Example } from "../../examples/index";
import type { ProjectTexts } from "../../state/project-files";

function sameFiles(a: readonly { path: string; text: string }[], b: readonly { path: string; text: string }[]): boolean {
  return a.length === b.length && a.every((f, i) => f.path === b[i]?.path && f.text === b[i]?.text);
}

function otherFilesMatch(texts: ProjectTexts, example: Example): boolean {
  return sameFiles(texts.requirements, example.requirements) && sameFiles(texts.projectFiles, example.projectFiles ?? []) && texts.dockerignore === example.dockerignore;
}

/** The example the texts are, unchanged, or null. */
export function matchingExample(texts: ProjectTexts, examples: readonly Example[] = EXAMPLES): Example | null {
  return examples.find((e) => e.dockerfile === texts.dockerfile && otherFilesMatch(texts, e)) ?? null;
}

/** The example's files other than its Dockerfile, by name ("requirements.txt", ".dockerignore"). */
export function exampleOtherFiles(example: Example): string[] {
  return [
    ...example.requirements.filter((f) => f.text !== "").map((f) => f.path),
    ...(example.projectFiles ?? []).map((f) => f.path),
    ...(example.dockerignore === null ? [] : [".dockerignore"]),
  ];
}

/** Fraction of the new text's lines that must be new for it to count as another Dockerfile rather than
 *  an edit of this one: a paste of a whole file shares few lines (a FROM, a WORKDIR) with the example. */
const NEW_LINES_SHARE = 0.5;

/** True when `after` is a Dockerfile of its own pasted over `before`, not an edit of it. */
export function isWholeNewDockerfile(before: string, after: string): boolean {
  if (!/^\s*FROM\s/im.test(after)) return false;
  const old = new Set(before.split("\n").map((l) => l.trim()).filter((l) => l !== ""));
  const lines = after.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const fresh = lines.filter((l) => !old.has(l)).length;
  return lines.length > 0 && fresh / lines.length >= NEW_LINES_SHARE;
}
