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
      dockerignore: null,
      decisions: { "size/base-variant": { action: "apply", alternative: "slim" }, "cache/requirements-first": { action: "skip" } },
      selectedStep: "size/base-variant",
      contextBytes: 5_000_000,
      tablesVersion: "2026-11-28.1df28aba",
    },
  },
];
