import { describe, expect, it } from "vitest";
import { markerEnvironment } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { expected, view } from "./test-support";

function parse(text: string) {
  return parseRequirementsFile("requirements.txt", text, markerEnvironment("3.12"));
}

const WHEEL = "https://files.example.com/packages/foo_bar-2.0-py3-none-any.whl";

describe("direct references, URLs, VCS and paths", () => {
  it.each([
    {
      name: "name @ archive URL",
      text: "pkg @ https://example.com/pkg-1.0.tar.gz",
      want: expected({ name: "pkg", kind: "url", url: "https://example.com/pkg-1.0.tar.gz", pinnedVersion: "1.0" }),
    },
    {
      name: "name @ VCS URL with extras and marker",
      text: 'Pkg[Extra] @ git+https://github.com/o/pkg.git@v1.2 ; python_version >= "3.8"',
      want: expected({ name: "pkg", extras: ["extra"], kind: "vcs", url: "git+https://github.com/o/pkg.git@v1.2", marker: 'python_version >= "3.8"' }),
    },
    {
      name: "name@URL without spaces",
      text: "pkg@https://example.com/archive.zip",
      want: expected({ name: "pkg", kind: "url", url: "https://example.com/archive.zip" }),
    },
    {
      name: "name @ file URL is a path",
      text: "local @ file:///opt/src/local",
      want: expected({ name: "local", kind: "path", url: "file:///opt/src/local" }),
    },
    {
      name: "VCS URL with egg",
      text: "git+https://github.com/x/y.git@v1#egg=y",
      want: expected({ name: "y", kind: "vcs", url: "git+https://github.com/x/y.git@v1#egg=y" }),
    },
    {
      name: "VCS over ssh, egg normalised",
      text: "git+ssh://git@github.com/x/y.git#egg=Y_pkg&subdirectory=src",
      want: expected({ name: "y-pkg", kind: "vcs", url: "git+ssh://git@github.com/x/y.git#egg=Y_pkg&subdirectory=src" }),
    },
    {
      name: "VCS without egg names nothing",
      text: "git+https://github.com/x/y.git@main",
      want: expected({ name: null, kind: "vcs", url: "git+https://github.com/x/y.git@main" }),
    },
    {
      name: "wheel URL",
      text: WHEEL,
      want: expected({ name: "foo-bar", kind: "url", url: WHEEL, pinnedVersion: "2.0" }),
    },
    {
      name: "percent-encoded wheel URL",
      text: "https://download.pytorch.org/whl/cpu/torch-2.1.0%2Bcpu-cp312-cp312-linux_x86_64.whl",
      want: expected({
        name: "torch",
        kind: "url",
        url: "https://download.pytorch.org/whl/cpu/torch-2.1.0%2Bcpu-cp312-cp312-linux_x86_64.whl",
        pinnedVersion: "2.1.0+cpu",
      }),
    },
    {
      name: "sdist URL with a hyphenated name",
      text: "https://example.com/python-dateutil-2.8.2.tar.gz",
      want: expected({ name: "python-dateutil", kind: "url", url: "https://example.com/python-dateutil-2.8.2.tar.gz", pinnedVersion: "2.8.2" }),
    },
    {
      name: "archive without a name",
      text: "https://github.com/o/r/archive/master.zip",
      want: expected({ name: null, kind: "url", url: "https://github.com/o/r/archive/master.zip" }),
    },
    {
      name: "archive with egg",
      text: "https://github.com/o/r/archive/master.zip#egg=thing",
      want: expected({ name: "thing", kind: "url", url: "https://github.com/o/r/archive/master.zip#egg=thing" }),
    },
    {
      name: "URL hash fragment is not a comment",
      text: `${WHEEL}#sha256=abc123`,
      want: expected({ name: "foo-bar", kind: "url", url: `${WHEEL}#sha256=abc123`, pinnedVersion: "2.0" }),
    },
    {
      name: "URL marker needs '; '",
      text: `${WHEEL}; sys_platform == "linux"`,
      want: expected({ name: "foo-bar", kind: "url", url: WHEEL, pinnedVersion: "2.0", marker: 'sys_platform == "linux"' }),
    },
    {
      name: "environment variable kept verbatim",
      text: "git+https://${GITHUB_TOKEN}@github.com/o/p.git#egg=p",
      want: expected({ name: "p", kind: "vcs", url: "git+https://${GITHUB_TOKEN}@github.com/o/p.git#egg=p" }),
    },
    { name: "relative directory", text: "./pkg", want: expected({ name: null, kind: "path", url: "./pkg" }) },
    { name: "current directory", text: ".", want: expected({ name: null, kind: "path", url: "." }) },
    { name: "parent directory", text: "../x", want: expected({ name: null, kind: "path", url: "../x" }) },
    { name: "absolute directory", text: "/opt/deps/django-prometheus", want: expected({ name: null, kind: "path", url: "/opt/deps/django-prometheus" }) },
    { name: "file URL", text: "file:///opt/pkg", want: expected({ name: null, kind: "path", url: "file:///opt/pkg" }) },
    { name: "path with extras", text: "./pkg[dev, Test]", want: expected({ name: null, kind: "path", url: "./pkg", extras: ["dev", "test"] }) },
    {
      name: "local wheel",
      text: "./dist/foo-1.0-py3-none-any.whl",
      want: expected({ name: "foo", kind: "path", url: "./dist/foo-1.0-py3-none-any.whl", pinnedVersion: "1.0" }),
    },
    {
      name: "local sdist by file name only",
      text: "vendor-pkg-0.3.tar.gz",
      want: expected({ name: "vendor-pkg", kind: "path", url: "vendor-pkg-0.3.tar.gz", pinnedVersion: "0.3" }),
    },
    {
      name: "path with a marker",
      text: './pkg ; python_version < "3"',
      want: expected({ name: null, kind: "path", url: "./pkg", marker: 'python_version < "3"', markerApplies: false }),
    },
  ])("$name", ({ text, want }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements.map(view)).toEqual([want]);
  });

  it("warns about a wheel URL whose file name is not a wheel name", () => {
    const file = parse("https://example.com/not-a-wheel.whl");
    expect(file.diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([[1, 1, "warning", "requirements/invalid-file-name"]]);
    expect(file.requirements.map(view)).toEqual([expected({ name: null, kind: "url", url: "https://example.com/not-a-wheel.whl" })]);
  });
});

describe("editable requirements", () => {
  it.each([
    { name: "current directory", text: "-e .", want: expected({ name: null, kind: "path", url: ".", editable: true, column: 4 }) },
    {
      name: "path with extras",
      text: "-e ./pkg[dev,test]",
      want: expected({ name: null, kind: "path", url: "./pkg", extras: ["dev", "test"], editable: true, column: 4 }),
    },
    {
      name: "long form with =",
      text: "--editable=git+https://github.com/x/y.git@main#egg=y",
      want: expected({ name: "y", kind: "vcs", url: "git+https://github.com/x/y.git@main#egg=y", editable: true, column: 12 }),
    },
    {
      name: "attached short form",
      text: "-egit+https://github.com/x/y.git#egg=y",
      want: expected({ name: "y", kind: "vcs", url: "git+https://github.com/x/y.git#egg=y", editable: true, column: 3 }),
    },
    {
      name: "extras in the egg fragment",
      text: "-e git+https://github.com/ixc/d.git@master#egg=ixc-django-docker[celery,datadog]",
      want: expected({
        name: "ixc-django-docker",
        kind: "vcs",
        url: "git+https://github.com/ixc/d.git@master#egg=ixc-django-docker[celery,datadog]",
        extras: ["celery", "datadog"],
        editable: true,
        column: 4,
      }),
    },
    {
      name: "indented, with a hash",
      text: "  -e ./lib --hash=sha256:abcd",
      want: expected({ name: null, kind: "path", url: "./lib", editable: true, hashes: ["sha256:abcd"], column: 6 }),
    },
  ])("$name", ({ text, want }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements.map(view)).toEqual([want]);
  });

  it.each([
    { name: "a project name", text: "-e flask", requirements: 0, found: [1, 4, "error", "requirements/invalid-editable"] },
    { name: "a plain URL", text: "-e https://x/y.zip", requirements: 1, found: [1, 4, "warning", "requirements/invalid-editable"] },
    { name: "a VCS URL without egg", text: "-e git+https://x/y.git", requirements: 1, found: [1, 4, "warning", "requirements/unnamed-editable"] },
    { name: "no value", text: "-e", requirements: 0, found: [1, 1, "error", "requirements/missing-option-value"] },
  ])("reports -e with $name", ({ text, requirements, found }) => {
    const file = parse(text);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([found]);
    expect(file.requirements).toHaveLength(requirements);
  });
});
