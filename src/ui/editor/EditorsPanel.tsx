// The inputs: the file list, then the Dockerfile, requirements, .dockerignore and the project files
// (pyproject.toml, locks). Markers and the sizes at line ends come from the plan's first step (the user's
// own text): parser diagnostics of each file, every rule's findings on the Dockerfile, each layer's size.
// They follow the plan only after the chart has painted (after-paint.ts).
import { useCallback, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { ImageEstimate } from "../../engine/estimate/types";
import { usePlanView } from "../../state/plan-client";
import { useAfterPaint } from "../after-paint";
import { useAppStore } from "../../state/store";
import { ExampleBanner } from "../files/ExampleBanner";
import { exampleOtherFiles, isWholeNewDockerfile, matchingExample } from "../files/example-state";
import { FileList } from "../files/FileList";
import { useResolvedTheme } from "../theme";
import { CodeEditor } from "./CodeEditor";
import { requirementsEditorName } from "./editor-registry";
import { layerHints, requirementHints } from "./inline-sizes";
import { markersFor } from "./markers";
import { ProblemsList } from "./ProblemsList";
import { ProjectFilesEditor } from "./ProjectFilesEditor";
import { TabModeToggle } from "./TabModeToggle";
import { useMonaco } from "./use-monaco";

export function EditorsPanel() {
  const monaco = useMonaco();
  const theme = useResolvedTheme();
  // Markers and line-end sizes follow the plan one paint behind the chart (after-paint.ts): Monaco's
  // decoration work is not on the chart's path.
  const plan = useAfterPaint(usePlanView());
  const { dockerfile, requirements, dockerignore, setDockerfile, setRequirements, setDockerignore, projectFiles } = useAppStore(useShallow((s) => ({
    dockerfile: s.dockerfile, requirements: s.requirements, dockerignore: s.dockerignore, projectFiles: s.projectFiles,
    setDockerfile: s.setDockerfile, setRequirements: s.setRequirements, setDockerignore: s.setDockerignore,
  })));
  const projectPaths = useMemo(() => projectFiles.map((f) => f.path), [projectFiles]);
  const original = plan?.steps[0];
  const findings = useMemo(() => plan?.findings ?? [], [plan]);
  const diagnostics = useMemo(() => original?.diagnostics ?? [], [original]);
  const dockerfileMarkers = useMemo(() => markersFor("dockerfile", findings, diagnostics), [findings, diagnostics]);
  const ignoreMarkers = useMemo(() => markersFor("dockerignore", findings, diagnostics), [findings, diagnostics]);
  const estimate = original?.estimate ?? null;
  const dockerfileHints = useMemo(() => (estimate === null ? [] : layerHints(estimate)), [estimate]);
  const onDockerfile = useCallback((text: string) => {
    const before = useAppStore.getState();
    const example = matchingExample(before);
    setDockerfile(text);
    if (example === null || !isWholeNewDockerfile(before.dockerfile, text)) return;
    const others = exampleOtherFiles(example);
    if (others.length === 0) return;
    // Non-modal: the user may mean to keep them; the notice says what is still being weighed.
    before.showNotice({
      tone: "info",
      message: `Your Dockerfile replaced the example's, but the example's ${others.join(", ")} ${others.length === 1 ? "is" : "are"} still here and weighed with it.`,
      action: { label: "Clear the example's files", run: () => {
        const store = useAppStore.getState();
        store.replaceProject({ dockerfile: store.dockerfile, requirements: [], projectFiles: [], dockerignore: null });
        store.showNotice(null);
      } },
    });
  }, [setDockerfile]);
  const shared = { monaco, theme } as const;

  return (
    <section className="panel editors" aria-labelledby="inputs-heading">
      <div className="panel__header">
        <h2 id="inputs-heading" className="panel__title">Your project</h2>
        <TabModeToggle />
      </div>
      <ExampleBanner />
      <FileList />
      <CodeEditor {...shared} name="dockerfile" label="Dockerfile" language="dockerfile" height="min(46vh, 440px)"
        value={dockerfile} onChange={onDockerfile} markers={dockerfileMarkers} placeholder="FROM python:3.12" hints={dockerfileHints} />
      <div className="editors__row">
        {requirements.map((file) => (
          <RequirementsEditor key={file.path} {...shared} path={file.path} text={file.text} onChange={setRequirements} diagnostics={diagnostics} estimate={estimate} />
        ))}
        <CodeEditor {...shared} name="dockerignore" label=".dockerignore" language="plaintext" height="160px"
          value={dockerignore ?? ""} onChange={setDockerignore} markers={ignoreMarkers} placeholder="(none: leave empty)" />
      </div>
      <ProjectFilesEditor {...shared} diagnostics={diagnostics} />
      <ProblemsList findings={findings} diagnostics={diagnostics} projectPaths={projectPaths} />
    </section>
  );
}

interface RequirementsEditorProps {
  readonly path: string;
  readonly text: string;
  readonly onChange: (path: string, text: string) => void;
  readonly diagnostics: Parameters<typeof markersFor>[2];
  readonly monaco: ReturnType<typeof useMonaco>;
  readonly theme: "light" | "dark";
  readonly estimate: ImageEstimate | null;
}

function RequirementsEditor({ path, text, onChange, diagnostics, monaco, theme, estimate }: RequirementsEditorProps) {
  const markers = useMemo(() => markersFor({ requirements: path }, [], diagnostics), [path, diagnostics]);
  // Recomputed with the plan, not per keystroke: between plans the decorations move with the text.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hints = useMemo(() => (estimate === null ? [] : requirementHints(text, estimate)), [estimate]);
  return (
    <CodeEditor monaco={monaco} theme={theme} name={requirementsEditorName(path)} label={path} language="plaintext" height="160px"
      value={text} onChange={(value) => onChange(path, value)} markers={markers} placeholder="flask==3.1.0" hints={hints} />
  );
}
