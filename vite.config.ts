import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

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

export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 4000,
  },
});
