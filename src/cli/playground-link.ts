// The PR report's link that opens the same view in the playground: the playground's address + `#` + the
// permalink of the texts as written (src/permalink/codec.ts, the encoding the playground reads on load).
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import type { PlanTexts } from "../engine/plan/texts";
import { encodeShareable } from "../permalink/codec";

/**
 * The playground's public address. The README names no hosted site yet, so this is a placeholder under
 * the `.example` domain (reserved by RFC 2606, never anyone's real site); pass `--playground-url` with
 * your own deployment (any static host serving `npm run build`'s dist/) until the project has one.
 * Change it here, in this one place, when it does.
 */
export const DEFAULT_PLAYGROUND_URL = "https://whaleweight.example/";

/** The settings a link carries besides the texts, as the CLI took them (`--context-bytes`, `--arch`,
 *  `--package-size`), so the playground opens with the same numbers. */
export interface LinkSettings {
  readonly contextBytes: number | null;
  readonly arch: "x86_64" | "aarch64" | null;
  readonly packageSizes: Readonly<Record<string, number>>;
}

/** The link, or why there is none (texts too large for a link: the codec's own ceiling). */
export function playgroundLink(playgroundUrl: string, texts: PlanTexts, settings: LinkSettings): { ok: true; url: string } | { ok: false; message: string } {
  const encoded = encodeShareable({
    dockerfile: texts.dockerfile,
    requirements: texts.requirements,
    projectFiles: texts.projectFiles,
    dockerignore: texts.dockerignore,
    // The link opens the plan with every step at its default, as `plan` printed it.
    decisions: {},
    selectedStep: null,
    contextBytes: settings.contextBytes,
    // x86_64 is the playground's default, stored as null (src/state).
    arch: settings.arch === "aarch64" ? "aarch64" : null,
    packageSizes: settings.packageSizes,
    tablesVersion: TABLES_VERSION,
  });
  if (!encoded.ok) return encoded;
  const base = playgroundUrl.split("#")[0] ?? playgroundUrl;
  return { ok: true, url: `${base}#${encoded.fragment}` };
}
