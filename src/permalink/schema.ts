// The wire format of each permalink version, as valibot schemas: a link is untrusted input, so nothing
// of it reaches the store before it has passed the schema of the version it claims.
//
// Version 1 payload (JSON, deflated, base64url), keys kept short because they travel in every link:
//   t: tables version   d: Dockerfile   r: [path, text][] requirements files   i: .dockerignore
//   x: decisions, by rule id: "-" skip, "+" apply the default, "+<id>" apply alternative <id>
//   s: selected step id   c: build-context bytes
// Version 2 adds   p: [path, text][] project files (pyproject.toml, uv.lock, poetry.lock, Pipfile(.lock)).
// Version 3 adds   a: "aarch64" | "x86_64" wheel architecture
//                  z: { PEP 503 name: installed bytes } sizes the user typed for packages.
// Absent keys mean the default.
import * as v from "valibot";

/** Longest rule/step/alternative id accepted; real ones are ~30 characters (`size/requirements-first`). */
const MAX_ID = 100;
/** More requirements files than any project pastes; bounds the work a hostile link can ask for. The
 *  playground's file list refuses more (state/project-files.ts), so every project it holds can be shared. */
export const MAX_FILES = 32;
/** 1 TB: larger than any build context, smaller than the largest integer a double holds exactly. */
const MAX_CONTEXT_BYTES = 1e12;
/** Longest file path a link carries: deeper than any build context's requirements file. */
export const MAX_PATH = 256;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

export const WireV1 = v.object({
  t: v.pipe(v.string(), v.maxLength(MAX_ID)),
  d: v.string(),
  r: v.optional(v.pipe(v.array(v.tuple([v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH)), v.string()])), v.maxLength(MAX_FILES))),
  i: v.optional(v.string()),
  x: v.optional(v.record(Id, v.pipe(v.string(), v.regex(/^(-|\+.{0,100})$/s)))),
  s: v.optional(Id),
  c: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CONTEXT_BYTES))),
});

export type WireV1 = v.InferOutput<typeof WireV1>;

/** More project files than a project has (one manifest and one lock per directory, a few directories). */
export const MAX_PROJECT_FILES = 16;

export const WireV2 = v.object({
  ...WireV1.entries,
  p: v.optional(v.pipe(v.array(v.tuple([v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH)), v.string()])), v.maxLength(MAX_PROJECT_FILES))),
});

export type WireV2 = v.InferOutput<typeof WireV2>;

/** 100 GB (decimal, as the page prints sizes): ten times the largest Python package there is (a CUDA
 *  torch build is ~5 GB installed), so a real size always fits and a typo of a few zeros does not. */
export const MAX_PACKAGE_BYTES = 100e9;
/** More overridden packages than any project has unknown ones (the corpus' worst file has tens). */
export const MAX_PACKAGE_SIZES = 256;
/** A PEP 503 normalised name: lower-case letters and digits in runs joined by single hyphens. It also
 *  keeps `__proto__` and friends out of the record. */
export const PACKAGE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const WireV3 = v.object({
  ...WireV2.entries,
  a: v.optional(v.picklist(["x86_64", "aarch64"])),
  z: v.optional(v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(MAX_ID), v.regex(PACKAGE_NAME)), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PACKAGE_BYTES))),
    v.check((record) => Object.keys(record).length <= MAX_PACKAGE_SIZES, `at most ${MAX_PACKAGE_SIZES} package sizes`),
  )),
});

export type WireV3 = v.InferOutput<typeof WireV3>;

/** The schema of the current version (PERMALINK_VERSION), also used by the autosave. */
export const WireCurrent = WireV3;
export type WireCurrent = WireV3;
