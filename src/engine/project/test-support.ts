// Fixtures of the project-file tests: a Flask + requests app locked by uv, poetry and pipenv. Imported as
// text through Vite's `?raw` (no Node built-ins in the engine, tests included).
import pipfile from "./fixtures/Pipfile?raw";
import pipfileLock from "./fixtures/Pipfile.lock?raw";
import poetryLock from "./fixtures/poetry.lock?raw";
import pyprojectPoetry from "./fixtures/pyproject-poetry.toml?raw";
import pyprojectUv from "./fixtures/pyproject-uv.toml?raw";
import uvLock from "./fixtures/uv.lock?raw";

const FIXTURES: Readonly<Record<string, string>> = {
  Pipfile: pipfile,
  "Pipfile.lock": pipfileLock,
  "poetry.lock": poetryLock,
  "pyproject-poetry.toml": pyprojectPoetry,
  "pyproject-uv.toml": pyprojectUv,
  "uv.lock": uvLock,
};

export function fixture(name: string): string {
  const text = FIXTURES[name];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}
