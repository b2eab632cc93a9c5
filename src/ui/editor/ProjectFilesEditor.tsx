// Project files beside the requirements: pyproject.toml, setup.cfg, setup.py, uv.lock, poetry.lock, pdm.lock, Pipfile,
// Pipfile.lock (or another requirements file at its path). Pick a name, add it, paste its text; each file can be removed.
// `uv sync`, `poetry install`, `pipenv install` and `pip install .` are weighed from them. Another
// requirements file goes with the requirements (the file list above renames and removes them all).
import { useId, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Diagnostic } from "../../engine/diagnostics";
import { projectFileKind } from "../../engine/project";
import { useAppStore } from "../../state/store";
import { CodeEditor } from "./CodeEditor";
import { projectEditorName } from "./editor-registry";
import { markersFor } from "./markers";
import type { Monaco } from "./monaco";

const NAMES = ["pyproject.toml", "setup.cfg", "setup.py", "uv.lock", "poetry.lock", "pdm.lock", "Pipfile", "Pipfile.lock"] as const;
const OTHER = "other";

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  "pyproject.toml": '[project]\nname = "app"\ndependencies = ["flask>=3.0"]',
  "setup.cfg": "[options]\ninstall_requires =\n    flask>=3.0",
  "setup.py": 'from setuptools import setup\n\nsetup(name="app", install_requires=["flask>=3.0"])',
  "uv.lock": "version = 1\n\n[[package]]\nname = \"flask\"\n…",
  "poetry.lock": "[[package]]\nname = \"flask\"\nversion = \"3.0.3\"\n…",
  "pdm.lock": "[[package]]\nname = \"flask\"\nversion = \"3.0.3\"\ngroups = [\"default\"]\n…",
  Pipfile: '[packages]\nflask = "*"',
  "Pipfile.lock": '{ "default": { "flask": { "version": "==3.0.3" } } }',
};

interface Props {
  readonly monaco: Monaco | null;
  readonly theme: "light" | "dark";
  readonly diagnostics: readonly Diagnostic[];
}

export function ProjectFilesEditor({ monaco, theme, diagnostics }: Props) {
  const { projectFiles, requirements, setProjectFile, removeProjectFile, setRequirements } = useAppStore(useShallow((s) => ({
    projectFiles: s.projectFiles, requirements: s.requirements, setProjectFile: s.setProjectFile, removeProjectFile: s.removeProjectFile,
    setRequirements: s.setRequirements,
  })));
  const [choice, setChoice] = useState<string>(NAMES[0]);
  const [otherPath, setOtherPath] = useState("requirements/dev.txt");
  const ids = useId();
  const path = choice === OTHER ? otherPath.trim().replace(/^\.?\/+/, "") : choice;
  const taken = projectFiles.some((f) => f.path === path) || requirements.some((f) => f.path === path);
  const problem = path === "" ? "Give the file a path." : taken ? `${path} is already there.` : null;

  return (
    <div className="project-files" data-testid="project-files">
      <div className="project-files__add" role="group" aria-labelledby={`${ids}-title`}>
        <span id={`${ids}-title`} className="code-editor__label">Project files</span>
        <label htmlFor={`${ids}-kind`} className="visually-hidden">File to add</label>
        <select id={`${ids}-kind`} data-testid="project-file-kind" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {NAMES.map((name) => <option key={name} value={name}>{name}</option>)}
          <option value={OTHER}>another requirements file…</option>
        </select>
        {choice === OTHER && (
          <>
            <label htmlFor={`${ids}-path`} className="visually-hidden">Path of the requirements file</label>
            <input id={`${ids}-path`} data-testid="project-file-path" value={otherPath} onChange={(e) => setOtherPath(e.target.value)} size={22} />
          </>
        )}
        <button type="button" data-testid="project-file-add" disabled={problem !== null} title={problem ?? `Add ${path}`}
          onClick={() => (projectFileKind(path) === null ? setRequirements(path, "") : setProjectFile(path, ""))}>Add</button>
      </div>
      <p className="hint">Add pyproject.toml (or setup.cfg, setup.py) and the lock file (uv.lock, poetry.lock, pdm.lock, Pipfile.lock) so <code>uv sync</code>, <code>poetry install</code>, <code>pdm install</code>, <code>pipenv install</code> and <code>pip install .</code> are weighed from them.</p>
      {projectFiles.map((file) => (
        <ProjectFileEditor key={file.path} path={file.path} text={file.text} monaco={monaco} theme={theme} diagnostics={diagnostics}
          onChange={setProjectFile} onRemove={removeProjectFile} />
      ))}
    </div>
  );
}

interface FileProps {
  readonly path: string;
  readonly text: string;
  readonly monaco: Monaco | null;
  readonly theme: "light" | "dark";
  readonly diagnostics: readonly Diagnostic[];
  readonly onChange: (path: string, text: string) => void;
  readonly onRemove: (path: string) => void;
}

function ProjectFileEditor({ path, text, monaco, theme, diagnostics, onChange, onRemove }: FileProps) {
  // A name the engine does not know as a project file is read as a requirements file: its diagnostics say so.
  const markers = useMemo(() => markersFor(projectFileKind(path) === null ? { requirements: path } : { project: path }, [], diagnostics), [path, diagnostics]);
  const name = projectEditorName(path);
  return (
    <div className="project-file" data-testid="project-file" data-path={path}>
      <CodeEditor monaco={monaco} theme={theme} name={name} label={path} language="plaintext" height="180px"
        value={text} onChange={(value) => onChange(path, value)} markers={markers} placeholder={PLACEHOLDERS[path.split("/").pop() ?? ""] ?? "flask==3.1.0"} />
      <button type="button" className="link-button" data-testid="project-file-remove" aria-label={`Remove ${path}`} onClick={() => onRemove(path)}>Remove</button>
    </div>
  );
}
