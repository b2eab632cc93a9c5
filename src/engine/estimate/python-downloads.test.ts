import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import { estimateImage } from "./estimate";
import { pythonDownload } from "./python-downloads";

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
