// Take the result home: the final step's Dockerfile and .dockerignore, copied or downloaded.
import { useState } from "react";
import type { PlanTexts } from "../../engine/plan/texts";
import { copyText, downloadText } from "../clipboard";

export function ResultActions({ texts }: { readonly texts: PlanTexts }) {
  const [status, setStatus] = useState("");
  const files: { name: string; text: string; id: string }[] = [{ name: "Dockerfile", text: texts.dockerfile, id: "dockerfile" }];
  if (texts.dockerignore !== null) files.push({ name: ".dockerignore", text: texts.dockerignore, id: "dockerignore" });
  return (
    <div className="result-actions" role="group" aria-label="The result">
      {files.map((file) => (
        <span key={file.id} className="result-actions__file">
          <button type="button" data-testid={`copy-${file.id}`} onClick={() => {
            void copyText(file.text).then((ok) => setStatus(ok ? `${file.name} copied.` : `Could not copy ${file.name}: use Download.`));
          }}>Copy {file.name}</button>
          <button type="button" data-testid={`download-${file.id}`} onClick={() => downloadText(file.name, file.text)}>Download {file.name}</button>
        </span>
      ))}
      <span role="status" className="hint" data-testid="result-status">{status}</span>
    </div>
  );
}
