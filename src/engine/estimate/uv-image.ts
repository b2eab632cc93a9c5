// The uv and uvx binaries of uv's own image (ghcr.io/astral-sh/uv), which uv's Docker guide copies into
// a python image (`COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /uvx /bin/`) or builds on
// (`FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim`). No table measures that image; uv's wheel on PyPI
// holds the same two binaries (and a small Python shim), so they are weighed as that wheel installed.
import type { UvImage } from "../knowledge";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext } from "./context";
import { assumptionSource, packageCost } from "./python-sizes";
import type { FsEntry } from "./stage-fs";

/** Entries holding an executable of that name (the uv binaries); a copy of one puts it on PATH. */
export const EXECUTABLE_GROUP = "executable";

/** The image's two binaries as entries under its bin directory: all the bytes on `uv`, none on the small
 *  `uvx` launcher (the uv-binary assumption). The assumption and the wheel row are cited on the entry. */
export function uvBinaryEntries(ctx: EstimateContext, image: UvImage, line: number): FsEntry[] {
  // uv's images ship its static musl build; the musllinux wheel holds the same build.
  const cost = packageCost("uv", {
    libc: "musl", compile: false, installer: "pip",
    platform: { python: "3.12", libc: "musl", arch: ctx.settings.arch, glibcMinor: null },
    specifier: image.version === null ? null : image.version.split(".").length === 3 ? `==${image.version}` : `==${image.version}.*`,
  });
  ctx.assume(ASSUMPTIONS.uvBinary.id, ASSUMPTIONS.uvBinary.text, line);
  const version = cost.facts?.version.version ?? cost.row?.version ?? null;
  const sources = [assumptionSource(ASSUMPTIONS.uvBinary.id, ASSUMPTIONS.uvBinary.text), ...cost.sources];
  const at = (name: string) => (image.binDir === "/" ? `/${name}` : `${image.binDir}/${name}`);
  const binary = (name: string, bytes: number, label: string): FsEntry => ({
    path: at(name), bytes, category: "python", label, sources, pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [EXECUTABLE_GROUP],
  });
  return [
    binary("uv", cost.unknown ? 0 : cost.installedBytes, version === null ? "uv binary" : `uv ${version} binary`),
    binary("uvx", 0, "uvx launcher (weighed with uv)"),
  ];
}
