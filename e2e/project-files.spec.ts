// Project files in the playground: a uv project (a Dockerfile with `uv sync --frozen`, pyproject.toml and
// uv.lock) is weighed from its lock file, the files travel in the permalink, and a file can be removed.
import { expect, test } from "./fixtures";
import { projectEditor } from "./pages/playground-page";

const DOCKERFILE = `FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
COPY . .
CMD ["/app/.venv/bin/gunicorn", "app:app"]
`;

const PYPROJECT = `[project]
name = "webapp"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = ["flask>=3.0", "gunicorn>=23"]
`;

// Written for this test: flask 3.0.3 and gunicorn 23.0.0 with their dependencies as PyPI lists them.
const UV_LOCK = `version = 1
requires-python = ">=3.12"

[[package]]
name = "webapp"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "flask" },
    { name = "gunicorn" },
]

[[package]]
name = "flask"
version = "3.0.3"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "blinker" },
    { name = "click" },
    { name = "itsdangerous" },
    { name = "jinja2" },
    { name = "werkzeug" },
]
wheels = [{ url = "https://files.pythonhosted.org/packages/flask-3.0.3-py3-none-any.whl", size = 101735 }]

[[package]]
name = "blinker"
version = "1.8.2"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "click"
version = "8.1.7"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "colorama", marker = "platform_system == 'Windows'" }]

[[package]]
name = "itsdangerous"
version = "2.2.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "jinja2"
version = "3.1.4"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "markupsafe" }]

[[package]]
name = "markupsafe"
version = "2.1.5"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "werkzeug"
version = "3.1.3"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "markupsafe" }]

[[package]]
name = "gunicorn"
version = "23.0.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "packaging" }]

[[package]]
name = "packaging"
version = "24.1"
source = { registry = "https://pypi.org/simple" }
`;

test("a uv project is weighed from pyproject.toml and uv.lock", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("requirements", "# this project has no requirements.txt\n");
  await playground.paste("dockerfile", DOCKERFILE);
  // Without its lock file, uv sync installs nothing the model can see: the column holds uv's own binary
  // (copied from its image, weighed as uv's wheel) and nothing more.
  const uvOnly = await playground.chartCell(0, "Python packages");
  expect(uvOnly).toMatch(/^[1-9][\d.]* MB$/);

  await playground.addProjectFile("pyproject.toml");
  await playground.paste(projectEditor("pyproject.toml"), PYPROJECT);
  await playground.addProjectFile("uv.lock");
  await playground.paste(projectEditor("uv.lock"), UV_LOCK);
  const withLock = await playground.chartCell(0, "Python packages");
  expect(withLock).toMatch(/^[1-9][\d.]* MB$/);
  expect(Number.parseFloat(withLock)).toBeGreaterThan(Number.parseFloat(uvOnly));
  await expect(page.getByTestId("problems")).not.toContainText("uv.lock");

  // The files travel in the link: a fresh page opened from it shows the same numbers.
  const numbers = await playground.chartNumbers();
  const url = await playground.share();
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await playground.goto(url);
  await expect(playground.editor(projectEditor("uv.lock"))).toBeVisible();
  expect(await playground.chartNumbers()).toBe(numbers);

  // Removing the lock file weighs from pyproject.toml (table closure) instead, and says which file to add.
  await playground.changing(() => page.getByTestId("project-file").filter({ has: page.getByText("uv.lock", { exact: true }) }).getByTestId("project-file-remove").click());
  await expect(playground.editor(projectEditor("uv.lock"))).toHaveCount(0);
});

test("a malformed pyproject.toml is listed as a problem at its line", async ({ playground, page }) => {
  await playground.goto();
  await playground.addProjectFile("pyproject.toml");
  await playground.paste(projectEditor("pyproject.toml"), '[project]\nname = "x"\n[tool.uv\n');
  await expect(page.getByTestId("problems")).toContainText("pyproject.toml");
  await expect(page.getByTestId("problems")).toContainText("pyproject.toml:3:");
});

const POETRY_DOCKERFILE = `FROM python:3.12-slim
RUN pip install --no-cache-dir poetry
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false && poetry install --only main --no-root
COPY . .
CMD ["python", "-m", "app"]
`;

const POETRY_PYPROJECT = `[tool.poetry]
name = "api"
version = "0.1.0"
description = ""
authors = []

[tool.poetry.dependencies]
python = "^3.12"
flask = "^3.0"

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"
`;

// Written for this test: flask 3.0.3 and its dependencies, plus pytest in the dev group (left out by
// --only main). None of them is one of poetry's own dependencies, which the system site already holds.
const POETRY_LOCK = `[[package]]
name = "flask"
version = "3.0.3"
optional = false
python-versions = ">=3.8"
groups = ["main"]

[package.dependencies]
blinker = ">=1.6.2"
click = ">=8.1.3"
itsdangerous = ">=2.1.2"
Jinja2 = ">=3.1.2"
Werkzeug = ">=3.0.0"

[[package]]
name = "blinker"
version = "1.8.2"
optional = false
python-versions = ">=3.8"
groups = ["main"]

[[package]]
name = "click"
version = "8.1.7"
optional = false
python-versions = ">=3.7"
groups = ["main"]

[[package]]
name = "itsdangerous"
version = "2.2.0"
optional = false
python-versions = ">=3.8"
groups = ["main"]

[[package]]
name = "jinja2"
version = "3.1.4"
optional = false
python-versions = ">=3.7"
groups = ["main"]

[package.dependencies]
MarkupSafe = ">=2.0"

[[package]]
name = "markupsafe"
version = "2.1.5"
optional = false
python-versions = ">=3.7"
groups = ["main"]

[[package]]
name = "werkzeug"
version = "3.0.4"
optional = false
python-versions = ">=3.8"
groups = ["main"]

[package.dependencies]
MarkupSafe = ">=2.1.1"

[[package]]
name = "pytest"
version = "8.3.3"
optional = false
python-versions = ">=3.8"
groups = ["dev"]

[metadata]
lock-version = "2.1"
python-versions = "^3.12"
content-hash = "0"
`;

test("a poetry project is weighed from poetry.lock, main group only", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("requirements", "# this project has no requirements.txt\n");
  await playground.paste("dockerfile", POETRY_DOCKERFILE);
  await playground.addProjectFile("pyproject.toml");
  await playground.paste(projectEditor("pyproject.toml"), POETRY_PYPROJECT);
  await playground.addProjectFile("poetry.lock");
  await playground.paste(projectEditor("poetry.lock"), POETRY_LOCK);
  await expect(page.getByTestId("problems")).not.toContainText("poetry.lock");
  // The seven packages of the main group are installed at their locked versions (or the nearest the table
  // holds, named); the dev group's pytest is not.
  await playground.selectStep(0);
  await expect(playground.details).toContainText("poetry cache (7 packages)");
  await expect(playground.details).toContainText("jinja2 3.1.4");
  await expect(playground.details).not.toContainText("pytest");
});
