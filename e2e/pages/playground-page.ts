// The playground as tests see it: actions and reads by test id, never by CSS structure or wording, so a
// restyle does not break the suite (tldraw's page objects). Text goes in the way a user puts it in — a
// paste into the editor — so Monaco's own input handling is exercised, not bypassed.
import { expect, type Locator, type Page } from "@playwright/test";

/** The three fixed editors, a further requirements file's (`requirements-requirements-base-txt`: see
 *  requirementsEditor) or a project file's (`project-uv-lock` for uv.lock: see projectEditor). */
export type EditorName = "dockerfile" | "requirements" | "dockerignore" | `requirements-${string}` | `project-${string}`;

/** The editor name of a requirements file, as ui/editor/editor-registry.ts derives it from the path. */
export function requirementsEditor(path: string): EditorName {
  return path === "requirements.txt" ? "requirements" : `requirements-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** The editor name of a project file, as ProjectFilesEditor derives it from the path. */
export function projectEditor(path: string): EditorName {
  return `project-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

export class PlaygroundPage {
  readonly app: Locator;
  readonly steps: Locator;
  readonly chartData: Locator;
  readonly details: Locator;
  readonly notice: Locator;
  readonly shareButton: Locator;
  readonly shareUrl: Locator;
  readonly summaryFinal: Locator;

  constructor(readonly page: Page) {
    this.app = page.getByTestId("app");
    this.steps = page.getByTestId("step");
    this.chartData = page.getByTestId("chart-data");
    this.details = page.getByTestId("step-details");
    this.notice = page.getByTestId("notice");
    this.shareButton = page.getByTestId("share");
    this.shareUrl = page.getByTestId("share-url");
    this.summaryFinal = page.getByTestId("summary-final");
  }

  /** Open the page (optionally with a fragment) and wait until the plan and the editors are there. */
  async goto(url = "/"): Promise<void> {
    await this.page.goto(url);
    await this.waitForPlan();
    await this.waitForEditors();
  }

  async waitForEditors(): Promise<void> {
    await expect(this.app).toHaveAttribute("data-editor-status", /ready|failed/, { timeout: 20_000 });
  }

  /** Wait until the analysis describes the current texts. */
  async waitForPlan(timeout = 20_000): Promise<void> {
    await expect(this.page.getByTestId("analysis")).toHaveAttribute("data-pending", "false", { timeout });
    await expect(this.steps.first()).toBeVisible();
  }

  /** Which change of the inputs the shown plan describes (it counts up with every edit and decision). */
  async planVersion(): Promise<number> {
    return Number(await this.page.getByTestId("analysis").getAttribute("data-plan-version"));
  }

  /** Run an action that changes the inputs, then wait for the plan of the result, not the one before. */
  async changing(action: () => Promise<void>, timeout = 20_000): Promise<void> {
    const before = await this.planVersion();
    await action();
    await expect.poll(() => this.planVersion(), { timeout }).toBeGreaterThan(before);
    await this.waitForPlan(timeout);
  }

  editor(name: EditorName): Locator {
    return this.page.getByTestId(`editor-${name}`);
  }

  /** Replace an editor's text with a paste, as a user would (select all, then paste), and wait for the
   *  plan of the new text unless told not to. The text must differ from what is there. */
  async paste(name: EditorName, text: string, { wait = true } = {}): Promise<void> {
    if (wait) return this.changing(() => this.paste(name, text, { wait: false }));
    const editor = this.editor(name);
    if ((await editor.getAttribute("data-editor")) === "monaco") {
      await editor.locator(".monaco-editor .view-lines").click();
    } else {
      await editor.getByRole("textbox").click();
    }
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press("ControlOrMeta+V");
  }

  /** The visible text of an editor (Monaco renders only the lines in view: fine for short texts). */
  async editorText(name: EditorName): Promise<string> {
    const editor = this.editor(name);
    if ((await editor.getAttribute("data-editor")) === "monaco") {
      // Without the sizes shown at line ends (injected text, not part of the file).
      const text = await editor.locator(".monaco-editor .view-lines").evaluate((lines) =>
        Array.from(lines.querySelectorAll<HTMLElement>(".view-line"))
          .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
          .map((line) => Array.from(line.querySelectorAll<HTMLElement>("span > span:not(.inline-size)")).map((s) => s.textContent ?? "").join(""))
          .join("\n"));
      return text.replace(/\u00a0/g, " ");
    }
    return editor.getByRole("textbox").inputValue();
  }

  /** The sizes shown at the ends of an editor's lines (Monaco only), by 1-based line. */
  async inlineSizes(name: EditorName): Promise<Record<number, string>> {
    return this.editor(name).locator(".monaco-editor .view-lines").evaluate((lines) => {
      const rows = Array.from(lines.querySelectorAll<HTMLElement>(".view-line")).sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      const sizes: Record<number, string> = {};
      rows.forEach((row, i) => {
        const hint = row.querySelector(".inline-size");
        if (hint !== null) sizes[i + 1] = (hint.textContent ?? "").replace(/\u00a0/g, " ").trim();
      });
      return sizes;
    });
  }

  /** Add a project file (pyproject.toml, uv.lock, …) by name and wait for the plan that includes it. */
  async addProjectFile(name: string): Promise<void> {
    await this.page.getByTestId("project-file-kind").selectOption(name);
    await this.changing(() => this.page.getByTestId("project-file-add").click());
    await expect(this.editor(projectEditor(name))).toBeVisible();
  }

  /** A cell of the chart's table: row `step`, column `category` (its label, e.g. "Python packages"). */
  async chartCell(step: number, category: string): Promise<string> {
    const headers = await this.chartData.locator("thead th").allTextContents();
    const column = headers.indexOf(category);
    return (await this.chartData.locator("tbody tr").nth(step).locator("th, td").nth(column).textContent()) ?? "";
  }

  step(index: number): Locator {
    return this.steps.nth(index);
  }

  async selectStep(index: number): Promise<void> {
    await this.step(index).getByTestId("step-select").click();
    await expect(this.details).toHaveAttribute("data-step-id", (await this.step(index).getAttribute("data-step-id")) ?? "");
  }

  async skip(index: number): Promise<void> {
    await this.changing(() => this.step(index).getByTestId("step-skip").click());
  }

  async apply(index: number): Promise<void> {
    await this.changing(() => this.step(index).getByTestId("step-apply").click());
  }

  /** The selected step's confidence line (how much of the estimate rests on defaults and assumptions). */
  get confidenceLine(): Locator {
    return this.details.getByTestId("confidence-line");
  }

  /** The selected step's size field for one package (listed while it is unknown or sized by the user). */
  packageSize(name: string): Locator {
    return this.details.locator(`[data-testid="package-size"][data-package="${name}"]`);
  }

  /** Type a package's installed size in MB, as a user would, and wait for the plan that uses it. */
  async setPackageMegabytes(name: string, value: string): Promise<void> {
    await this.changing(() => this.packageSize(name).getByRole("spinbutton").fill(value));
  }

  async setContextMegabytes(value: string): Promise<void> {
    await this.changing(() => this.page.getByTestId("context-size").fill(value));
  }

  /** Index of the first step offering a choice of fixes, or -1. */
  async firstStepWithAlternatives(): Promise<number> {
    const count = await this.steps.count();
    for (let i = 0; i < count; i++) {
      if ((await this.step(i).getByTestId("step-alternative").count()) > 0) return i;
    }
    return -1;
  }

  async chooseAlternative(index: number, optionIndex: number): Promise<void> {
    await this.changing(async () => {
      await this.step(index).getByTestId("step-alternative").selectOption({ index: optionIndex });
    });
  }

  /** The chart's numbers (its accessible table): changes whenever any bar does. */
  async chartNumbers(): Promise<string> {
    return (await this.chartData.textContent()) ?? "";
  }

  /** The selected step's diff as unified text ("" when the step changes nothing). */
  async diffText(): Promise<string> {
    // The details follow a new plan one paint after the chart, and the diff is asked of the worker when
    // the step is shown (ui/details/use-step-diff.ts): wait for the details to show this plan's diff.
    await expect(this.page.getByTestId("step-details")).toHaveAttribute("data-diff", "ready");
    const text = this.page.getByTestId("diff-text");
    return (await text.count()) === 0 ? "" : ((await text.textContent()) ?? "");
  }

  /** Everything that makes up "the view": steps with status and choice, selection, chart numbers, setting. */
  async viewSnapshot(): Promise<Record<string, unknown>> {
    // One read of every step in the page (each of them as separate locator calls is four round trips a
    // step, seconds for a long plan on a slow machine).
    const steps = await this.steps.evaluateAll((rows) =>
      rows.map((row) => {
        const alternative = row.querySelector<HTMLSelectElement>('[data-testid="step-alternative"]');
        return [
          row.getAttribute("data-step-id"),
          row.getAttribute("data-status"),
          row.querySelector('[data-testid="step-size"]')?.textContent ?? null,
          alternative === null ? "" : alternative.value,
        ].join("|");
      }));
    return {
      steps,
      selected: await this.details.getAttribute("data-step-id"),
      chart: await this.chartNumbers(),
      diff: await this.diffText(),
      contextSize: await this.page.getByTestId("context-size").inputValue(),
      dockerfile: await this.editorText("dockerfile"),
    };
  }

  async share(): Promise<string> {
    await this.shareButton.click();
    await expect(this.shareUrl).toHaveValue(/#v\d+\./);
    return this.shareUrl.inputValue();
  }
}
