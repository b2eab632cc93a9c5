// The CLI's PR report (issue 11): the markdown's playground link, opened in Chromium, shows the same steps
// with the same sizes as `plan` printed for the same files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatBytes } from "../src/engine/format";
import { FAT_DOCKERFILE, FAT_REQUIREMENTS } from "./data";
import { expect, test } from "./fixtures";

function cli(args: readonly string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
}

test("the markdown report's link opens the same steps and sizes", async ({ playground, baseURL }) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-link-"));
  writeFileSync(join(dir, "Dockerfile"), FAT_DOCKERFILE);
  writeFileSync(join(dir, "requirements.txt"), FAT_REQUIREMENTS);
  const dockerfile = join(dir, "Dockerfile");
  const markdown = cli(["plan", dockerfile, "--format", "markdown", "--playground-url", `${baseURL ?? ""}/`]);
  const link = /\]\((http[^)]+#[^)]+)\)/.exec(markdown)?.[1];
  expect(link, markdown).toBeDefined();
  const json = JSON.parse(cli(["plan", dockerfile, "--format", "json"])) as { steps: { id: string; estimate: { totalBytes: number } }[] };

  await playground.goto(link ?? "");
  await expect(playground.steps).toHaveCount(json.steps.length);
  for (const [i, step] of json.steps.entries()) {
    await expect(playground.step(i)).toHaveAttribute("data-step-id", step.id);
    await expect(playground.step(i).getByTestId("step-size")).toHaveText(formatBytes(step.estimate.totalBytes));
  }
});
