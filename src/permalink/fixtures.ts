// Real links as the released encoder wrote them, frozen: every future version must still open them to the
// same state (the TypeScript playground keeps its historical links the same way). Never regenerate one;
// add a new fixture when the format changes.
import type { SharedState } from "./shared-state";

export interface LinkFixture {
  readonly name: string;
  readonly fragment: string;
  readonly state: SharedState;
}

export const LINK_FIXTURES: readonly LinkFixture[] = [
  {
    name: "v1: Flask example, slim base chosen, requirements-first skipped, 5 MB context",
    fragment: "v1.ZVDRTsIwFP2V5r66lrVEQpr0STAxBkdmjBrKQ4ENGrtutEVBwr_bTYlG2pd7e87pOfceIQAHlrIBphSzIaGrkg3VQkECq4jc5tkENYewqS3vE8qkvcmmr4ignmoaaZ-z_H50l_90-dMDanSDtPVBGYOwQ67Y7rQrqsIGT8I-SDt-mWaPYzRM0zR-NhmhmYT1zupl7ayEBEnAeKHt6rtOSXd5R-9eohNv3WAubQzpgM9m8N8mAqVR_k2IfpT3pe067LdGmeWmqA4tQAk9A6ZeaytESga_5I9QCkEJa1nngEIw1uaJ1vN5AnvgR_D6s-gtlC_wu3Ja2XahV97oKoZYqujW-5sOl9r5loLhlICPxaU-6oBfx4njOX0B",
    state: {
      dockerfile: "FROM python:3.12\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nEXPOSE 8000\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]\n",
      requirements: [{ path: "requirements.txt", text: "flask==3.0.3\nflask-sqlalchemy==3.1.1\nflask-login==0.6.3\nflask-wtf==1.2.1\ngunicorn==22.0.0\n" }],
      // Version 1 had no project files: the migration to version 2 opens it with none.
      projectFiles: [],
      dockerignore: null,
      decisions: { "size/base-variant": { action: "apply", alternative: "slim" }, "cache/requirements-first": { action: "skip" } },
      selectedStep: "size/base-variant",
      contextBytes: 5_000_000,
      // Version 3's settings: a version 1 or 2 link means the defaults.
      arch: null,
      packageSizes: {},
      tablesVersion: "2026-11-28.1df28aba",
    },
  },
  {
    name: "v2: a uv project (pyproject.toml + uv.lock), multistage skipped",
    fragment: "v2.lZJPa-MwEMW_iphDT7GUP7AHQ_eyZWFZulkCy1IsH1xnkqqRR6oku01DvntHbmhpSw-9CFm_5_eeBh0gQQnz6fxbMZsX07m0rt1tjMUIE1gz-rlaXgq_TzeOyoVkTbSm0_R_ufp98WslVOO9ph_Lv1cs8sHdYptkcp0V_TB6Cak0rf79Ed54YSimxmYmzs7yGvfUiqLYBPeIxBtyxRqHk6EUkneXF6LSkHOUHJAGdW1IbXsyrQukYSI0MCtzD6g1ce0AZVVBwLveBOyQUpTpITGAup6AH-nbssyq0zdbUNOhOGffe7webTUNGKJxNJ5O5UxO8-EaPfJCrcHIhFtubBN3388Xmecu9aSC0xw44tVkpklTVfmm3TVbrL-QGV0f2qw8iMGE1Dd25FKDOH5sdBAvvmO1rOKwz7JPmrfRfBm5eBcdcGtiCvtRcJOSj6VSPFIjXdiqaDpv8bnROPIHKA8QzSOqrreJ_-RgfloFHI9P",
    state: {
      dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN pip install uv && uv sync --frozen --no-dev\nCOPY . .\nCMD [\"/app/.venv/bin/gunicorn\", \"app:app\"]\n",
      requirements: [{ path: "requirements.txt", text: "" }],
      projectFiles: [
        { path: "pyproject.toml", text: "[project]\nname = \"webapp\"\nversion = \"0.1.0\"\ndependencies = [\"flask>=3.0\"]\n" },
        { path: "uv.lock", text: "version = 1\n\n[[package]]\nname = \"webapp\"\nversion = \"0.1.0\"\nsource = { virtual = \".\" }\ndependencies = [{ name = \"flask\" }]\n\n[[package]]\nname = \"flask\"\nversion = \"3.0.3\"\nsource = { registry = \"https://pypi.org/simple\" }\n" },
      ],
      dockerignore: null,
      decisions: { "size/multistage": { action: "skip" } },
      selectedStep: null,
      contextBytes: null,
      arch: null,
      packageSizes: {},
      tablesVersion: "2026-12-02.lockfiles",
    },
  },
  {
    name: "v3: an unknown package sized by hand, aarch64 wheels, base variant skipped",
    fragment: "v3.ZVBNa8MwDP0rRufYTdyujEBPLYMxuozAGCPOQUm8xixxMtsb_SD_fQrbqdVJj6f3nqQLBEhBxnLNk4TLe1FVEuPVWkIEDTEPebZn4ym0g02XIpHcd6ZX9i3Ln3aPOVvgOCq7zV7emdNf38bpXtvgRTgGJpTNX5_ZaEZmrA_YdYxzO_Aa61bzxjjG3Y3q30zM6u1-xwoFf-kKIqaA4sR4UlAqSws6SIsCri2I-OjQf242SxGLpbJY95obG7Sz2HHfECNFImLyKMsIDJ0pDoaiSXmE9ALenPWiQq_5DzqDdn4RhykCT83gzMGQEQ0jQURXt-sVofMsvcmCdCXv4rmm6Rc",
    state: {
      dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
      requirements: [{ path: "requirements.txt", text: "flask==3.0.3\nacme-internal-sdk==2.1.0\n" }],
      projectFiles: [],
      dockerignore: ".git\n",
      decisions: { "size/base-variant": { action: "skip" } },
      selectedStep: "original",
      contextBytes: null,
      arch: "aarch64",
      packageSizes: { "acme-internal-sdk": 42_500_000 },
      tablesVersion: "2026-11-28.bb2a0462",
    },
  },
];
