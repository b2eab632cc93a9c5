// The guess of the Debian tables a plan reads (debian-releases.ts) against the tables the engine really
// asks its loader for, planning the examples and the shared corpus (skipped when ../shared is absent):
// every table the engine reads must have been guessed, or the first plan waits on a synchronous download.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registerDebianTableLoader } from "../engine/knowledge";
import { clearDebianTables } from "../engine/knowledge/debian-table-store";
import { buildPlan, type PlanInput } from "../engine/plan/plan";
import { EXAMPLES } from "../examples";
import { loadPythonTable } from "../node/load-python-table";
import { debianReleasesOf } from "./debian-releases";

const DATA = join(import.meta.dirname, "../engine/knowledge/data");
const CORPUS = join(import.meta.dirname, "../../../shared/corpus/dockerfiles");
const texts = new Map<string, string>();

/** The releases whose tables a plan of `input` asks the loader for, from a cold table store. */
function tablesRead(input: PlanInput): string[] {
  clearDebianTables();
  const asked: string[] = [];
  registerDebianTableLoader((release) => {
    asked.push(release);
    const text = texts.get(release) ?? readFileSync(join(DATA, `debian-${release}.json`), "utf8");
    texts.set(release, text);
    return text;
  });
  buildPlan(input);
  return asked;
}

function corpusInputs(): { name: string; input: PlanInput }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS).sort().map((name) => {
    const dir = join(CORPUS, name);
    const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : null);
    const requirements = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((path) => ({ path, content: read(path) ?? "" }));
    return { name, input: { dockerfile: read("Dockerfile") ?? "", requirements, dockerignore: read(".dockerignore") } };
  });
}

afterAll(() => {
  registerDebianTableLoader(null);
  clearDebianTables();
});

describe("debianReleasesOf", () => {
  loadPythonTable();

  it("reads the base's release, a python tag's suite, flags, stage names and global ARG defaults", () => {
    expect(debianReleasesOf("FROM python:3.12\n")).toEqual(["trixie"]);
    expect(debianReleasesOf("FROM --platform=linux/amd64 python:3.12-slim-bookworm AS build\nFROM build\nFROM alpine:3.20\n")).toEqual(["bookworm"]);
    expect(debianReleasesOf("ARG PY=3.12\nFROM python:${PY}-slim-bookworm AS base\nfrom base as final\n")).toEqual(["bookworm"]);
    expect(debianReleasesOf("FROM alpine:3.20\nFROM scratch\n")).toEqual([]);
    // Unknown or unresolved: the engine's apt falls back to trixie's table.
    expect(debianReleasesOf("ARG V\nFROM python:$V\n")).toEqual(["trixie"]);
    // End of life: the rule checks every release.
    expect(debianReleasesOf("FROM python:3.11-slim-bullseye\n")).toEqual(["bullseye", "bookworm", "trixie"]);
    // Ubuntu: the Debian release of its era stands in for its apt.
    expect(debianReleasesOf("FROM ubuntu:22.04\n")).toEqual(["bookworm"]);
    expect(debianReleasesOf("FROM ubuntu:24.04\n")).toEqual(["trixie"]);
    // An image the tables lack, by the release its tag names.
    expect(debianReleasesOf("FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\n")).toEqual(["bookworm"]);
    expect(debianReleasesOf("FROM node:24-bookworm-slim AS web\n")).toEqual(["bookworm"]);
  });

  const inputs = [
    ...EXAMPLES.map((e) => ({ name: `example ${e.id}`, input: { dockerfile: e.dockerfile, requirements: e.requirements.map((f) => ({ path: f.path, content: f.text })), dockerignore: e.dockerignore } })),
    ...corpusInputs(),
    { name: "a CUDA image on Ubuntu 20.04", input: { dockerfile: "FROM nvidia/cuda:11.8.0-runtime-ubuntu20.04\nRUN apt-get update && apt-get install -y python3-pip\n", requirements: [], dockerignore: null } },
    { name: "an Ubuntu image", input: { dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir flask\n", requirements: [], dockerignore: null } },
  ];
  it.each(inputs)("guesses every table the plan of $name reads", ({ input }) => {
    const guessed = debianReleasesOf(String(input.dockerfile));
    for (const release of tablesRead(input)) expect(guessed).toContain(release);
  });
});
