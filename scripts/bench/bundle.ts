// Bundle sizes for `npm run bench` (DESIGN §7): what a first visit downloads before the editor appears
// (the JS and CSS index.html loads, with their static imports), and the lazy parts — Monaco, the chart,
// the engine's worker — each raw and gzipped. Reads a finished `vite build` (dist/index.html and the
// manifest Vite writes with `build.manifest`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleRow {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

/** Files `index.html` makes the browser fetch: module scripts, preloads and stylesheets. */
function htmlFiles(html: string): string[] {
  const files: string[] = [];
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const isScript = match[1] === "script" && /\btype="module"/.test(tag);
    const isLink = match[1] === "link" && /\brel="(stylesheet|modulepreload)"/.test(tag);
    if (!isScript && !isLink) continue;
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (url !== undefined && !/^[a-z]+:/i.test(url)) files.push(url.replace(/^\.?\//, ""));
  }
  return files;
}

/** A chunk's files with everything it imports statically (what loading it costs), transitively; with
 *  `assets`, also the files it references (fonts, worker scripts). */
function closure(manifest: Manifest, keys: readonly string[], exclude: ReadonlySet<string> = new Set(), assets = true): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) return;
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(assets ? chunk.assets ?? [] : [])]) if (!exclude.has(file)) files.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

async function measure(distDir: string, name: string, files: Iterable<string>): Promise<BundleRow> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(join(distDir, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { name, bytes, gzipBytes };
}

function keysMatching(manifest: Manifest, pattern: RegExp): string[] {
  return Object.keys(manifest).filter((key) => pattern.test(key));
}

export async function bundleRows(distDir: string): Promise<BundleRow[]> {
  const manifest = JSON.parse(await readFile(join(distDir, ".vite", "manifest.json"), "utf8")) as Manifest;
  const html = await readFile(join(distDir, "index.html"), "utf8");
  const entryKeys = Object.keys(manifest).filter((key) => manifest[key]?.isEntry === true);
  // First load: what index.html fetches, plus the entry's static imports (the preloads Vite may omit).
  const first = new Set(htmlFiles(html));
  for (const file of closure(manifest, entryKeys, new Set(), false)) first.add(file);
  const firstJs = [...first].filter((f) => f.endsWith(".js"));
  const firstCss = [...first].filter((f) => f.endsWith(".css"));
  // A lazy part costs what it adds to what the page already has (its import of the entry is free).
  const startup = new Set([...first, ...closure(manifest, entryKeys)]);
  const lazy = (pattern: RegExp) => closure(manifest, keysMatching(manifest, pattern), startup);
  // The plan worker starts with the page, in parallel and off the main thread; it is an asset of the
  // chunk that starts it (new URL(…, import.meta.url)).
  const planWorker = [...closure(manifest, entryKeys)].filter((f) => /plan\.worker/.test(f));
  return [
    await measure(distDir, "first load: JS", firstJs),
    await measure(distDir, "first load: CSS", firstCss),
    await measure(distDir, "first load: total", first),
    await measure(distDir, "Monaco editor (lazy: JS, CSS, font, worker)", lazy(/monaco-setup|editor\.worker|dockerfile\.js$/)),
    await measure(distDir, "size chart, Recharts (lazy)", lazy(/SizeChart/)),
    await measure(distDir, "engine in the plan worker", planWorker),
  ];
}
