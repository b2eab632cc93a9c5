// The project as files: a folder dropped onto the page (walked in the browser, nothing uploaded), files
// opened with the picker, rename and remove in the file list, the permalink's caps, and the warning that
// asks for a requirements file adding it.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { requirementsEditor } from "./pages/playground-page";

const DOCKERFILE = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements/ requirements/\nRUN pip install --no-cache-dir -r requirements/base.txt\nCOPY . .\n";
const UV_LOCK = 'version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "flask"\nversion = "3.0.3"\nsource = { registry = "https://pypi.org/simple" }\n';

interface DroppedFile { readonly path: string; readonly text: string }

/**
 * Drops a folder named `root` holding `files` onto the page. A DataTransfer built in a page cannot hold a
 * folder, so its items are stand-ins with the File and Directory Entries API the page reads
 * (webkitGetAsEntry → FileSystemDirectoryEntry / FileSystemFileEntry), over real File objects.
 */
async function dropFolder(page: Page, root: string, files: readonly DroppedFile[]): Promise<void> {
  await page.getByTestId("app").evaluate((target, { root, files }) => {
    interface Node { name: string; fullPath: string; file?: File; children?: Map<string, Node> }
    const top: Node = { name: root, fullPath: `/${root}`, children: new Map() };
    for (const f of files) {
      let dir = top;
      const parts = f.path.split("/");
      parts.forEach((part, i) => {
        const fullPath = `${dir.fullPath}/${part}`;
        if (i === parts.length - 1) dir.children?.set(part, { name: part, fullPath, file: new File([f.text], part) });
        else {
          if (!dir.children?.has(part)) dir.children?.set(part, { name: part, fullPath, children: new Map() });
          dir = dir.children?.get(part) as Node;
        }
      });
    }
    const entry = (node: Node): unknown => node.children === undefined
      ? { isFile: true, isDirectory: false, name: node.name, fullPath: node.fullPath, file: (ok: (f: File) => void) => ok(node.file as File) }
      : {
          isFile: false, isDirectory: true, name: node.name, fullPath: node.fullPath,
          createReader: () => {
            let done = false;
            return { readEntries: (ok: (e: unknown[]) => void) => { const batch = done ? [] : [...(node.children?.values() ?? [])].map(entry); done = true; ok(batch); } };
          },
        };
    const transfer = new DataTransfer();
    const items = [{ kind: "file", type: "", webkitGetAsEntry: () => entry(top), getAsFile: () => null }];
    Object.defineProperty(transfer, "items", { value: items });
    Object.defineProperty(transfer, "types", { value: ["Files"] });
    for (const type of ["dragover", "drop"]) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
      Object.defineProperty(event, "dataTransfer", { value: transfer });
      target.dispatchEvent(event);
    }
  }, { root, files });
}

test("a dropped folder becomes the project: its Dockerfile, requirements/base.txt and lock, the rest listed unread", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  await expect(page.getByTestId("example-banner")).toBeVisible();
  await playground.changing(() => dropFolder(page, "shop", [
    { path: "Dockerfile", text: DOCKERFILE },
    { path: "requirements/base.txt", text: "flask==3.0.3\ngunicorn==22.0.0\n" },
    { path: "uv.lock", text: UV_LOCK },
    { path: "app/main.py", text: "print('hi')\n" },
    { path: ".git/HEAD", text: "ref: refs/heads/main\n" },
  ]));
  // Paths are relative to the dropped folder, and the example's requirements.txt is gone with the example.
  const rows = page.getByTestId("file-row");
  await expect(rows).toHaveCount(4);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-path")))).toEqual(["Dockerfile", "requirements/base.txt", "uv.lock", ".dockerignore"]);
  await expect(page.getByTestId("example-banner")).toHaveCount(0);
  expect(await playground.editorText("dockerfile")).toBe(DOCKERFILE);
  await expect(playground.editor(requirementsEditor("requirements/base.txt"))).toBeVisible();
  await expect(page.getByTestId("file-not-used")).toHaveText(["app/main.py"]);
  await expect(page.getByTestId("folder-skipped")).toContainText(".git/");
  await expect(playground.notice).toContainText("nothing was uploaded");
  // The requirements were weighed: each package's size is at the end of its line.
  await expect.poll(() => playground.inlineSizes(requirementsEditor("requirements/base.txt"))).toEqual({ 1: expect.stringMatching(/ (kB|MB)$/), 2: expect.stringMatching(/ (kB|MB)$/) });
  // And the whole project travels in the link.
  const url = await playground.share();
  await page.goto("about:blank");
  await playground.goto(url);
  expect(await page.getByTestId("file-row").evaluateAll((els) => els.map((el) => el.getAttribute("data-path")))).toEqual(["Dockerfile", "requirements/base.txt", "uv.lock", ".dockerignore"]);
});

test("a drop past the link's caps loads what fits and says what was left out", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  // The permalink carries at most 32 requirements files (permalink/schema.ts MAX_FILES).
  const many = Array.from({ length: 34 }, (_, i) => ({ path: `requirements/r${String(i).padStart(2, "0")}.txt`, text: "six\n" }));
  await playground.changing(() => dropFolder(page, "big", [{ path: "Dockerfile", text: DOCKERFILE }, ...many]));
  await expect(page.getByTestId("file-refused")).toHaveCount(2);
  await expect(page.getByTestId("file-refused").first()).toContainText("at most 32 requirements files");
  await expect(playground.notice).toHaveAttribute("data-tone", "error");
  await expect(page.getByTestId("file-row").and(page.locator('[data-kind="requirements"]'))).toHaveCount(32);
});

test("Open files… adds requirements files and lists the others as not used", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  await playground.changing(() => page.getByTestId("open-files-input").setInputFiles([
    { name: "requirements-dev.txt", mimeType: "text/plain", buffer: Buffer.from("pytest==8.3.3\n") },
    { name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("# notes\n") },
  ]));
  // No Dockerfile among them: they join the project (the example's Dockerfile and requirements.txt stay).
  await expect(page.locator('[data-testid="file-row"][data-path="requirements-dev.txt"]')).toBeVisible();
  await expect(page.locator('[data-testid="file-row"][data-path="requirements.txt"]')).toBeVisible();
  expect(await playground.editorText(requirementsEditor("requirements-dev.txt"))).toBe("pytest==8.3.3\n");
  await expect(page.getByTestId("file-not-used")).toHaveText(["notes.md"]);
});

test("a file can be renamed and removed from the list", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  const row = (path: string) => page.locator(`[data-testid="file-row"][data-path="${path}"]`);
  await row("requirements.txt").getByTestId("file-rename").click();
  await page.getByTestId("file-rename-input").fill("requirements/base.txt");
  await page.getByTestId("file-rename-save").click();
  await expect(row("requirements/base.txt")).toBeVisible();
  await expect(playground.editor(requirementsEditor("requirements/base.txt"))).toBeVisible();
  // A name already taken is refused, with why.
  await playground.addProjectFile("pyproject.toml");
  await row("requirements/base.txt").getByTestId("file-rename").click();
  await page.getByTestId("file-rename-input").fill("pyproject.toml");
  await expect(page.getByTestId("file-rename-save")).toBeDisabled();
  await expect(row("requirements/base.txt")).toContainText("pyproject.toml is already there.");
  await page.getByTestId("file-rename-input").press("Escape");
  await playground.changing(() => row("pyproject.toml").getByTestId("file-remove").click());
  await expect(row("pyproject.toml")).toHaveCount(0);
});

test("the warning asking for a requirements file adds it, and the file is weighed", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  await page.getByTestId("start-own").click();
  await playground.paste("dockerfile", "FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements/main.txt\n");
  await playground.selectStep(0);
  const add = page.getByTestId("add-missing-file");
  await expect(add).toHaveText("Add requirements/main.txt");
  await add.click();
  const editor = playground.editor(requirementsEditor("requirements/main.txt"));
  await expect(editor).toBeVisible();
  await expect(editor.locator(".monaco-editor")).toHaveClass(/focused/);
  await playground.paste(requirementsEditor("requirements/main.txt"), "flask==3.0.3\n");
  await expect.poll(() => playground.inlineSizes(requirementsEditor("requirements/main.txt"))).toEqual({ 1: expect.stringMatching(/ (kB|MB)$/) });
  await playground.selectStep(0);
  await expect(page.getByTestId("add-missing-file")).toHaveCount(0);
});
