// The page: toolbar, notices, the editors on the left and the analysis on the right. The analysis has its
// own error boundary so a fault there never takes the editors (and the user's text) with it.
import { useEffect } from "react";
import { useAppStore } from "../state/store";
import { AnalysisPanel } from "./AnalysisPanel";
import { EditorsPanel } from "./editor/EditorsPanel";
import { ErrorBoundary } from "./ErrorBoundary";
import { Header } from "./Header";
import { NoticeBar } from "./NoticeBar";
import { useResolvedTheme } from "./theme";

export function App() {
  const theme = useResolvedTheme();
  const editorStatus = useAppStore((s) => s.editorStatus);
  const dockerfile = useAppStore((s) => s.dockerfile);
  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className="app" data-testid="app" data-editor-status={editorStatus}>
      <a className="skip-link" href="#analysis">Skip to the analysis</a>
      <Header />
      <NoticeBar />
      <main className="layout">
        <ErrorBoundary what="The editors">
          <EditorsPanel />
        </ErrorBoundary>
        <div id="analysis" tabIndex={-1}>
          <ErrorBoundary what="The analysis" resetKey={dockerfile}>
            <AnalysisPanel />
          </ErrorBoundary>
        </div>
      </main>
      <footer className="footer">
        Sizes are estimates from bundled tables (decimal units, as <code>docker images</code> prints them). No server, no tracking.
      </footer>
    </div>
  );
}
