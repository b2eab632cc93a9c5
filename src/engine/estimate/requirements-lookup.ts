// Which of the requirements files the user gave is the one a `pip install -r <path>` reads. The path in
// the Dockerfile is an image path (`/app/requirements/prod.txt`, `requirements.txt` relative to WORKDIR);
// the files given are context paths (`requirements/prod.txt`). The best match shares the longest run of
// trailing path segments.
import type { RequirementsFile } from "../requirements/model";

export function findRequirementsFile(files: readonly RequirementsFile[], imagePath: string): RequirementsFile | null {
  const wanted = segments(imagePath);
  let best: RequirementsFile | null = null;
  let bestScore = 0;
  for (const file of files) {
    const have = segments(file.path);
    let score = 0;
    while (score < wanted.length && score < have.length && wanted[wanted.length - 1 - score] === have[have.length - 1 - score]) score++;
    if (score > bestScore) {
      best = file;
      bestScore = score;
    }
  }
  return best;
}

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "" && s !== ".");
}
