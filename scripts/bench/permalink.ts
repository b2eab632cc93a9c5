// Permalink lengths for `npm run bench` (DESIGN §7): the URL fragment each example's share link carries
// (texts only, no decisions: the link as it is right after loading the example).
import { TABLES_VERSION } from "../../src/engine/knowledge/data/tables-version";
import { EXAMPLES } from "../../src/examples/index";
import { encodePermalink } from "../../src/permalink/codec";

export interface PermalinkRow {
  readonly example: string;
  /** Characters of the fragment (`v1.…`), without the page's address. */
  readonly length: number;
}

export function permalinkRows(): PermalinkRow[] {
  return EXAMPLES.map((example) => ({
    example: example.id,
    length: encodePermalink({
      dockerfile: example.dockerfile,
      requirements: example.requirements,
      projectFiles: example.projectFiles ?? [],
      dockerignore: example.dockerignore,
      decisions: {},
      selectedStep: null,
      contextBytes: null,
      arch: null,
      packageSizes: {},
      tablesVersion: TABLES_VERSION,
    }).length,
  }));
}
