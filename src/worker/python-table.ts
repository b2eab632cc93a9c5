// The wheel table in the browser: fetched once, as the JSON asset Vite emits for it (content-hashed name,
// so the HTTP cache keeps it), and installed into the engine before the first plan is answered. It is
// never part of the first bundle (STYLE 12). A failed fetch or a malformed file leaves the bundled
// 217-package table answering; the error is kept for the page to show.
import { installPythonTableText } from "../engine/knowledge/python-table";
import tableUrl from "../engine/knowledge/data/python-wheels.json?url";

let loading: Promise<string | null> | null = null;

/** Resolves when the table is installed (null) or could not be (the reason). Fetches at most once. */
export function ensurePythonTable(): Promise<string | null> {
  loading ??= fetch(tableUrl)
    .then(async (response) => {
      if (!response.ok) return `package table not loaded (HTTP ${response.status})`;
      // As text: indexed by project and parsed a row at a time when looked up (installPythonTableText).
      const result = installPythonTableText(await response.text());
      return result.ok ? null : result.error;
    })
    .catch((error: unknown) => `package table not loaded (${error instanceof Error ? error.message : String(error)})`)
    .then((error) => {
      if (error !== null) console.warn(`${error}; weighing packages with the bundled table only.`);
      return error;
    });
  return loading;
}
