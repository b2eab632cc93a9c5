// Fixtures of the project-file tests: a Flask + requests app locked by uv, poetry, pdm and pipenv. Imported as
// text through Vite's `?raw` (no Node built-ins in the engine, tests included).
import pipfile from "./fixtures/Pipfile?raw";
import pipfileLock from "./fixtures/Pipfile.lock?raw";
import pdmLock from "./fixtures/pdm.lock?raw";
import poetryLock from "./fixtures/poetry.lock?raw";
import pyprojectPdm from "./fixtures/pyproject-pdm.toml?raw";
import pyprojectPoetry from "./fixtures/pyproject-poetry.toml?raw";
import pyprojectUv from "./fixtures/pyproject-uv.toml?raw";
import uvLock from "./fixtures/uv.lock?raw";

const FIXTURES: Readonly<Record<string, string>> = {
  Pipfile: pipfile,
  "Pipfile.lock": pipfileLock,
  "pdm.lock": pdmLock,
  "poetry.lock": poetryLock,
  "pyproject-pdm.toml": pyprojectPdm,
  "pyproject-poetry.toml": pyprojectPoetry,
  "pyproject-uv.toml": pyprojectUv,
  "uv.lock": uvLock,
};

export function fixture(name: string): string {
  const text = FIXTURES[name];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
}
