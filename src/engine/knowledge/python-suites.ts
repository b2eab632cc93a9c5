// The Debian release an official python image was last built on, when its tag names none
// (`python:3.10.13-slim`, `python:3.9-slim`). docker-library/python rebuilds a tag on the default suite of
// the day until the tag stops moving: a patch tag until the next patch release of its minor, a minor tag
// until the minor's last release. The default moved buster → bullseye (August 2021, bullseye's release),
// bullseye → bookworm (June 2023) and bookworm → trixie (August 2025). So a patch tag was last built on the
// suite that was the default when the next patch came out (release dates: python.org/downloads), and a
// minor tag on the suite of its last build. Between those dates a tag's image changed suite: a Dockerfile
// pinned to `3.10.13-slim` in 2023 got bookworm, and apt names of that release are what it installs.
import { parseImageRef, type ImageRef } from "./image-ref";
import { parsePythonTag, type PythonTag, type PythonVersion } from "./python-tag";

interface Switch {
  readonly suite: string;
  /** Per minor: the first patch release still the newest of its minor when the default moved to `suite`. */
  readonly firstPatch: Readonly<Record<string, number>>;
  /** Minors released after the switch: every patch of them is on `suite` or later. */
  readonly newerFrom: number;
}

// Newest switch first. The patches named were current on the switch day: 3.9.6, 3.8.11, 3.7.11 and 3.6.14
// (2021-06-28) until 2021-08-30/09-04; 3.11.4, 3.10.12, 3.9.17, 3.8.17 and 3.7.17 (2023-06-06) until
// 2023-08-24; 3.12.11, 3.11.13, 3.10.18 and 3.9.23 (2025-06-03) until 2025-10, and 3.13.6 (2025-08-06) until
// 2025-08-14.
// Before buster (July 2019: 3.7.4 and 3.6.9 were its first) the default was stretch for 3.7 from its first
// pre-release on (docker-library/python#219, maintainer's comment 2017-10-20: "stretch is the default in
// python 3.7 and above"; #233 builds 3.7.0a2 on stretch), so 3.7.0–3.7.3 were last built on stretch. 3.6
// started on jessie and was still on it at 3.6.4 (docker-library/python#264, 2018-02-27); the patch current
// when its default moved to stretch is not known here, so 3.6.0–3.6.8 imply nothing (null).
const SWITCHES: readonly Switch[] = [
  { suite: "trixie", firstPatch: { "3.9": 23, "3.10": 18, "3.11": 13, "3.12": 11, "3.13": 6 }, newerFrom: 14 },
  { suite: "bookworm", firstPatch: { "3.7": 17, "3.8": 17, "3.9": 17, "3.10": 12, "3.11": 4 }, newerFrom: 12 },
  { suite: "bullseye", firstPatch: { "3.6": 14, "3.7": 11, "3.8": 11, "3.9": 6 }, newerFrom: 10 },
  { suite: "buster", firstPatch: { "3.6": 9, "3.7": 4 }, newerFrom: 8 },
  { suite: "stretch", firstPatch: {}, newerFrom: 7 },
];

/** The last patch release of minors no longer built (their minor tag stopped there). */
const LAST_PATCH: Readonly<Record<string, number>> = { "3.6": 15, "3.7": 17, "3.8": 20, "3.9": 25 };

/** The suite a python 3 tag with no suite in it was last built on, or null when it cannot be told (no
 *  minor, a pre-release, Python 2, minors before 3.6, 3.6 patches before buster). A minor still supported
 *  is on today's default. */
export function impliedPythonSuite(version: PythonVersion | null): string | null {
  if (version === null || version.major !== 3 || version.minor === null || version.pre !== null || version.minor < 6) return null;
  const minor = `3.${version.minor}`;
  const patch = version.patch ?? LAST_PATCH[minor] ?? null;
  for (const s of SWITCHES) {
    if (version.minor >= s.newerFrom) return s.suite;
    const first = s.firstPatch[minor];
    // A minor tag of a supported minor (no patch, no last patch): on every switch it was current for.
    if (first !== undefined && (patch === null || patch >= first)) return s.suite;
  }
  return null;
}

/** True for Docker Hub's python repository (`python:3.9`, `docker.io/library/python:3.9`). */
export function isOfficialPython(ref: ImageRef): boolean {
  return ref.repository === "python" && (ref.registry === null || /(^|\.)docker\.io$/.test(ref.registry));
}

/** The Debian release a python tag stands for: the one it names, else the one it was last built on; null
 *  for an Alpine tag or a tag that tells nothing. */
export function pythonTagSuite(tag: PythonTag): string | null {
  return tag.variant === "alpine" ? null : (tag.suite ?? impliedPythonSuite(tag.version));
}

/** The Debian release an official python image (`python:3.10.13-slim`, `docker.io/library/python:3.9`) is
 *  on (pythonTagSuite); null for another image. */
export function pythonImageSuite(image: string): string | null {
  const ref = parseImageRef(image);
  const tag = ref === null || !isOfficialPython(ref) ? null : parsePythonTag(ref.tag);
  return tag === null ? null : pythonTagSuite(tag);
}

/**
 * The newest Python minor a suite's python tags were built with before docker-library stopped building
 * that suite, for a tag that names the suite but no minor (`python:3-alpine3.20`, `python:slim-bullseye`):
 * the image is the last one built, not today's newest Python. docker-library builds the two newest Debian
 * releases and the two newest Alpine releases, so a suite stops with the release two after it: buster with
 * bookworm (June 2023, before Python 3.12), bullseye with trixie (August 2025, before 3.14); Alpine 3.17 with
 * 3.19 (December 2023, after 3.12), 3.18 with 3.20 (May 2024), 3.19 with 3.21 (December 2024, after 3.13),
 * 3.20 with 3.22 (May 2025), 3.21 with 3.23 (December 2025, after 3.14), 3.22 with 3.24 (May 2026). Python
 * releases: October 2023 (3.12), October 2024 (3.13), October 2025 (3.14). Null for a suite still built
 * (today's newest Python) or one older than these (the tables hold no image of its era to stand in).
 */
const LAST_MINOR_OF_RETIRED_SUITE: Readonly<Record<string, number>> = {
  buster: 11, bullseye: 13,
  "alpine3.17": 12, "alpine3.18": 12, "alpine3.19": 13, "alpine3.20": 13, "alpine3.21": 14, "alpine3.22": 14,
};

export function lastPythonMinorOfSuite(suite: string): number | null {
  return LAST_MINOR_OF_RETIRED_SUITE[suite] ?? null;
}
