// Under 700 px the page is one column ~1,300 px tall before the result (issue 12): there it shows one
// section at a time, chosen with these tabs. Wider, the tabs are hidden by CSS and every section shows,
// so the choice only matters on a phone. The sections mark themselves with data-phone-pane.
export type PhonePane = "input" | "steps" | "result";

const PANES: readonly { readonly id: PhonePane; readonly label: string }[] = [
  { id: "input", label: "Input" },
  { id: "steps", label: "Steps" },
  { id: "result", label: "Result" },
];

export function PhoneTabs({ pane, onChange }: { readonly pane: PhonePane; readonly onChange: (pane: PhonePane) => void }) {
  return (
    <nav className="phone-tabs" aria-label="Sections" data-testid="phone-tabs">
      {PANES.map((p) => (
        <button key={p.id} type="button" aria-pressed={pane === p.id} data-testid={`phone-tab-${p.id}`}
          onClick={() => {
            onChange(p.id);
            // Start the chosen section at its top, not wherever the last one was scrolled to.
            window.scrollTo({ top: 0 });
          }}>
          {p.label}
        </button>
      ))}
    </nav>
  );
}
