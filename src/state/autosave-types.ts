// What the autosave keeps of the store: what a link carries, less the tables version (a save is always
// reopened with the page's own tables).
import type { SharedState } from "../permalink/shared-state";

export type Saved = Omit<SharedState, "tablesVersion">;
