import { describe, expect, it } from "vitest";
import { FLASK_FAT } from "../../examples/index";
import { exampleOtherFiles, isWholeNewDockerfile, matchingExample } from "./example-state";

const FLASK_TEXTS = { dockerfile: FLASK_FAT.dockerfile, requirements: FLASK_FAT.requirements, projectFiles: [], dockerignore: FLASK_FAT.dockerignore };

describe("matchingExample", () => {
  it("names the example while every text is the example's", () => {
    expect(matchingExample(FLASK_TEXTS)?.id).toBe("flask");
  });
  it.each([
    ["an edited Dockerfile", { ...FLASK_TEXTS, dockerfile: `${FLASK_FAT.dockerfile}USER app\n` }],
    ["an added requirements file", { ...FLASK_TEXTS, requirements: [...FLASK_FAT.requirements, { path: "dev.txt", text: "" }] }],
    ["a .dockerignore", { ...FLASK_TEXTS, dockerignore: ".git\n" }],
  ])("is null after %s", (_what, texts) => {
    expect(matchingExample(texts)).toBeNull();
  });
});

it("lists the example's files beside its Dockerfile", () => {
  expect(exampleOtherFiles(FLASK_FAT)).toEqual(["requirements.txt"]);
});

describe("isWholeNewDockerfile", () => {
  it.each([
    ["another Dockerfile pasted", "FROM node:20\nWORKDIR /srv\nCOPY . .\nRUN npm ci\n", true],
    ["the example with its base changed", FLASK_FAT.dockerfile.replace("python:3.12", "python:3.12-slim"), false],
    ["a line added", `${FLASK_FAT.dockerfile}USER app\n`, false],
    ["text without FROM", "hello\nworld\n", false],
  ])("%s → %s", (_what, after, whole) => {
    expect(isWholeNewDockerfile(FLASK_FAT.dockerfile, after)).toBe(whole);
  });
});
