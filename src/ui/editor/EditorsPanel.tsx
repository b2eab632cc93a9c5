// The inputs: Dockerfile, requirements, .dockerignore and the project files (pyproject.toml, locks). Markers come from the plan's first step (the user's own text): parser diagnostics of
// each file, and every rule's findings on the Dockerfile.
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlan } from "../../state/plan-client";
import { useAppStore } from "../../state/store";
import { useResolvedTheme } from "../theme";
import { CodeEditor } from "./CodeEditor";
import { markersFor } from "./markers";
import { ProblemsList } from "./ProblemsList";
import { ProjectFilesEditor } from "./ProjectFilesEditor";
import { TabModeToggle } from "./TabModeToggle";
import { useMonaco } from "./use-monaco";

export function EditorsPanel() {
  const monaco = useMonaco();
  const theme = useResolvedTheme();
  const { plan } = usePlan();
  const { dockerfile, requirements, dockerignore, setDockerfile, setRequirements, setDockerignore } = useAppStore(useShallow((s) => ({
    dockerfile: s.dockerfile, requirements: s.requirements, dockerignore: s.dockerignore,
    setDockerfile: s.setDockerfile, setRequirements: s.setRequirements, setDockerignore: s.setDockerignore,
  })));
  const original = plan?.steps[0];
  const findings = useMemo(() => plan?.findings ?? [], [plan]);
  const diagnostics = useMemo(() => original?.diagnostics ?? [], [original]);
  const dockerfileMarkers = useMemo(() => markersFor("dockerfile", findings, diagnostics), [findings, diagnostics]);
  const ignoreMarkers = useMemo(() => markersFor("dockerignore", findings, diagnostics), [findings, diagnostics]);
  const shared = { monaco, theme } as const;

  return (
    <section className="panel editors" aria-labelledby="inputs-heading">
      <div className="panel__header">
        <h2 id="inputs-heading" className="panel__title">Your project</h2>
        <TabModeToggle />
      </div>
      <CodeEditor {...shared} name="dockerfile" label="Dockerfile" language="dockerfile" height="min(46vh, 440px)"
        value={dockerfile} onChange={setDockerfile} markers={dockerfileMarkers} placeholder="FROM python:3.12" />
      <div className="editors__row">
        {requirements.map((file) => (
          <RequirementsEditor key={file.path} {...shared} path={file.path} text={file.text} onChange={setRequirements} diagnostics={diagnostics} />
        ))}
        <CodeEditor {...shared} name="dockerignore" label=".dockerignore" language="plaintext" height="160px"
          value={dockerignore ?? ""} onChange={setDockerignore} markers={ignoreMarkers} placeholder="(none: leave empty)" />
      </div>
      <ProjectFilesEditor {...shared} diagnostics={diagnostics} />
      <ProblemsList findings={findings} diagnostics={diagnostics} />
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
}

function RequirementsEditor({ path, text, onChange, diagnostics, monaco, theme }: RequirementsEditorProps) {
  const markers = useMemo(() => markersFor({ requirements: path }, [], diagnostics), [path, diagnostics]);
  const name = path === "requirements.txt" ? "requirements" : `requirements-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <CodeEditor monaco={monaco} theme={theme} name={name} label={path} language="plaintext" height="160px"
      value={text} onChange={(value) => onChange(path, value)} markers={markers} placeholder="flask==3.1.0" />
  );
}
