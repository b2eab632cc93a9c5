// The confidence line of the selected step: how much of its estimate rests on unknown packages or on
// assumptions, which ones, and a field per unknown package to type its real size (kept in the settings,
// the autosave and the link). Everything shown is derived from the step's estimate (confidence.ts).
import { useId, useMemo, useState } from "react";
import type { ImageEstimate } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";
import { MB, packageKey, parseMegabytes } from "../../state/package-sizes";
import { useAppStore } from "../../state/store";
import { confidenceOf, confidenceSentence, formatShare, type BasisShare } from "./confidence";

/** What the breakdown calls the keys whose assumption text is not a sentence for users (the defaults cite
 *  how they were computed); the other keys are shown with their assumption's own sentence. */
const SHARE_LABELS: Readonly<Record<string, string>> = {
  "unknown-python-package": "default size of a Python package the tables do not hold",
  "unknown-system-package": "default size of a system package the tables do not hold",
  "set by you": "sizes you typed below",
};

export function Confidence({ estimate }: { readonly estimate: ImageEstimate }) {
  const confidence = useMemo(() => confidenceOf(estimate), [estimate]);
  const packageSizes = useAppStore((s) => s.packageSizes);
  // Typed packages stay listed after they stop being unknown, so the field being typed in never vanishes.
  const names = useMemo(() => {
    const keys = new Set<string>(Object.keys(packageSizes));
    for (const name of confidence.unknown) keys.add(packageKey(name) ?? name);
    return [...keys].sort();
  }, [confidence.unknown, packageSizes]);
  const texts = useMemo(() => new Map(estimate.assumptions.map((a) => [a.id, a.text])), [estimate.assumptions]);
  const headingId = useId();
  return (
    <div className="confidence" data-testid="confidence">
      <p className="confidence__line" data-testid="confidence-line" data-unknown={confidence.unknown.length}>{confidenceSentence(confidence)}</p>
      {confidence.shares.length > 0 ? (
        <details className="confidence__shares">
          <summary>Which assumptions</summary>
          <ul data-testid="confidence-shares">
            {confidence.shares.map((share) => <ShareRow key={share.key} share={share} total={confidence.totalBytes} text={texts.get(share.key)} />)}
          </ul>
        </details>
      ) : null}
      {names.length > 0 ? (
        <div className="package-sizes" role="group" aria-labelledby={headingId}>
          <p id={headingId} className="hint">
            Know better? Type the installed size of a package (what <code>du -sh</code> shows for it in site-packages); clear the field to use the tables again.
          </p>
          <ul className="package-sizes__list">
            {names.map((name) => <PackageSize key={name} name={name} bytes={packageSizes[name]} />)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ShareRow({ share, total, text }: { readonly share: BasisShare; readonly total: number; readonly text: string | undefined }) {
  return (
    <li data-key={share.key}>
      {formatBytes(share.bytes)} ({formatShare(share.bytes, total)}): {SHARE_LABELS[share.key] ?? text ?? share.key}
    </li>
  );
}

function PackageSize({ name, bytes }: { readonly name: string; readonly bytes: number | undefined }) {
  const setPackageSize = useAppStore((s) => s.setPackageSize);
  const id = useId();
  const current = bytes === undefined ? "" : String(bytes / MB);
  // The field keeps what is typed ("1.", "-") while it is not a size yet; the store keeps the last valid one.
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const text = draft !== null && draft.for === current ? draft.text : current;
  const parsed = parseMegabytes(text);
  return (
    <li className="package-sizes__item" data-testid="package-size" data-package={name}>
      <label htmlFor={id} className="package-sizes__name"><code>{name}</code><span className="visually-hidden"> installed size in MB</span></label>
      <input id={id} type="number" inputMode="decimal" min={0} step="any" className="field__number" placeholder="MB" value={text}
        data-testid="package-size-input" aria-invalid={!parsed.ok} aria-describedby={parsed.ok ? undefined : `${id}-error`}
        onChange={(event) => {
          const value = event.target.value;
          const next = parseMegabytes(value);
          if (next.ok) {
            setPackageSize(name, next.bytes);
            setDraft({ for: next.bytes === null ? "" : String(next.bytes / MB), text: value });
          } else {
            setDraft({ for: current, text: value });
          }
        }} />
      <span aria-hidden="true">MB</span>
      {bytes === undefined
        ? <span className="muted">not in the tables: a default size, or its locked wheel's, is used</span>
        : <span className="tag" data-testid="package-size-set">set by you</span>}
      {parsed.ok ? null : <span id={`${id}-error`} className="field__error" role="alert">{parsed.message}</span>}
    </li>
  );
}
