import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

// A static site: `npm run build` writes dist/, which any static host can serve (relative base so it also
// works from a sub-path). The engine runs in a Web Worker (ES module worker); Monaco and Recharts are
// lazy chunks. The manifest lets scripts/bench/bundle.ts tell the first-load files from the lazy ones.

// No server and no third parties: everything the built page loads comes from its own origin, and pasted
// text can never become script. Only in the build: the dev server's React refresh preamble is an inline
// script. 'unsafe-inline' styles: Monaco and Recharts set style attributes and inject <style> elements.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "whaleweight-csp",
    apply: "build",
    transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CSP }, injectTo: "head-prepend" }],
  };
}

// Cold load (issue 13): the wheel table (~3.7 MB) is needed before the first plan, and the worker can only
// ask for it once the page's script has run and the worker has started (~0.5 s into a load on the bench
// machine). A preload in the HTML starts its download with the page's own; the worker's fetch of the
// same URL then finds it in the HTTP cache (revalidated, or waiting on the download in flight) instead of
// starting it. Only this table: which Debian release table a plan needs depends on the Dockerfile, so the
// page preloads those from script once the text is restored (src/worker/debian-preload.ts).
function preloadWheelTable(): Plugin {
  return {
    name: "whaleweight-preload-wheel-table",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (_html, context) => {
        const asset = Object.values(context.bundle ?? {}).find((file) => /(^|\/)python-wheels-[^/]*\.json$/.test(file.fileName));
        if (asset === undefined) return [];
        return [{ tag: "link", attrs: { rel: "preload", href: `./${asset.fileName}`, as: "fetch", crossorigin: "anonymous" }, injectTo: "head" }];
      },
    },
  };
}

/** Precache limit per file: the largest asset is a Debian release table (see docs/offline.md for the sizes
 *  measured at build time); Workbox's 2 MiB default would leave the tables out, and offline plans with them. */
const MAX_PRECACHE_FILE_BYTES = 32 * 1024 * 1024;

// Offline (issue 12): a generated Workbox service worker precaches the whole built site — the page, its
// lazy chunks (Monaco, Recharts, the engine), the worker and the JSON tables the worker fetches — so a
// playground loaded once plans with no network, and the manifest makes it installable. The registration
// is an external deferred script (injectRegister: "script-defer"): the CSP allows no inline script.
function offline(): Plugin[] {
  return VitePWA({
    registerType: "autoUpdate",
    injectRegister: "script-defer",
    includeAssets: ["favicon.svg"],
    manifest: {
      name: "Whaleweight — weigh your Docker image before you build it",
      short_name: "Whaleweight",
      description: "Weigh a Python app's Docker image before you build it, and slim it step by step. Runs entirely in your browser.",
      start_url: "./",
      scope: "./",
      display: "standalone",
      background_color: "#f6f7f9",
      theme_color: "#2f5f8a",
      icons: [{ src: "favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
    },
    workbox: {
      globPatterns: ["**/*.{js,css,html,svg,json,webmanifest,ttf}"],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      // Vite's manifest (for scripts/bench/bundle.ts) is build metadata, never fetched by the page.
      globIgnores: ["**/.vite/**"],
      navigateFallback: "index.html",
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy(), preloadWheelTable(), offline()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 4000,
  },
});
