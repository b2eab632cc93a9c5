// Projects PyPI has only as an sdist of C or C++ code: no Linux wheel of any version, so pip compiles them
// on every image. The wheel data cannot tell this (an sdist-only version may as well be pure Python, as
// docopt 0.6.2 is), and a project missing from it is weighed as a small pure package: without this list,
// full → slim dropped the compiler uWSGI's build needs (the review of real Dockerfiles, session 12), and
// full → alpine dropped the compiler and cairo's headers pycairo's needs (session 14).
// Each entry says what the sdist builds and what it needs, from the project's own install docs, in the
// package table's `buildNeeds` shape: the rules and the build check read both through `packageBuildNeeds`.
// A runtime library whose Debian name changes between releases (libldap-2.4-2, -2.5-0, libldap2) is not
// listed: the header package's own dependencies give it (rules/support/runtime-libs.ts).
import { findPythonPackage } from "./python-packages";
import type { BuildNeeds } from "./types";

interface SourceOnly {
  readonly why: string;
  readonly needs: BuildNeeds;
}

function needs(debian: readonly string[], alpine: readonly string[], debianRuntime: readonly string[] = [], alpineRuntime: readonly string[] = [], note = "sdist only on Linux: always compiles"): BuildNeeds {
  return { debian: ["build-essential", ...debian], alpine: ["build-base", ...alpine], debianRuntime, alpineRuntime, rust: false, note };
}

const NO_MUSLLINUX = "manylinux wheels only: compiles on Alpine";

const SOURCE_ONLY: Readonly<Record<string, SourceOnly>> = {
  // uWSGI's build includes the kernel's headers (linux/limits.h …), which Alpine's build-base lacks.
  uwsgi: { why: "uWSGI publishes only an sdist; pip builds its C server (uWSGI docs: install a C compiler and the Python headers first)", needs: needs([], ["linux-headers"]) },
  annoy: { why: "annoy publishes only an sdist of a C++ extension", needs: needs([], []) },
  pycrypto: { why: "pycrypto (unmaintained since 2013) publishes only an sdist of C extensions", needs: needs([], []) },
  hnswlib: { why: "hnswlib publishes only an sdist of a C++ extension (built with pybind11)", needs: needs([], []) },
  pycairo: {
    why: "pycairo publishes no Linux wheel (an sdist and Windows wheels only); pip builds it against cairo (pycairo's docs: a C compiler, pkg-config and cairo's headers)",
    needs: needs(["pkg-config", "libcairo2-dev"], ["pkgconf", "cairo-dev"], ["libcairo2"], ["cairo"]),
  },
  // psycopg[c]: the C implementation, which psycopg's docs call the "local installation".
  "psycopg-c": {
    why: "psycopg-c (psycopg[c]) publishes only an sdist; it builds against libpq (psycopg's docs, local installation: a C compiler, the Python and libpq headers, pg_config)",
    needs: needs(["libpq-dev"], ["postgresql-dev (libpq-dev on Alpine >= 3.17)"], ["libpq5"], ["libpq"]),
  },
  pygobject: {
    why: "PyGObject publishes only an sdist; it builds against GObject Introspection and cairo (its docs: pkg-config, libgirepository and cairo's headers)",
    needs: needs(["pkg-config", "libcairo2-dev", "libgirepository1.0-dev"], ["pkgconf", "cairo-dev", "gobject-introspection-dev"], ["libcairo2", "libgirepository-1.0-1"], ["cairo", "gobject-introspection"]),
  },
  "python-ldap": {
    why: "python-ldap publishes only an sdist; it builds against OpenLDAP and Cyrus SASL (its docs, build prerequisites: libldap2-dev and libsasl2-dev on Debian, openldap-dev on Alpine)",
    needs: needs(["libldap2-dev", "libsasl2-dev"], ["openldap-dev"]),
  },
  "dbus-python": {
    why: "dbus-python publishes only an sdist; it builds against libdbus and GLib (its README: pkg-config, dbus-1 and glib-2.0 development files)",
    needs: needs(["pkg-config", "libdbus-1-dev", "libglib2.0-dev"], ["pkgconf", "dbus-dev", "glib-dev"], ["libdbus-1-3"], ["dbus-libs"]),
  },
  // mod_wsgi compiles an Apache module with apxs (apache2-dev) and mod_wsgi-express starts Apache's httpd:
  // Apache itself is needed where it runs, not only a library.
  "mod-wsgi": {
    why: "mod_wsgi publishes only an sdist; pip builds an Apache module against Apache's headers and apxs (mod_wsgi's docs: install apache2-dev, and Apache to run it)",
    needs: needs(["apache2-dev"], ["apache2-dev"], ["apache2"], ["apache2"]),
  },
  pylibmc: {
    why: "pylibmc publishes only an sdist; it builds against libmemcached (pylibmc's docs: libmemcached's headers and zlib)",
    needs: needs(["libmemcached-dev", "zlib1g-dev"], ["libmemcached-dev", "zlib-dev"], [], ["libmemcached-libs"]),
  },
  // The Kerberos bindings run krb5-config at build time (libkrb5-dev on Debian, krb5-dev on Alpine).
  gssapi: {
    why: "python-gssapi publishes no Linux wheel (Windows and macOS only); pip builds it against MIT Kerberos (its docs: krb5-config from libkrb5-dev, a C compiler)",
    needs: needs(["libkrb5-dev"], ["krb5-dev"], [], ["krb5-libs"]),
  },
  krb5: {
    why: "pykrb5 (krb5) publishes no Linux wheel; pip builds it against MIT Kerberos (krb5-config from libkrb5-dev, a C compiler)",
    needs: needs(["libkrb5-dev"], ["krb5-dev"], [], ["krb5-libs"]),
  },
  pykerberos: {
    why: "pykerberos publishes only an sdist; it builds against MIT Kerberos (krb5-config from libkrb5-dev, a C compiler)",
    needs: needs(["libkrb5-dev"], ["krb5-dev"], [], ["krb5-libs"]),
  },
  sasl: {
    why: "sasl publishes only an sdist of a C++ extension over Cyrus SASL (libsasl2-dev on Debian, cyrus-sasl-dev on Alpine)",
    needs: needs(["libsasl2-dev"], ["cyrus-sasl-dev"], [], ["libsasl"]),
  },
  netifaces: {
    why: "netifaces (unmaintained since 2021) publishes Linux wheels for no Python: pip compiles its C extension",
    needs: needs([], []),
  },
  pyaudio: {
    why: "PyAudio publishes no Linux wheel; pip builds it against PortAudio (its docs: portaudio19-dev on Debian)",
    needs: needs(["portaudio19-dev"], ["portaudio-dev"], [], ["portaudio"]),
  },
  // evdev's build reads the kernel's input headers (linux-libc-dev on Debian, a dependency of libc6-dev).
  evdev: {
    why: "python-evdev publishes only an sdist; its C extension is built against the kernel's input headers (linux/input.h)",
    needs: needs([], ["linux-headers"]),
  },
  // The Raspberry Pi GPIO and SPI bindings: piwheels builds armv7 wheels of them for Raspberry Pi OS, PyPI
  // has none (reports of `command 'gcc' failed` on slim: octoprint-docker#33, mqtt-io#355). spidev includes
  // the kernel's linux/spi/spidev.h (linux-libc-dev on Debian, with libc6-dev; linux-headers on Alpine).
  "rpi-gpio": {
    why: "RPi.GPIO publishes only an sdist on PyPI (piwheels' armv7 wheels are for Raspberry Pi OS); pip compiles its C extension",
    needs: needs([], []),
  },
  spidev: {
    why: "spidev publishes only an sdist; its C extension is built against the kernel's SPI header (linux/spi/spidev.h)",
    needs: needs([], ["linux-headers"]),
  },
  // GDAL's Python bindings build against the system's libgdal of the same version (gdal-config).
  gdal: {
    why: "GDAL's Python bindings publish only an sdist, built against the system's GDAL of the same version (GDAL's docs: libgdal-dev, then pip install GDAL==$(gdal-config --version))",
    needs: needs(["libgdal-dev"], ["gdal-dev"], [], ["gdal"]),
  },
};

/**
 * What building these from source needs where no package row says: projects that publish manylinux wheels
 * but no musllinux ones, so that Alpine (or a Python their wheels predate) compiles them against system
 * libraries. Without an entry, build-deps added build-base alone and the build stopped at `gdal-config` or
 * `nc-config` (the review of real geo/scientific Dockerfiles, session 15).
 */
const COMPILED_ELSEWHERE: Readonly<Record<string, BuildNeeds>> = {
  // The manylinux wheels bundle GDAL; a source build links the system's (rasterio's and Fiona's install
  // docs: GDAL's headers and gdal-config first).
  rasterio: needs(["libgdal-dev"], ["gdal-dev"], [], ["gdal"], NO_MUSLLINUX),
  fiona: needs(["libgdal-dev"], ["gdal-dev"], [], ["gdal"], NO_MUSLLINUX),
  pyogrio: needs(["libgdal-dev"], ["gdal-dev"], [], ["gdal"], NO_MUSLLINUX),
  // netCDF4-python builds against netCDF-C and HDF5 (its README: nc-config, or the libraries' headers).
  netcdf4: needs(["libnetcdf-dev", "libhdf5-dev"], ["netcdf-dev", "hdf5-dev"], [], ["netcdf", "hdf5"], NO_MUSLLINUX),
};

/** Why `name` (PEP 503) always compiles from its sdist, or null. */
export function sourceOnlyCompiled(name: string): string | null {
  return SOURCE_ONLY[name]?.why ?? null;
}

/** What building `name` from source needs, and what it loads afterwards: the package table's row, else the
 *  lists above; null when none knows. */
export function packageBuildNeeds(name: string): BuildNeeds | null {
  return findPythonPackage(name)?.buildNeeds ?? SOURCE_ONLY[name]?.needs ?? COMPILED_ELSEWHERE[name] ?? null;
}
