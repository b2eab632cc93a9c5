import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { applyFileEdits, decodeTexts } from "../plan/texts";
import { opencvHeadless } from "./opencv-headless";
import { contextOf, runRuleTests } from "./rule-tester";

describe("size/opencv-headless", () => {
  runRuleTests(opencvHeadless, {
    valid: [
      { name: "already headless", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless\n" },
      { name: "a virtual display", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends xvfb && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python\n" },
      { name: "a DISPLAY variable", dockerfile: "FROM python:3.12-slim\nENV DISPLAY=:0\nRUN pip install --no-cache-dir opencv-python\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN pip install --no-cache-dir opencv-python\nFROM python:3.12-slim\nCMD [\"python\"]\n" },
    ],
    invalid: [
      {
        name: "on the command line",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python==4.10.0.84 numpy\n",
        findings: ["2:desktop"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless==4.10.0.84 numpy\n",
      },
      {
        name: "in a requirements file, with libgl1 from apt",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        requirements: { "requirements.txt": "flask\nOpenCV_Contrib_Python>=4.8\n" },
        findings: ["4:desktop"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        reasonIncludes: ["libgl1", "does not need"],
      },
      {
        // The hashes are the desktop build's files: renamed, pip would refuse them.
        name: "pinned with --hash lines: reported with the regeneration, not rewritten",
        dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n",
        requirements: { "requirements.txt": "opencv-python==4.10.0.84 \\\n    --hash=sha256:09a332b50488e2dda866a6c5573ee192fe3583239fb26ff2f7f9ceb0bc119ea1\n" },
        findings: ["3:desktopHashed"],
        output: null,
        messageIncludes: ["requirements.txt pins it with --hash lines", "pip-compile --generate-hashes"],
      },
      {
        name: "a quoted requirement: reported, not rewritten",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir \"opencv-python>=4.8\"\n",
        findings: ["2:desktop"],
        output: null,
      },
    ],
  });

  it("rewrites the name in the requirements file, keeps the specifier, and the new file no longer fires", () => {
    const dockerfile = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";
    const requirements = { "requirements.txt": "flask\nOpenCV_Contrib_Python>=4.8  # vision\n" };
    const context = contextOf({ dockerfile, requirements });
    const fix = opencvHeadless.fix(context, opencvHeadless.detect(context))[0];
    const applied = applyFileEdits(decodeTexts(dockerfile, [{ path: "requirements.txt", content: requirements["requirements.txt"] }], null), fix?.edits ?? []);
    if (!applied.ok) throw new Error(applied.error);
    expect(applied.texts.requirements[0]?.text).toBe("flask\nopencv-contrib-python-headless>=4.8  # vision\n");
    const after = analyze({ dockerfile, requirements: applied.texts.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: null });
    expect(opencvHeadless.detect({ input: { dockerfile, requirements: [], dockerignore: null }, analysis: after })).toEqual([]);
  });
});
