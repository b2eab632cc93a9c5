// Python commands that download data at build time: a model, a corpus, a browser. The estimate cannot
// weigh what they fetch, and `python` itself is otherwise read as writing nothing worth counting (a
// `manage.py collectstatic` or a `-m compileall` writes little), so these few are named instead, and the
// estimate says their bytes are left out. Matched on the command's words: a module run with `-m` and its
// subcommand, or inline code (`-c`) calling a known downloader.

/** `python -m MODULE SUBCOMMAND…` runs that download, as the module and, where it matters, its subcommand. */
const DOWNLOADING_MODULES: readonly { module: string; subcommand: string | null }[] = [
  { module: "spacy", subcommand: "download" },
  { module: "nltk.downloader", subcommand: null },
  { module: "playwright", subcommand: "install" },
  { module: "stanza", subcommand: null },
];

/** Calls in `python -c` code that fetch models or corpora (Hugging Face, NLTK, Whisper, sentence-transformers, torch hub). */
const DOWNLOADING_CODE = /\b(?:from_pretrained|snapshot_download|hf_hub_download|pipeline|SentenceTransformer|load_model|download|load_state_dict_from_url)\s*\(/;

/** `python -m spacy download`, `python -c "…from_pretrained(…)"`: how the warning names the command, or
 *  null for a Python command not known to download. `words` are the command's words, interpreter first. */
export function pythonDownload(words: readonly string[]): string | null {
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const module = word === "-m" ? words[i + 1] : word.startsWith("-m") && word.length > 2 ? word.slice(2) : undefined;
    if (module !== undefined) {
      const next = words[word === "-m" ? i + 2 : i + 1] ?? null;
      const known = DOWNLOADING_MODULES.find((m) => m.module === module && (m.subcommand === null || m.subcommand === next));
      return known === undefined ? null : `${words[0] ?? "python"} -m ${module}${known.subcommand === null ? "" : ` ${known.subcommand}`}`;
    }
    if (word === "-c") return DOWNLOADING_CODE.test(words[i + 1] ?? "") ? `${words[0] ?? "python"} -c` : null;
    // Other options (-u, -W ignore::…) come before -m or -c; a script name ends the interpreter's own.
    if (!word.startsWith("-")) return null;
    if (word === "-W" || word === "-X") i++;
  }
  return null;
}

/** A Playwright command that installs system packages or browsers: `playwright install [--with-deps]
 *  [browsers…]`, `playwright install-deps [browsers…]`, or either as `python -m playwright …`. */
export interface PlaywrightCommand {
  /** Runs `apt-get install` of Playwright's list for the browsers. */
  readonly deps: boolean;
  /** Downloads the browsers into its cache (~/.cache/ms-playwright, or PLAYWRIGHT_BROWSERS_PATH). */
  readonly downloads: boolean;
  /** The browsers named; none means every browser. */
  readonly browsers: readonly string[];
}

/** Words that run a program by name before `playwright` (`python -m`, `npx`, `uv run`, `poetry run`). */
const LAUNCHERS = new Set(["-m", "npx", "run", "exec"]);

/** `words` are the command's words, the program first; null for anything else. */
export function playwrightCommand(words: readonly string[]): PlaywrightCommand | null {
  // The program itself (`/opt/venv/bin/playwright`), or a launcher's argument (`python -m playwright`,
  // `python -mplaywright`, `npx playwright`, `uv run playwright`).
  const at = words.findIndex((word, i) => ((i === 0 || LAUNCHERS.has(words[i - 1] ?? "")) && /(^|\/)playwright$/.test(word)) || (i === 1 && word === "-mplaywright"));
  if (at < 0) return null;
  const [subcommand, ...args] = words.slice(at + 1);
  if (subcommand !== "install" && subcommand !== "install-deps") return null;
  const browsers = args.filter((a) => !a.startsWith("-"));
  const deps = subcommand === "install-deps" || args.includes("--with-deps");
  // `--dry-run` and `--list` install nothing.
  if (args.includes("--dry-run") || args.includes("--list")) return { deps: false, downloads: false, browsers };
  return { deps, downloads: subcommand === "install", browsers };
}
