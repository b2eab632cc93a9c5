import { describe, expect, it } from "vitest";
import { legacyTorch } from "./torch-legacy";

describe("legacyTorch", () => {
  it.each([
    { specifier: "==1.10.0", version: "1.10.0", pythons: [6, 9] },
    { specifier: "==1.12.1+cu102", version: "1.12.1", pythons: [7, 10] },
    { specifier: "===1.4.0", version: "1.4.0", pythons: [5, 8] },
    { specifier: "==1.11", version: "1.11", pythons: [7, 10] },
  ])("reads $specifier as $version for CPython 3.$pythons.0–3.$pythons.1", ({ specifier, version, pythons }) => {
    expect(legacyTorch(specifier)).toMatchObject({ version, pythonMinors: pythons });
  });

  it.each([null, ">=1.10", "<1.13", "==1.13.0", "==2.0.1", "==0.4.1", "==1.10.*"])("%s is not a bundled-CUDA pin", (specifier) => {
    expect(legacyTorch(specifier)).toBeNull();
  });
});
