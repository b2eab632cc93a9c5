import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleRows } from "./bundle";

describe("bundleRows", () => {
  let dist = "";
  const files: Record<string, string> = {
    "assets/index-1.js": "x".repeat(1000),
    "assets/vendor-1.js": "v".repeat(500),
    "assets/index-1.css": "c".repeat(100),
    "assets/plan.worker-1.js": "w".repeat(300),
    "assets/monaco-setup-1.js": "m".repeat(4000),
    "assets/monaco-setup-1.css": "n".repeat(400),
    "assets/editor.worker-1.js": "e".repeat(200),
    "assets/SizeChart-1.js": "s".repeat(700),
  };
  const manifest = {
    "index.html": { file: "assets/index-1.js", isEntry: true, css: ["assets/index-1.css"], imports: ["_vendor-1.js"], assets: ["assets/plan.worker-1.js"],
      dynamicImports: ["src/ui/editor/monaco-setup.ts", "src/ui/chart/SizeChart.tsx"] },
    "_vendor-1.js": { file: "assets/vendor-1.js" },
    "src/ui/editor/monaco-setup.ts": { file: "assets/monaco-setup-1.js", css: ["assets/monaco-setup-1.css"], imports: ["index.html"] },
    "node_modules/monaco-editor/esm/vs/editor/editor.worker.js?worker": { file: "assets/editor.worker-1.js" },
    "src/ui/chart/SizeChart.tsx": { file: "assets/SizeChart-1.js", imports: ["index.html", "_vendor-1.js"] },
  };

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "ww-dist-"));
    await mkdir(join(dist, "assets"));
    await mkdir(join(dist, ".vite"));
    for (const [name, content] of Object.entries(files)) await writeFile(join(dist, name), content);
    await writeFile(join(dist, ".vite", "manifest.json"), JSON.stringify(manifest));
    await writeFile(join(dist, "index.html"), '<script type="module" crossorigin src="./assets/index-1.js"></script><link rel="stylesheet" href="./assets/index-1.css">');
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it("separates the first load from the lazy parts, each counted once", async () => {
    const rows = Object.fromEntries((await bundleRows(dist)).map((r) => [r.name, r.bytes]));
    expect(rows).toEqual({
      "first load: JS": 1500,
      "first load: CSS": 100,
      "first load: total": 1600,
      "Monaco editor (lazy: JS, CSS, font, worker)": 4600,
      "size chart, Recharts (lazy)": 700,
      "engine in the plan worker": 300,
    });
  });

  it("reports gzip sizes smaller than the raw ones for repetitive files", async () => {
    for (const row of await bundleRows(dist)) expect(row.gzipBytes).toBeLessThan(row.bytes);
  });
});
