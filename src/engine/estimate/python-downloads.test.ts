import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import { estimateImage } from "./estimate";
import { playwrightAptPackages } from "../knowledge";
import { playwrightCommand, pythonDownload } from "./python-downloads";
import { layerAt } from "./test-support";

describe("pythonDownload", () => {
  it.each([
    { words: ["python", "-m", "spacy", "download", "en_core_web_sm"], named: "python -m spacy download" },
    { words: ["python3", "-W", "ignore::RuntimeWarning", "-m", "nltk.downloader", "-d", "/usr/share/nltk_data", "punkt"], named: "python3 -m nltk.downloader" },
    { words: ["python", "-mplaywright", "install", "--with-deps", "chromium"], named: "python -m playwright install" },
    { words: ["python", "-c", "from transformers import AutoModel; AutoModel.from_pretrained('bert-base-uncased')"], named: "python -c" },
    { words: ["python", "-c", "import nltk; nltk.download('punkt')"], named: "python -c" },
    { words: ["python", "-u", "-c", "import whisper; whisper.load_model('base')"], named: "python -c" },
    // Not downloads: other subcommands and modules, code that fetches nothing, scripts the model cannot read.
    { words: ["python", "-m", "spacy", "info"], named: null },
    { words: ["python", "-m", "compileall", "/app"], named: null },
    { words: ["python", "-c", "import numpy; numpy.test()"], named: null },
    { words: ["python", "manage.py", "collectstatic", "--noinput"], named: null },
    { words: ["python", "download.py", "-m", "spacy"], named: null },
    { words: ["python"], named: null },
  ])("$words.1 $words.2 $words.3 → $named", ({ words, named }) => {
    expect(pythonDownload(words)).toBe(named);
  });
});

describe("the estimate names downloads it cannot weigh", () => {
  it("warns once per RUN, naming each download, and counts nothing for it", () => {
    const estimate = estimateImage({
      dockerfile: parseDockerfile("FROM python:3.12-slim\nRUN python -m spacy download en_core_web_sm && python -c \"import nltk; nltk.download('punkt')\"\nRUN python manage.py collectstatic --noinput\n"),
      requirements: [],
      dockerignore: null,
      settings: {},
    });
    const warnings = estimate.warnings.filter((w) => w.code === "unmodelled-download");
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, "`python -m spacy download`, `python -c` downloads data the tables cannot weigh (a model, a corpus, a browser): counted as 0 bytes."],
    ]);
    expect(estimate.layers.find((l) => l.line === 2)?.bytes).toBe(0);
    expect(estimate.warnings.some((w) => w.line === 3)).toBe(false);
  });
});

describe("the estimate says what `python setup.py install` leaves out", () => {
  it("warns that the project's install is not counted, and stays silent for other scripts", () => {
    const estimate = estimateImage({
      dockerfile: parseDockerfile("FROM python:3.12-slim\nCOPY . /app\nRUN cd /app && python setup.py install\nRUN python3 /app/setup.py develop\nRUN python /app/manage.py migrate\n"),
      requirements: [],
      dockerignore: null,
      settings: {},
    });
    const warnings = estimate.warnings.filter((w) => w.code === "unmodelled-command");
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [3, "`python setup.py install` may add files the model does not know: counted as 0 bytes."],
      [4, "`python3 setup.py install` may add files the model does not know: counted as 0 bytes."],
    ]);
  });
});

describe("playwrightCommand", () => {
  it.each([
    { words: ["playwright", "install", "--with-deps", "chromium"], read: { deps: true, downloads: true, browsers: ["chromium"] } },
    { words: ["playwright", "install", "chromium"], read: { deps: false, downloads: true, browsers: ["chromium"] } },
    { words: ["/opt/venv/bin/playwright", "install-deps"], read: { deps: true, downloads: false, browsers: [] } },
    { words: ["python3", "-m", "playwright", "install", "--with-deps"], read: { deps: true, downloads: true, browsers: [] } },
    { words: ["python", "-mplaywright", "install", "--with-deps", "firefox"], read: { deps: true, downloads: true, browsers: ["firefox"] } },
    { words: ["playwright", "install", "--dry-run", "--with-deps"], read: { deps: false, downloads: false, browsers: [] } },
    { words: ["uv", "run", "playwright", "install", "chromium"], read: { deps: false, downloads: true, browsers: ["chromium"] } },
    { words: ["npx", "playwright", "install-deps", "webkit"], read: { deps: true, downloads: false, browsers: ["webkit"] } },
    { words: ["playwright", "codegen"], read: null },
    { words: ["echo", "playwright", "install"], read: null },
    { words: ["python", "-m", "spacy", "download", "x"], read: null },
  ])("$words", ({ words, read }) => {
    expect(playwrightCommand(words)).toEqual(read);
  });
});

describe("the estimate weighs what `playwright install --with-deps` installs with apt", () => {
  const estimate = (dockerfile: string) => estimateImage({ dockerfile: parseDockerfile(dockerfile), requirements: [], dockerignore: null, settings: {} });

  it("as apt-get update and an install of Playwright's list for the release, and names the browser download it leaves out", () => {
    const packages = playwrightAptPackages("trixie", ["chromium"])?.packages ?? [];
    // Playwright's own list: its tools (xvfb, fonts) and Chromium's libraries.
    expect(packages).toEqual(expect.arrayContaining(["xvfb", "libnss3", "libxkbcommon0"]));
    const withDeps = estimate("FROM python:3.12-slim-trixie\nRUN playwright install --with-deps chromium\n");
    const byHand = estimate(`FROM python:3.12-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}\n`);
    expect(layerAt(withDeps, 2).bytes).toBe(layerAt(byHand, 2).bytes);
    expect(layerAt(withDeps, 2).bytes).toBeGreaterThan(0);
    expect(withDeps.assumptions.map((a) => a.id)).toContain("playwright-deps");
    expect(withDeps.warnings.filter((w) => w.code === "unmodelled-download").map((w) => w.message)).toEqual([
      "`playwright install` downloads data the tables cannot weigh (a model, a corpus, a browser): counted as 0 bytes.",
    ]);
    // install-deps downloads nothing; without --with-deps, nothing is installed with apt.
    expect(layerAt(estimate("FROM python:3.12-slim-trixie\nRUN playwright install-deps chromium\n"), 2).bytes).toBe(layerAt(byHand, 2).bytes);
    expect(layerAt(estimate("FROM python:3.12-slim-trixie\nRUN playwright install chromium\n"), 2).bytes).toBe(0);
  });

  it("where Playwright has no list (Alpine, bullseye), the apt half is an unmodelled command", () => {
    for (const base of ["python:3.12-alpine", "python:3.11-slim-bullseye"]) {
      const e = estimate(`FROM ${base}\nRUN playwright install --with-deps chromium\n`);
      expect(e.warnings.filter((w) => w.code === "unmodelled-command").map((w) => w.message)).toEqual(["`playwright install --with-deps` may add files the model does not know: counted as 0 bytes."]);
    }
  });
});
