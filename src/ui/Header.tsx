// The toolbar: examples, the build-context and platform settings, the theme, and Share.
import { useState } from "react";
import { ASSUMPTIONS } from "../engine/estimate/assumptions";
import { EXAMPLES } from "../examples/index";
import { permalinkUrl } from "../permalink/codec";
import { snapshotOf } from "../state/autosave";
import { saveTheme } from "../state/boot";
import { browserStorage } from "../state/storage";
import { useAppStore } from "../state/store";
import type { ThemeChoice } from "../state/ui-slice";
import { copyText } from "./clipboard";

export function Header() {
  return (
    <header className="header">
      <h1 className="header__title"><img src="./favicon.svg" alt="" width={24} height={24} className="header__logo" /> Whaleweight</h1>
      <p className="header__tagline">Weigh a Python app&apos;s Docker image before you build it, and slim it step by step. Nothing leaves your browser.</p>
      <div className="toolbar">
        <ExamplesMenu />
        <ContextSize />
        <ArchSelect />
        <ThemeSelect />
        <ShareButton />
      </div>
    </header>
  );
}

function ExamplesMenu() {
  const loadExample = useAppStore((s) => s.loadExample);
  return (
    <label className="field">
      <span className="field__label">Example</span>
      <select data-testid="examples" value="" onChange={(event) => {
        const example = EXAMPLES.find((e) => e.id === event.target.value);
        if (example === undefined) return;
        const store = useAppStore.getState();
        const before = snapshotOf(store);
        loadExample(example);
        // Loading an example replaces the texts: offer them back, so a slip never loses work.
        store.showNotice({
          tone: "info",
          message: `Loaded the example “${example.title}”.`,
          action: { label: "Bring back my text", run: () => { useAppStore.getState().restore(before); useAppStore.getState().showNotice(null); } },
        });
      }}>
        <option value="">Load an example…</option>
        {EXAMPLES.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
      </select>
    </label>
  );
}

/** 1 MB = 10^6 bytes, as the rest of the page prints sizes. */
const MB = 1_000_000;

function ContextSize() {
  const contextBytes = useAppStore((s) => s.contextBytes);
  const setContextBytes = useAppStore((s) => s.setContextBytes);
  const current = String((contextBytes ?? ASSUMPTIONS.contextSize.value) / MB);
  // The field keeps what is typed ("1.", "") while it is not a number yet; the store keeps the last valid one.
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const text = draft !== null && draft.for === current ? draft.text : current;
  return (
    <label className="field">
      <span className="field__label">Build context (MB)</span>
      <input type="number" inputMode="decimal" min={0} step="any" className="field__number" data-testid="context-size"
        aria-describedby="context-help" value={text}
        onChange={(event) => {
          const value = event.target.value;
          const mb = Number(value);
          if (value.trim() !== "" && Number.isFinite(mb) && mb >= 0 && mb <= 1_000_000) {
            const bytes = Math.round(mb * MB);
            setContextBytes(bytes === ASSUMPTIONS.contextSize.value ? null : bytes);
            setDraft({ for: String(bytes / MB), text: value });
          } else {
            setDraft({ for: current, text: value });
          }
        }} />
      <span id="context-help" className="visually-hidden">What COPY . sends into the image, after .dockerignore.</span>
    </label>
  );
}

function ArchSelect() {
  const arch = useAppStore((s) => s.arch);
  const setArch = useAppStore((s) => s.setArch);
  return (
    <label className="field">
      <span className="field__label">Platform</span>
      <select data-testid="arch" value={arch ?? "x86_64"} aria-describedby="arch-help"
        onChange={(event) => setArch(event.target.value === "aarch64" ? "aarch64" : "x86_64")}>
        <option value="x86_64">x86_64 (amd64)</option>
        <option value="aarch64">aarch64 (arm64)</option>
      </select>
      <span id="arch-help" className="visually-hidden">The CPU the image is built for: it decides which wheels pip downloads.</span>
    </label>
  );
}

function ThemeSelect() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <label className="field">
      <span className="field__label">Theme</span>
      <select data-testid="theme" value={theme} onChange={(event) => {
        const choice = event.target.value as ThemeChoice;
        setTheme(choice);
        saveTheme(browserStorage(), choice);
      }}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

function ShareButton() {
  const shareUrl = useAppStore((s) => s.shareUrl);
  const status = useAppStore((s) => s.shareStatus);
  const setShare = useAppStore((s) => s.setShare);
  return (
    <div className="share">
      <button type="button" className="button--primary" data-testid="share" onClick={() => {
        const link = permalinkUrl(location, snapshotOf(useAppStore.getState()));
        if (!link.ok) {
          setShare(null, link.message);
          return;
        }
        const warning = link.warning === null ? "" : ` ${link.warning}`;
        setShare(link.url, warning.trim());
        void copyText(link.url).then((ok) => {
          // Only if the link is still the current one (nothing changed while copying).
          if (useAppStore.getState().shareUrl === link.url) setShare(link.url, `${ok ? "Link copied." : "Copy the link below."}${warning}`);
        });
      }}>Share</button>
      <span role="status" className="hint" data-testid="share-status">{status}</span>
      {shareUrl === null ? null : (
        <label className="share__url">
          <span className="visually-hidden">Link to this view</span>
          <input readOnly value={shareUrl} data-testid="share-url" onFocus={(event) => event.target.select()} />
        </label>
      )}
    </div>
  );
}
