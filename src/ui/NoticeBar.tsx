// One message at a time at the top of the page: a link that could not be opened, a replaced text that
// can be brought back. Dismissable; never blocks the editors.
import { useAppStore } from "../state/store";

export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  const showNotice = useAppStore((s) => s.showNotice);
  if (notice === null) return null;
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"} data-testid="notice" data-tone={notice.tone}>
      <span data-testid="notice-message">{notice.message}</span>
      {notice.action === undefined ? null : (
        <button type="button" data-testid="notice-action" onClick={notice.action.run}>{notice.action.label}</button>
      )}
      <button type="button" className="notice__close" aria-label="Dismiss this message" onClick={() => showNotice(null)}>×</button>
    </div>
  );
}
