import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { withLibcHeaders } from "../knowledge";
import { buildDeps } from "./build-deps";
import { runRuleTests } from "./rule-tester";
import { packageFor } from "./support/packages";

// Each output below was read as a Dockerfile; the test at the end checks the build check is silent on it.
const requirements = { "requirements.txt": "flask==3.0.3\npsycopg2==2.9.9\n" };
const SLIM = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const SLIM_FIXED = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const BARE_GCC = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";
const BARE_GCC_FIXED = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";
const ALPINE = "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";
const ALPINE_FIXED = "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache build-base libpq-dev\nRUN pip install --no-cache-dir -r requirements.txt\n";
const ALPINE_GCC = "FROM python:3.12-alpine\nRUN apk add --no-cache gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";
const ALPINE_GCC_FIXED = "FROM python:3.12-alpine\nRUN apk add --no-cache gcc libpq-dev musl-dev\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n";

describe("correctness/build-deps", () => {
  runRuleTests(buildDeps, {
    valid: [
      { name: "the full image has a compiler and headers", dockerfile: SLIM.replace("python:3.12-slim", "python:3.12"), requirements },
      { name: "build-essential brings libc6-dev", dockerfile: BARE_GCC.replace("gcc libpq-dev", "build-essential libpq-dev"), requirements },
      { name: "gcc with its Recommends brings libc6-dev", dockerfile: BARE_GCC.replace(" --no-install-recommends", ""), requirements },
      { name: "a -dev package whose Depends reach libc6-dev (zlib1g-dev)", dockerfile: BARE_GCC.replace("libpq-dev", "libpq-dev zlib1g-dev"), requirements },
      { name: "psycopg2-binary ships a wheel", dockerfile: SLIM, requirements: { "requirements.txt": "psycopg2-binary==2.9.9\n" } },
      { name: "Alpine's g++ brings musl-dev", dockerfile: ALPINE_GCC.replace("gcc", "g++"), requirements },
      { name: "fixed: slim", dockerfile: SLIM_FIXED, requirements },
      { name: "fixed: Alpine", dockerfile: ALPINE_FIXED, requirements },
    ],
    invalid: [
      {
        // uWSGI ships only C sources, and its build reads the kernel's headers, which build-base lacks.
        name: "uWSGI on Alpine: build-base and linux-headers",
        dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir uwsgi\n",
        findings: ["2:compiler"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache build-base linux-headers\nRUN pip install --no-cache-dir uwsgi\n",
      },
      {
        // Both publish only an sdist (knowledge/source-only.ts); the pinned versions are not in the tables,
        // which does not make them doubtful: no version has a Linux wheel.
        name: "pycairo and psycopg[c] on Alpine: cairo's and libpq's headers with build-base",
        dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir pycairo==1.27.0 \"psycopg[c]==3.2.3\"\n",
        findings: ["2:compiler"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache build-base pkgconf cairo-dev libpq-dev\nRUN pip install --no-cache-dir pycairo==1.27.0 \"psycopg[c]==3.2.3\"\n",
      },
      {
        // Manylinux wheels only (knowledge/source-only.ts COMPILED_ELSEWHERE): on Alpine they build against
        // the system's GDAL, netCDF-C and HDF5, whose headers build-base does not bring.
        name: "rasterio and netCDF4 on Alpine: GDAL's, netCDF's and HDF5's headers with build-base",
        dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir rasterio==1.4.3 netCDF4==1.7.2\n",
        findings: ["2:compiler"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache build-base gdal-dev netcdf-dev hdf5-dev\nRUN pip install --no-cache-dir rasterio==1.4.3 netCDF4==1.7.2\n",
      },
      {
        // buildpack-deps brings the compiler (and build-essential's parts): only GDAL's headers are missing.
        name: "GDAL on the full image: libgdal-dev alone",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir GDAL==3.10.3\n",
        findings: ["2:libraries"],
        output: "FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends libgdal-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir GDAL==3.10.3\n",
        messageIncludes: ["this stage has a compiler but not libgdal-dev: the build fails"],
      },
      { name: "slim has no compiler: the table's build needs and libc6-dev before the install", dockerfile: SLIM, requirements, findings: ["4:compiler"], output: SLIM_FIXED, reasonIncludes: ["psycopg2 has no wheel", "gcc, libpq-dev, libc6-dev"], messageIncludes: ["Install gcc, libpq-dev, libc6-dev first"] },
      // torch has no musllinux wheel and no sdist: a compiler does not mend that, and the step says so.
      { name: "Alpine with psycopg2 and torch: the compiler, and the error it leaves", dockerfile: ALPINE, requirements: { "requirements.txt": "psycopg2==2.9.9\ntorch==2.5.1\n" }, findings: ["3:compiler"], output: ALPINE_FIXED, reasonIncludes: ["the build still fails at line 3 (no-installable-distribution)"] },
      {
        // A compiler and libc's headers, but not the libpq-dev psycopg2's build reads (pg_config).
        name: "gcc and libc6-dev without libpq-dev: libpq-dev before the install",
        dockerfile: BARE_GCC.replace("gcc libpq-dev", "gcc libc6-dev"),
        requirements,
        findings: ["4:libraries"],
        output: BARE_GCC.replace("gcc libpq-dev", "gcc libc6-dev").replace("RUN pip install", "RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install"),
        messageIncludes: ["has a compiler but not libpq-dev"],
      },
      { name: "Debian's gcc without its Recommends: libc6-dev joins its install", dockerfile: BARE_GCC, requirements, findings: ["4:headers"], output: BARE_GCC_FIXED, reasonIncludes: ["libc6-dev (libc's headers) joins the compiler's install at line 2"] },
      { name: "Alpine: build-base, and libpq-dev for postgresql-dev from Alpine 3.17 on", dockerfile: ALPINE, requirements, findings: ["3:compiler"], output: ALPINE_FIXED },
      {
        // An `apk add gcc` on the Debian base installs nothing (fuzz seed 100 case 50307): apt still brings gcc.
        name: "apk on a Debian base does not count as the compiler",
        dockerfile: SLIM.replace("COPY requirements.txt", "RUN apk add --no-cache gcc\nCOPY requirements.txt"),
        requirements,
        findings: ["5:compiler"],
        output: SLIM_FIXED.replace("COPY requirements.txt", "RUN apk add --no-cache gcc\nCOPY requirements.txt"),
      },
      { name: "Alpine's gcc without musl-dev", dockerfile: ALPINE_GCC, requirements, findings: ["4:headers"], output: ALPINE_GCC_FIXED },
      {
        // Line 5's install reads the lists line 2 downloaded: the inserted RUN keeps them (a Selenium file's shape: update, download, install in three RUNs).
        name: "a later install without its own update: the inserted RUN keeps the lists",
        dockerfile: SLIM.replace("WORKDIR /app", "RUN apt-get update").replace("COPY . .", "RUN apt-get install -y --no-install-recommends libpq5"),
        requirements,
        findings: ["4:compiler"],
        output: SLIM_FIXED.replace("WORKDIR /app", "RUN apt-get update").replace(" && rm -rf /var/lib/apt/lists/*", "").replace("COPY . .", "RUN apt-get install -y --no-install-recommends libpq5"),
      },
    ],
  });

  it.each([SLIM_FIXED, BARE_GCC_FIXED, ALPINE_FIXED, ALPINE_GCC_FIXED])("the fixed file builds as the build check reads it (%#)", (text) => {
    const analysis = analyze({ dockerfile: text, requirements: [{ path: "requirements.txt", content: requirements["requirements.txt"] }], dockerignore: null });
    expect(analysis.buildCheck.map((c) => c.code)).toEqual([]);
  });
});

describe("libc's headers beside a compiler", () => {
  it.each([
    { packages: ["gcc", "libpq-dev"], family: "debian" as const, out: ["gcc", "libpq-dev", "libc6-dev"] },
    { packages: ["gcc-12"], family: "debian" as const, out: ["gcc-12", "libc6-dev"] },
    { packages: ["build-essential"], family: "debian" as const, out: ["build-essential"] },
    { packages: ["g++"], family: "debian" as const, out: ["g++"] },
    { packages: ["libpq-dev"], family: "debian" as const, out: ["libpq-dev"] },
    { packages: ["gcc"], family: "alpine" as const, out: ["gcc", "musl-dev"] },
    { packages: ["build-base", "gcc"], family: "alpine" as const, out: ["build-base", "gcc"] },
  ])("$family $packages", ({ packages, family, out }) => {
    expect(withLibcHeaders(packages, family)).toEqual(out);
  });

  it.each([
    { entry: "postgresql-dev (libpq-dev on Alpine >= 3.17)", distro: "alpine3.20", name: "libpq-dev" },
    { entry: "postgresql-dev (libpq-dev on Alpine >= 3.17)", distro: "alpine3.15", name: "postgresql-dev" },
    { entry: "postgresql-dev (libpq-dev on Alpine >= 3.17)", distro: null, name: "libpq-dev" },
    { entry: "mariadb-dev (mariadb-connector-c-dev)", distro: "alpine3.20", name: "mariadb-dev" },
    { entry: "gcc", distro: "trixie", name: "gcc" },
  ])("$entry on $distro is $name", ({ entry, distro, name }) => {
    expect(packageFor(entry, distro)).toBe(name);
  });
});
