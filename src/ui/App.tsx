// The page: toolbar, notices, the editors on the left and the analysis on the right. The analysis has its
// own error boundary so a fault there never takes the editors (and the user's text) with it.
import { useEffect, useState, type ReactNode } from "react";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import { useAppStore } from "../state/store";
import { AnalysisPanel } from "./AnalysisPanel";
import { EditorsPanel } from "./editor/EditorsPanel";
import { ErrorBoundary } from "./ErrorBoundary";
import { useFileDrop } from "./files/use-file-drop";
import { Header } from "./Header";
import { NoticeBar } from "./NoticeBar";
import { PhoneTabs, type PhonePane } from "./PhoneTabs";
import { useResolvedTheme } from "./theme";

export function App() {
  const theme = useResolvedTheme();
  const editorStatus = useAppStore((s) => s.editorStatus);
  const drop = useFileDrop();
  // Which section a phone shows (PhoneTabs); the steps first: the answer, not the input, is what a visitor
  // came for, and the example is already in the editors.
  const [pane, setPane] = useState<PhonePane>("steps");
  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className={`app${drop.dragging ? " app--dropping" : ""}`} data-testid="app" data-editor-status={editorStatus} {...drop.handlers}>
      <a className="skip-link" href="#analysis">Skip to the analysis</a>
      <Header />
      <NoticeBar />
      <PhoneTabs pane={pane} onChange={setPane} />
      <main className="layout" data-phone-pane-shown={pane}>
        <div data-phone-pane="input">
          <ErrorBoundary what="The editors">
            <EditorsPanel />
          </ErrorBoundary>
        </div>
        <div id="analysis" tabIndex={-1}>
          <AnalysisBoundary>
            <AnalysisPanel />
          </AnalysisBoundary>
        </div>
      </main>
      <footer className="footer">
        Sizes are estimates from bundled tables (version <span data-testid="tables-version">{TABLES_VERSION}</span>; decimal units, as{" "}
        <code>docker images</code> prints them). No server, no tracking.
      </footer>
    </div>
  );
}

/** Retries the analysis after a fault whenever the Dockerfile changes. Reads the text here, not in App:
 *  the children element keeps its identity, so a keystroke does not re-render the whole analysis. */
function AnalysisBoundary({ children }: { readonly children: ReactNode }) {
  const dockerfile = useAppStore((s) => s.dockerfile);
  return <ErrorBoundary what="The analysis" resetKey={dockerfile}>{children}</ErrorBoundary>;
}
