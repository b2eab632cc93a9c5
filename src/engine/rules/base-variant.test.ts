import { describe } from "vitest";
import { FLASK_FAT } from "../../examples";
import { baseVariant } from "./base-variant";
import { runRuleTests } from "./rule-tester";

const flaskRequirements = Object.fromEntries(FLASK_FAT.requirements.map((r) => [r.path, r.text]));

describe("size/base-variant", () => {
  runRuleTests(baseVariant, {
    valid: [
      { name: "already slim", dockerfile: "FROM python:3.12-slim\nRUN pip install flask\n" },
      { name: "already alpine", dockerfile: "FROM python:3.12-alpine\nRUN pip install flask\n" },
      { name: "not a python image", dockerfile: "FROM debian:bookworm\nRUN apt-get update\n" },
      { name: "full image only in the builder", dockerfile: "FROM python:3.12 AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n" },
      { name: "final stage built on another stage", dockerfile: "FROM python:3.12 AS base\nFROM base\nRUN pip install flask\n" },
    ],
    invalid: [
      {
        name: "Flask: every package has a musl wheel or is pure, so alpine first",
        dockerfile: FLASK_FAT.dockerfile,
        requirements: flaskRequirements,
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: FLASK_FAT.dockerfile.replace("FROM python:3.12\n", "FROM python:3.12-alpine\n"),
        reasonIncludes: ["python:3.12 → python:3.12-alpine", "Every requirement installs from a musllinux wheel"],
      },
      {
        name: "Flask, the slim alternative",
        dockerfile: FLASK_FAT.dockerfile.replace("3.12", "3.13"),
        requirements: flaskRequirements,
        findings: ["1:full"],
        alternative: "slim",
        output: FLASK_FAT.dockerfile.replace("FROM python:3.12\n", "FROM python:3.13-slim\n"),
      },
      {
        name: "a Debian suite suffix is kept for slim",
        dockerfile: "FROM python:3.11-bookworm\nRUN apt-get update && apt-get install -y libxml2\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y libxml2\n",
      },
      {
        name: "psycopg2 compiles on musl: slim first, alpine adds build deps and keeps libpq",
        dockerfile: "FROM python:3.12\nRUN pip install psycopg2==2.9.10 flask\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        alternative: "alpine",
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps build-base libpq-dev && pip install psycopg2==2.9.10 flask && apk del .build-deps\n",
        reasonIncludes: ["psycopg2 2.9.10 has no musllinux wheel", "build-base, libpq-dev", "keeps libpq"],
      },
      {
        // pycairo publishes no Linux wheel and is in no package row (knowledge/source-only.ts): the full
        // image's gcc and libcairo2-dev built it; alpine, called wheel-only before, is not offered.
        name: "pycairo (sdist only): slim with a compiler and cairo's headers, alpine first with its build group",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir pycairo==1.27.0\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential pkg-config libcairo2-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir pycairo==1.27.0\n",
      },
      {
        // The tables' lxml wheels start at 4.9.4, whose musllinux wheel stood in for the 2018 pin: Alpine was
        // applied as wheel-only, and the build failed without a compiler (the review of legacy Dockerfiles).
        name: "an old pin whose musllinux wheel is another release's: slim, and alpine with the build group",
        dockerfile: "FROM python:3.7\nRUN pip install --no-cache-dir lxml==4.2.5\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.7-slim\nRUN pip install --no-cache-dir lxml==4.2.5\n",
      },
      {
        name: "the same on Alpine, chosen: lxml's headers around the install",
        dockerfile: "FROM python:3.7\nWORKDIR /app\nRUN pip install --no-cache-dir lxml==4.2.5\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        alternative: "alpine",
        output: "FROM python:3.7-alpine\nWORKDIR /app\nRUN apk add --no-cache libxml2 libxslt && apk add --no-cache --virtual .build-deps build-base libxml2-dev libxslt-dev && pip install --no-cache-dir lxml==4.2.5 && apk del .build-deps\n",
        reasonIncludes: ["lxml 4.2.5 may have no musllinux wheel for CPython 3.7"],
      },
      {
        // GDAL's bindings link the system's libgdal: the build group goes, the library stays.
        name: "GDAL on Alpine, chosen: gdal kept for run time",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir GDAL==3.10.3\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        alternative: "alpine",
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache gdal && apk add --no-cache --virtual .build-deps build-base gdal-dev && pip install --no-cache-dir GDAL==3.10.3 && apk del .build-deps\n",
      },
      {
        name: "pylibmc (sdist only): slim with a compiler and libmemcached's headers",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir pylibmc==1.6.3\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libmemcached-dev zlib1g-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir pylibmc==1.6.3\n",
      },
      {
        name: "psycopg2 on slim gets a compiler and headers",
        dockerfile: "FROM python:3.12\nWORKDIR /app\nRUN pip install psycopg2\n",
        findings: ["1:full"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install psycopg2\n",
        reasonIncludes: ["psycopg2 2.9.12 has no manylinux wheel"],
      },
      {
        // Found by the fuzz: the compiler installed only *after* the pip install does not build it.
        name: "psycopg2 on slim with gcc installed after the install: the compiler still goes before it",
        dockerfile: "FROM python:3.12\nWORKDIR /app\nRUN pip install psycopg2\nRUN apt-get update && apt-get install -y libpq-dev gcc\n",
        findings: ["1:full"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install psycopg2\nRUN apt-get update && apt-get install -y libpq-dev gcc\n",
      },
      {
        // Fuzz case 11236 (seed 100, line-insert), minimised: `apk add gcc` on a Debian base installs nothing
        // (apk is not there), so it must not count as the compiler slim needs before the install.
        name: "mysqlclient on slim with an `apk add gcc` on the Debian base: apt still installs the compiler",
        dockerfile: "FROM python:3.12\nRUN apk add --no-cache gcc\nRUN pip install mysqlclient==2.1.1\n",
        findings: ["1:full"],
        output: "FROM python:3.12-slim\nRUN apk add --no-cache gcc\nRUN apt-get update && apt-get install -y --no-install-recommends gcc default-libmysqlclient-dev pkg-config libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install mysqlclient==2.1.1\n",
      },
      {
        // Fuzz cases 4799, 5939 (seed 100): the rules asked the bundled table's newest pyarrow (25.0.1, with
        // musllinux wheels), while the estimate installs the pin, and the wheel table holds no musllinux wheel
        // of pyarrow before 20.0.0. Its musl build needs Arrow C++ first: no Alpine rewrite at all.
        name: "pyarrow==16.1.0 has no musllinux wheel: slim, and no alpine rewrite",
        dockerfile: "FROM python:3.11\nRUN pip install pyarrow==16.1.0\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.11-slim\nRUN pip install pyarrow==16.1.0\n",
      },
      {
        name: "pyarrow==20.0.0 has a cp311 musllinux wheel: alpine first",
        dockerfile: "FROM python:3.11\nRUN pip install pyarrow==20.0.0\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.11-alpine\nRUN pip install pyarrow==20.0.0\n",
        reasonIncludes: ["Every requirement installs from a musllinux wheel"],
      },
      {
        // The bundled row of h5py has no wheel file (no lock held one), which read as "compiles everywhere";
        // the wheel table has manylinux and musllinux wheels of 3.16.0, none of 3.14.0.
        name: "h5py==3.14.0 compiles on musl: slim first, alpine adds hdf5-dev and keeps hdf5",
        dockerfile: "FROM python:3.12\nRUN pip install h5py==3.14.0\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        alternative: "alpine",
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache hdf5 && apk add --no-cache --virtual .build-deps build-base hdf5-dev && pip install h5py==3.14.0 && apk del .build-deps\n",
        reasonIncludes: ["h5py 3.14.0 has no musllinux wheel"],
      },
      {
        name: "h5py unpinned installs 3.16.0 from a wheel on both: alpine first, slim without a compiler",
        dockerfile: "FROM python:3.12\nRUN pip install h5py\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        alternative: "slim",
        output: "FROM python:3.12-slim\nRUN pip install h5py\n",
      },
      {
        // Issue 14: with CR-only line ends the inserted RUN went before the first FROM (16 plans).
        name: "psycopg2 on slim, CR-only line ends: the RUN goes after FROM",
        dockerfile: "FROM python:3.12\rWORKDIR /app\rRUN pip install psycopg2\r",
        findings: ["1:full"],
        output: "FROM python:3.12-slim\rWORKDIR /app\rRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\rRUN pip install psycopg2\r",
      },
      {
        // The same root as case 11236: git from `apk add` is there on Alpine only, so slim (Debian) is no rewrite.
        name: "git installed by apk on the Debian base: alpine only, where apk works",
        dockerfile: "FROM python:3.12\nRUN apk add --no-cache git && git clone https://example.com/x.git /x\n",
        findings: ["1:full"],
        alternatives: ["alpine"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache git && git clone https://example.com/x.git /x\n",
      },
      {
        name: "git installed by apt: slim only (apt-get does not exist on Alpine)",
        dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y git && git clone https://example.com/x.git /x\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y git && git clone https://example.com/x.git /x\n",
      },
      {
        // Fuzz case 14039 (seed 100, unicode+byte-noise), minimised: `apt-get inst3l` is no subcommand the
        // recogniser names, but it still runs apt-get, which Alpine does not have: slim only.
        name: "apt-get with a subcommand it does not know: slim only",
        dockerfile: "FROM python:3.12\nRUN apt-get inst3l -y curl\nRUN pip install flask\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12-slim\nRUN apt-get inst3l -y curl\nRUN pip install flask\n",
      },
      {
        name: "git used but never installed: the rewrite installs it before its first use",
        dockerfile: "FROM python:3.12\nRUN pip install flask\nRUN git clone https://example.com/x.git /x\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.12-alpine\nRUN pip install flask\nRUN apk add --no-cache git\nRUN git clone https://example.com/x.git /x\n",
        reasonIncludes: ["The stage calls git (line 3 first), which the full image has and alpine does not: the rewrite installs git before it."],
      },
      {
        name: "the slim alternative installs curl and wget with apt (busybox has wget on Alpine)",
        dockerfile: "FROM python:3.12\nRUN curl -fsSLO https://example.com/a && wget https://example.com/b\nRUN pip install flask\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        alternative: "slim",
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSLO https://example.com/a && wget https://example.com/b\nRUN pip install flask\n",
      },
      {
        // The install on line 4 reads the lists line 2 downloaded: the inserted RUN must not delete them (a Selenium file's shape).
        name: "a later install reads an earlier update's lists: the tools' RUN keeps them",
        dockerfile: "FROM python:3.12\nRUN apt-get update\nRUN wget -q https://example.com/driver.zip\nRUN apt-get install -y chromium\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get update && apt-get install -y --no-install-recommends wget\nRUN wget -q https://example.com/driver.zip\nRUN apt-get install -y chromium\n",
      },
      {
        name: "a later install reads an earlier update's lists: the build dependencies' RUN keeps them",
        dockerfile: "FROM python:3.12\nRUN apt-get update\nRUN pip install psycopg2==2.9.9\nRUN apt-get install -y --no-install-recommends libpq5\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev\nRUN pip install psycopg2==2.9.9\nRUN apt-get install -y --no-install-recommends libpq5\n",
      },
      {
        name: "an entrypoint script it cannot see into: slim first, Alpine the alternative",
        dockerfile: "FROM python:3.12\nRUN pip install flask\nCOPY docker-entrypoint.sh .\nENTRYPOINT [\"./docker-entrypoint.sh\"]\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.12-slim\nRUN pip install flask\nCOPY docker-entrypoint.sh .\nENTRYPOINT [\"./docker-entrypoint.sh\"]\n",
        reasonIncludes: ["line 4 runs docker-entrypoint.sh, which Whaleweight cannot see into"],
      },
      {
        name: "./manage.py is run by python: Alpine stays first",
        dockerfile: "FROM python:3.12\nRUN pip install flask\nCOPY . .\nRUN ./manage.py collectstatic --noinput\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.12-alpine\nRUN pip install flask\nCOPY . .\nRUN ./manage.py collectstatic --noinput\n",
      },
      {
        name: "gcc called by hand: the toolchain (build-essential), as gcc alone lacks libc's headers",
        dockerfile: "FROM python:3.12\nRUN pip install cffi==1.17.1\nCOPY ext.c .\nRUN gcc -shared -o ext.so ext.c\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        alternative: "slim",
        output: "FROM python:3.12-slim\nRUN pip install cffi==1.17.1\nCOPY ext.c .\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nRUN gcc -shared -o ext.so ext.c\n",
      },
      {
        name: "a git+ requirement needs git at the install: with the compile's build dependencies, in one RUN",
        dockerfile: "FROM python:3.12\nRUN pip install git+https://github.com/pallets/flask.git psycopg2==2.9.9\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev git && rm -rf /var/lib/apt/lists/*\nRUN pip install git+https://github.com/pallets/flask.git psycopg2==2.9.9\n",
      },
      {
        // rustup's cargo links with `cc`: slim has none ("linker `cc` not found").
        name: "a Rust toolchain needs the C linker: build-essential with curl, before rustup",
        dockerfile: "FROM python:3.11\nRUN curl https://sh.rustup.rs -sSf | sh -s -- -y\nENV PATH=\"/root/.cargo/bin:${PATH}\"\nRUN pip install --no-cache-dir flask\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        alternative: "slim",
        output: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl build-essential && rm -rf /var/lib/apt/lists/*\nRUN curl https://sh.rustup.rs -sSf | sh -s -- -y\nENV PATH=\"/root/.cargo/bin:${PATH}\"\nRUN pip install --no-cache-dir flask\n",
        reasonIncludes: ["cc (the linker cargo calls)"],
      },
      {
        // lightgbm's wheel loads libgomp.so.1 from the image: the full image has it (gcc's), slim does not.
        name: "a wheel that loads a system library: slim gets it",
        dockerfile: "FROM python:3.11\nRUN pip install --no-cache-dir lightgbm\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir lightgbm\n",
        reasonIncludes: ["lightgbm loads libgomp1 from the image"],
      },
      {
        // Streamlit's documented HEALTHCHECK calls curl, which the full image has: without it the container is
        // never healthy. The rewrite installs it, as it does for a RUN that calls it.
        name: "a HEALTHCHECK that calls curl: the rewrite installs it",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\nCOPY app.py .\nHEALTHCHECK --interval=30s CMD curl --fail http://localhost:5000/ || exit 1\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask==3.0.3\nCOPY app.py .\nRUN apk add --no-cache curl\nHEALTHCHECK --interval=30s CMD curl --fail http://localhost:5000/ || exit 1\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["The stage calls curl (line 4 first)"],
      },
      {
        // A CMD's `sh -c` script calls git as the app's user: apt-get needs root, so git goes before the USER.
        name: "a CMD that runs git as the app's user: git is installed before the USER",
        dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\nRUN useradd --create-home app\nUSER app\nCMD [\"/bin/sh\", \"-c\", \"git pull --rebase && flask run\"]\n",
        findings: ["1:full"],
        alternative: "slim",
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\nRUN useradd --create-home app\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\nUSER app\nCMD [\"/bin/sh\", \"-c\", \"git pull --rebase && flask run\"]\n",
        reasonIncludes: ["The stage calls git (line 5 first)"],
      },
      {
        // The final stage installs nothing: it copies a venv whose python-ldap a builder compiled against
        // libldap-dev. The full image has libldap2 and libsasl2-2; slim does not, and `import ldap` would fail
        // (the build check's runtime-library-missing; fuzz seed 100 case 21001, which never converged).
        name: "a venv compiled in a builder: slim gets the libraries its packages load, before the copy",
        dockerfile: "FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libldap2-dev libsasl2-dev\nRUN python -m venv /venv && /venv/bin/pip install python-ldap==3.4.4\nFROM python:3.12\nCOPY --from=builder /venv /venv\nCMD [\"/venv/bin/python\", \"-c\", \"import ldap\"]\n",
        findings: ["4:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libldap2-dev libsasl2-dev\nRUN python -m venv /venv && /venv/bin/pip install python-ldap==3.4.4\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libldap2 libsasl2-2 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /venv /venv\nCMD [\"/venv/bin/python\", \"-c\", \"import ldap\"]\n",
        reasonIncludes: ["python-ldap (compiled in stage builder) loads libldap2, libsasl2-2 at run time"],
      },
      {
        // Only a file comes from the builder that compiled python-ldap: the final stage has no ldap to load.
        name: "a file copied from a builder that compiled something: no libraries added",
        dockerfile: "FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libldap2-dev libsasl2-dev\nRUN pip install python-ldap==3.4.4 && echo built > /built.txt\nFROM python:3.12\nCOPY --from=builder /built.txt /built.txt\nRUN pip install --no-cache-dir flask\n",
        findings: ["4:full"],
        alternative: "slim",
        output: "FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y libldap2-dev libsasl2-dev\nRUN pip install python-ldap==3.4.4 && echo built > /built.txt\nFROM python:3.12-slim\nCOPY --from=builder /built.txt /built.txt\nRUN pip install --no-cache-dir flask\n",
      },
      {
        // Pillow 9.0.1 is not in the tables; 9.5.0 stands in with a wheel, but the tables' first release with
        // a cp311 wheel is 10.0.0 and 9.5.0 has older CPythons' only: 9.0.1 (out before Python 3.11) may
        // have none, and pip would compile it. Slim gets its build dependencies; Alpine is not first.
        name: "a pin that may predate the image's CPython: slim plans for its build",
        dockerfile: "FROM python:3.11\nRUN pip install --no-cache-dir Pillow==9.0.1\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libjpeg-dev zlib1g-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir Pillow==9.0.1\n",
        reasonIncludes: ["pillow 9.0.1 may have no wheel for CPython 3.11 (the first release the tables hold with a wheel for CPython 3.11 on this image is 10.0.0", ", so the rewrite installs gcc, libjpeg-dev, zlib1g-dev, libc6-dev"],
      },
      {
        // Alpine's build group goes into the RUN that installs the packages, not around a pip self-upgrade
        // before it (fuzz seed 100 case 10294). The group then builds psycopg2 in the second RUN.
        name: "a pip self-upgrade first: Alpine's build group goes into the install",
        dockerfile: "FROM python:3.12\nRUN pip install --upgrade pip\nRUN pip install --no-cache-dir psycopg2==2.9.10\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        alternative: "alpine",
        output: "FROM python:3.12-alpine\nRUN pip install --upgrade pip\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps build-base libpq-dev && pip install --no-cache-dir psycopg2==2.9.10 && apk del .build-deps\n",
      },
      {
        // annoy is an sdist of C++ only (knowledge/source-only.ts): slim needs a compiler for it.
        name: "a project that only ships C++ sources: slim gets build-essential",
        dockerfile: "FROM python:3.11\nRUN pip install --no-cache-dir annoy==1.17.3\n",
        findings: ["1:full"],
        alternatives: ["slim", "alpine"],
        output: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir annoy==1.17.3\n",
        reasonIncludes: ["annoy 1.17.3 has no manylinux wheel and builds from source, so the rewrite installs build-essential"],
      },
      {
        // python-magic is pure Python that loads libmagic with ctypes: the full image has it, Alpine does not.
        name: "a pure package that loads a system library: Alpine gets it",
        dockerfile: "FROM python:3.11\nRUN pip install --no-cache-dir python-magic==0.4.27\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.11-alpine\nRUN apk add --no-cache libmagic\nRUN pip install --no-cache-dir python-magic==0.4.27\n",
        reasonIncludes: ["python-magic loads libmagic from the image, which the full image has and Alpine does not"],
      },
      {
        // opencv-python loads libGL (which the full image lacks too: the original installs it) and GLib (which
        // the full image has): slim gets GLib, by the name of slim's release (trixie's t64).
        name: "opencv-python: slim gets GLib by its release's name",
        dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends libglib2.0-0t64 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python\n",
        reasonIncludes: ["opencv-python loads libglib2.0-0t64 from the image"],
      },
      {
        name: "opencv-python on bookworm: GLib by bookworm's name",
        dockerfile: "FROM python:3.11-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python\n",
        findings: ["1:full"],
        alternatives: ["slim"],
        output: "FROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y --no-install-recommends libglib2.0-0 && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python\n",
      },
      {
        name: "bash as the SHELL: Alpine gets bash before it",
        dockerfile: "FROM python:3.12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN pip install flask\nCMD [\"bash\", \"-c\", \"flask run\"]\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache bash\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN pip install flask\nCMD [\"bash\", \"-c\", \"flask run\"]\n",
      },
      {
        name: "RUN /bin/bash -c: Alpine gets bash before it",
        dockerfile: "FROM python:3.12\nRUN /bin/bash -c \"pip install --no-cache-dir flask\"\n",
        findings: ["1:full"],
        alternatives: ["alpine", "slim"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache bash\nRUN /bin/bash -c \"pip install --no-cache-dir flask\"\n",
        reasonIncludes: ["calls bash (line 2 first)"],
      },
      {
        // A base image for others: its children's installs (on the full image's compilers and glibc) are not here.
        name: "ONBUILD: reported, not rewritten",
        dockerfile: "FROM python:3.12\nWORKDIR /app\nONBUILD COPY requirements.txt ./\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\nONBUILD COPY . .\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:full"],
        output: null,
      },
      {
        // Fuzz case 14633: curl is in the full image, so the install needed no lists; slim has neither.
        name: "an apt-get install before any apt-get update: no slim",
        dockerfile: "FROM python:3.12\nRUN apt-get install -y curl\nRUN pip install --no-cache-dir flask\n",
        findings: ["1:full"],
        output: null,
      },
      {
        name: "image from a variable: no rewrite",
        dockerfile: "ARG PY=3.12\nFROM python:${PY}\nRUN pip install flask\n",
        findings: ["2:full"],
        output: null,
      },
    ],
  });
});
