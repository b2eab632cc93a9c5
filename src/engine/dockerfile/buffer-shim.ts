// dockerfile-ast checks for a UTF-8 BOM with `Buffer.from(char, "UTF-8")` — the only Node API it uses
// (lib/util.js, `Util.isUTF8BOM`). Browsers and workers have no `Buffer`, so parsing would throw there and
// the page would be blank. Rather than bundling a whole Buffer polyfill (~20 KB) for one call, provide the
// one method it needs, with the same bytes: TextEncoder's UTF-8 encoding, which `Uint8Array.from` accepts.
// Installed only where no Buffer exists, so Node's real Buffer is never replaced.

interface BufferLike {
  from(text: string, encoding?: string): Uint8Array;
}

export function ensureBufferForDockerfileAst(): void {
  const scope = globalThis as { Buffer?: BufferLike };
  if (scope.Buffer !== undefined) return;
  const encoder = new TextEncoder();
  scope.Buffer = { from: (text: string) => encoder.encode(text) };
}
