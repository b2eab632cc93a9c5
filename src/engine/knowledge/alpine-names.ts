// Debian package names written in an `apk add`, which Alpine does not have: apk stops with "unable to
// select packages: build-essential (no such package)". Only names checked against Alpine's own package
// index (pkgs.alpinelinux.org) are listed, each with what Alpine calls it (null: no counterpart, the files
// come with another package); a name not listed is not judged, since the tables hold no full Alpine index.
const DEBIAN_ONLY: Readonly<Record<string, string | null>> = {
  "build-essential": "build-base",
  "python3-pip": "py3-pip",
  "python3-venv": null,
  "zlib1g-dev": "zlib-dev",
  "libssl-dev": "openssl-dev",
  "libxslt1-dev": "libxslt-dev",
  "default-libmysqlclient-dev": "mariadb-dev",
  "libmysqlclient-dev": "mariadb-dev",
  "gdal-bin": "gdal-tools",
  "libgdal-dev": "gdal-dev",
  "python3-gdal": "py3-gdal",
  "libproj-dev": "proj-dev",
  "libgeos-dev": "geos-dev",
  "libpq5": "libpq",
  "libgomp1": "libgomp",
  "libmagic1": "libmagic",
  "libgl1": "mesa-gl",
  "libglib2.0-0": "glib",
  "libsm6": "libsm",
  "libxext6": "libxext",
  "libxrender1": "libxrender",
  "software-properties-common": null,
};

/** For a Debian name Alpine lacks: Alpine's name for it (null when none); undefined for any other name. */
export function alpineNameOfDebian(name: string): string | null | undefined {
  return DEBIAN_ONLY[name];
}

/**
 * Runtime libraries an Alpine package brings with it as a dependency, for the names Dockerfiles install to
 * keep one across an `apk del` of the build group: `postgresql-libs` is provided by libecpg (aports
 * main/postgresql*: `provides="postgresql-libs"`, kept for Alpine < 3.15), whose library links libpq; the
 * client packages link libpq too; libxslt depends on libxml2. Only these are listed: the tables hold no
 * Alpine dependency index.
 */
const ALPINE_BRINGS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(postgresql-libs|libecpg|postgresql\d*-client)$/, ["libpq"]],
  [/^libxslt$/, ["libxml2"]],
];

/** The runtime libraries `name` brings on Alpine besides itself ([] when none is known). */
export function alpineLibrariesBrought(name: string): readonly string[] {
  return ALPINE_BRINGS.find(([pattern]) => pattern.test(name))?.[1] ?? [];
}
