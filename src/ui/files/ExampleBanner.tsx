// Says so while the page shows an example (the first visit's, or one from the menu), with the way out:
// empty editors for the user's own project.
import { useShallow } from "zustand/react/shallow";
import { useAppStore } from "../../state/store";
import { revealWhenReady } from "../editor/editor-registry";
import { matchingExample } from "./example-state";
import { clearProject } from "./FileList";

export function ExampleBanner() {
  const texts = useAppStore(useShallow((s) => ({ dockerfile: s.dockerfile, requirements: s.requirements, projectFiles: s.projectFiles, dockerignore: s.dockerignore })));
  const example = matchingExample(texts);
  if (example === null) return null;
  return (
    <div className="notice example-banner" data-testid="example-banner" data-example={example.id}>
      <span>
        <strong>This is an example</strong> (“{example.title}”), so the page has something to weigh. Paste your Dockerfile over it,
        drop your project folder here, or start from empty editors.
      </span>
      <button type="button" className="button--primary" data-testid="start-own" onClick={() => {
        clearProject("Empty editors for your project: paste or drop your Dockerfile and requirements.");
        // After React has put the empty editor in place.
        revealWhenReady("dockerfile", 1, 1);
      }}>Start from your own</button>
    </div>
  );
}
