// The editors' Tab behaviour, stated where the editors start and switchable there (issue 12): by default
// Tab moves the focus on, so the editors are no keyboard trap; a user who wants Tab to indent turns it on.
import { setTabIndents, useTabIndents } from "./tab-indent";

export function TabModeToggle() {
  const on = useTabIndents();
  return (
    <label className="tab-mode" data-testid="tab-mode">
      <input type="checkbox" checked={on} data-testid="tab-indents" aria-describedby="tab-mode-help" onChange={(event) => setTabIndents(event.target.checked)} />
      {" "}Tab indents
      <span id="tab-mode-help" className="hint tab-mode__help">
        {on ? "Tab indents in the editors; " : "Tab moves to the next control; "}Ctrl+M (⌃⇧M on a Mac) in an editor switches.
      </span>
    </label>
  );
}
