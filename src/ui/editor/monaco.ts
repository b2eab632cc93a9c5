// Monaco, loaded once and on demand: the page shows plain text areas first, and swaps in Monaco when (and
// if) it arrives. Its own worker (diff computation, word ranges) is a Vite worker chunk.
import type * as MonacoApi from "monaco-editor/editor/editor.api";

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;
let loaded: Monaco | null = null;
const listeners = new Set<() => void>();

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [{ monaco }, { default: EditorWorker }] = await Promise.all([
      import("./monaco-setup"),
      import("monaco-editor/editor/editor.worker?worker"),
    ]);
    (self as { MonacoEnvironment?: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };
    loaded = monaco;
    for (const listener of listeners) listener();
    return monaco;
  })();
  return loading;
}

export function loadedMonaco(): Monaco | null {
  return loaded;
}

export function subscribeMonaco(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
