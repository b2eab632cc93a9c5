import { describe, expect, it } from "vitest";
import { MAX_DECOMPRESSED_BYTES } from "../permalink/codec";
import { MAX_FILES } from "../permalink/schema";
import { EMPTY_PROJECT, fileRole, looksBinary, normalizePath, pathProblem, planImport, renamed, withLoadedFiles, type ProjectTexts } from "./project-files";

describe("fileRole", () => {
  it.each([
    ["Dockerfile", "dockerfile"],
    ["docker/Dockerfile.prod", "dockerfile"],
    ["app.dockerfile", "dockerfile"],
    [".dockerignore", "dockerignore"],
    // Only the context root's .dockerignore applies to `docker build .`.
    ["sub/.dockerignore", "unused"],
    ["requirements.txt", "requirements"],
    ["requirements-dev.txt", "requirements"],
    ["requirements/base.txt", "requirements"],
    ["constraints.txt", "requirements"],
    ["requirements.in", "requirements"],
    ["pyproject.toml", "project"],
    ["backend/uv.lock", "project"],
    ["Pipfile.lock", "project"],
    ["app.py", "unused"],
    ["README.txt", "unused"],
  ])("%s is %s", (path, role) => {
    expect(fileRole(path)).toBe(role);
  });
});

describe("normalizePath", () => {
  it.each([
    ["./requirements.txt", "requirements.txt"],
    ["/requirements//base.txt", "requirements/base.txt"],
    ["requirements\\dev.txt", "requirements/dev.txt"],
  ])("%s → %s", (input, output) => {
    expect(normalizePath(input)).toBe(output);
  });
});

describe("planImport", () => {
  it("takes the root Dockerfile, the requirements and the lock, and lists the rest unread", () => {
    const plan = planImport([
      { path: "Dockerfile", size: 100 }, { path: "docker/Dockerfile.dev", size: 90 }, { path: "requirements/base.txt", size: 20 },
      { path: "uv.lock", size: 300 }, { path: "app/main.py", size: 4000 },
    ]);
    expect(plan.load).toEqual([
      { path: "Dockerfile", role: "dockerfile" },
      { path: "requirements/base.txt", role: "requirements" },
      { path: "uv.lock", role: "project" },
    ]);
    expect(plan.unused).toEqual(["app/main.py", "docker/Dockerfile.dev"]);
    expect(plan.refused).toEqual([]);
  });

  it("prefers a Dockerfile named so over Dockerfile.dev, wherever it is", () => {
    const plan = planImport([{ path: "Dockerfile.dev", size: 1 }, { path: "deploy/Dockerfile", size: 1 }]);
    expect(plan.load).toEqual([{ path: "deploy/Dockerfile", role: "dockerfile" }]);
  });

  it("refuses requirements files past the link's cap, counting those already there", () => {
    const offered = [{ path: "requirements-a.txt", size: 1 }, { path: "requirements-b.txt", size: 1 }];
    const plan = planImport(offered, { requirements: MAX_FILES - 1, project: 0 });
    expect(plan.load.map((f) => f.path)).toEqual(["requirements-a.txt"]);
    expect(plan.refused).toEqual([{ path: "requirements-b.txt", reason: `a project holds at most ${MAX_FILES} requirements files` }]);
  });

  it("refuses files once together they pass what a link holds", () => {
    const plan = planImport([{ path: "Dockerfile", size: 100 }, { path: "uv.lock", size: MAX_DECOMPRESSED_BYTES }]);
    expect(plan.load.map((f) => f.path)).toEqual(["Dockerfile"]);
    expect(plan.refused[0]?.path).toBe("uv.lock");
  });
});

const EXAMPLE: ProjectTexts = {
  dockerfile: "FROM python:3.12\n", requirements: [{ path: "requirements.txt", text: "flask\n" }], projectFiles: [], dockerignore: null,
};

describe("withLoadedFiles", () => {
  it("a project of its own replaces every text, the example's requirements.txt too", () => {
    const next = withLoadedFiles(EXAMPLE, [
      { path: "Dockerfile", role: "dockerfile", text: "FROM python:3.13-slim\n" },
      { path: "requirements/base.txt", role: "requirements", text: "django\n" },
    ], true);
    expect(next).toEqual({ dockerfile: "FROM python:3.13-slim\n", requirements: [{ path: "requirements/base.txt", text: "django\n" }], projectFiles: [], dockerignore: null });
  });

  it("files added to a project replace those at the same path and keep the others", () => {
    const next = withLoadedFiles(EXAMPLE, [
      { path: "requirements.txt", role: "requirements", text: "django\n" },
      { path: "pyproject.toml", role: "project", text: "[project]\n" },
      { path: ".dockerignore", role: "dockerignore", text: ".git\n" },
    ], false);
    expect(next).toEqual({ dockerfile: EXAMPLE.dockerfile, requirements: [{ path: "requirements.txt", text: "django\n" }],
      projectFiles: [{ path: "pyproject.toml", text: "[project]\n" }], dockerignore: ".git\n" });
  });

  it("drops the empty requirements.txt of a fresh start once a real requirements file arrives", () => {
    const next = withLoadedFiles(EMPTY_PROJECT, [{ path: "requirements/main.txt", role: "requirements", text: "flask\n" }], false);
    expect(next.requirements).toEqual([{ path: "requirements/main.txt", text: "flask\n" }]);
  });
});

describe("renaming", () => {
  it.each([
    ["", "Give the file a path."],
    ["Dockerfile", "Dockerfile is not a requirements or project file: the Dockerfile and .dockerignore have their own editors."],
    ["requirements.txt", "requirements.txt is already there."],
  ])("refuses %j", (path, problem) => {
    expect(pathProblem({ ...EXAMPLE, requirements: [...EXAMPLE.requirements, { path: "dev.txt", text: "" }] }, path, "dev.txt")).toBe(problem);
  });

  it("keeps a requirements file in its place, and moves one renamed to pyproject.toml to the project files", () => {
    const two = { ...EXAMPLE, requirements: [...EXAMPLE.requirements, { path: "dev.txt", text: "pytest\n" }] };
    expect(renamed(two, "requirements.txt", "requirements/base.txt").requirements.map((f) => f.path)).toEqual(["requirements/base.txt", "dev.txt"]);
    const moved = renamed(two, "dev.txt", "pyproject.toml");
    expect(moved.requirements.map((f) => f.path)).toEqual(["requirements.txt"]);
    expect(moved.projectFiles).toEqual([{ path: "pyproject.toml", text: "pytest\n" }]);
  });
});

it.each([["FROM python\n", false], ["\u0000\u0001ELF", true]])("looksBinary(%j) is %s", (text, binary) => {
  expect(looksBinary(text)).toBe(binary);
});
