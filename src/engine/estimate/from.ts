// FROM in the size model: a table row for an image (nearest known tag when the exact one is missing,
// flagged), or the layers and state of an earlier stage.
import { imagePythonPackages } from "../knowledge/image-python-packages";
import { systemSite } from "./python-install";
import type { InstructionNode } from "../dockerfile/model";
import { debianTagRelease, distroOfTag, findBaseImage, imageDefaultUser, isOfficialPython, muslMinorOfAlpine, parseImageRef, parsePythonTag, pythonTagSuite, uvImage, type ImageRef } from "../knowledge";
import type { BaseImageRow, SourceRef } from "../knowledge/types";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext } from "./context";
import { baseExecutables } from "../verify/executables";
import { seedDebianBase } from "./debian-install";
import type { FsEntry } from "./stage-fs";
import { addExecutables, forkStage, markSystemUnknown, newStage, type StageState } from "./stage-state";
import { uvBinaryEntries } from "./uv-image";

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The stage's muslMinor field for the Alpine branch its tag names (or its row's), where that branch's pip
 *  predates musllinux wheels; nothing otherwise. */
function muslMinorField(tagBranch: string | null, rowBranch: string | null): { muslMinor?: number } {
  const minor = muslMinorOfAlpine(tagBranch ?? rowBranch);
  return minor === undefined ? {} : { muslMinor: minor };
}

/** Python that a distro's `python3` package provides, for non-python base images. */
const DISTRO_PYTHON: Record<string, string> = { trixie: "3.13", bookworm: "3.11", bullseye: "3.9", buster: "3.7", noble: "3.12", jammy: "3.10", focal: "3.8" };

export function baseSource(row: BaseImageRow): SourceRef {
  return {
    table: "base-images",
    key: row.key,
    source: row.sources.join(" ; "),
    date: row.date,
    ...(row.diskDerived ? { note: `on-disk size derived from the compressed size × ${row.diskRatio ?? "?"} (no published on-disk figure)` } : {}),
    ...(row.diskBasis !== null ? { note: `on-disk size: ${row.diskBasis}` } : {}),
  };
}

export function startStage(ctx: EstimateContext, node: InstructionNode, index: number): StageState {
  const from = node.from;
  const line = node.range.startLine;
  const name = from?.stageName ?? null;
  const parent = from?.baseStage === null || from?.baseStage === undefined ? undefined : ctx.stages[from.baseStage];
  if (parent !== undefined) return forkStage(parent, index, name);

  const image = from?.image ?? null;
  const label = image ?? from?.rawImage ?? "?";
  if (image === "scratch") {
    return newStage({ index, name, base: null, baseLabel: "scratch", libc: null, pythonMinor: null, distro: null, family: null, fullPythonImage: false, hasCompiler: false }, new Map(), new Map(), ctx.fsBudget);
  }
  const ref = image === null ? null : parseImageRef(image);
  const uv = ref === null ? null : uvImage(ref);
  if (uv !== null && uv.binDir === "/") {
    // uv's bare image: scratch with the two binaries (a stage the guide's `COPY --from=uv /uv /bin/` reads).
    const stage = newStage({ index, name, base: null, baseLabel: label, libc: null, pythonMinor: null, distro: null, family: null, fullPythonImage: false, hasCompiler: false }, new Map(), new Map(), ctx.fsBudget);
    stage.fs.startLayer({ line, instruction: `FROM ${label}`, stageIndex: index, invalidatedBySource: false, installsPackages: false });
    addUvBinaries(ctx, stage, uvBinaryEntries(ctx, uv, line), label);
    return stage;
  }
  const match = ref === null ? null : findBaseImage(ref);
  const row = match?.row ?? null;
  if (match?.assumption != null) ctx.assume(`base-image:${line}`, match.assumption, line);
  // A python tag that names its Debian release (`3.11-slim-bullseye`) decides which apt the stage runs,
  // even when another release's row stands in for its sizes; one that names none was last built on the
  // release of its day (`3.10.13-slim`: bookworm, knowledge/python-suites.ts).
  const pythonTag = row?.image === "python" && row.family === "debian" && ref !== null && isOfficialPython(ref) ? parsePythonTag(ref.tag) : null;
  const tagSuite = pythonTag === null ? null : pythonTagSuite(pythonTag);
  if (pythonTag !== null && pythonTag.suite === null && tagSuite !== null && row !== null && tagSuite !== row.distro) {
    ctx.assume(`base-suite:${line}`, `${label} names no Debian release: it was last built on ${tagSuite} (the python images' default when its ${pythonTag.version?.patch == null ? "last release" : "next patch release"} came out), so its apt installs read ${tagSuite}; the sizes are ${row.ref}'s (${row.distro ?? "?"})`, line);
  }
  // An image the tables lack whose tag names its distribution: apt reads that release, python3 is its own.
  const named = row === null && ref !== null ? distroOfTag(ref.tag) : null;
  // One whose tag says Alpine (`osgeo/gdal:alpine-small-3.1.0`): musl, so pip takes musllinux wheels.
  const alpineTag = row === null && named === null && ref !== null && /(^|[-_.])alpine/i.test(ref.tag ?? "");
  // debian:buster-slim weighed as bullseye-slim (the table has no buster) still runs buster's python3 (3.7)
  // and apt: a pin of pip for bullseye's 3.9 would not install there.
  const ownRelease = row?.image === "debian" && row.variant === "os" && match?.exact === false && ref !== null ? debianTagRelease(ref.tag) : null;
  const distro = ownRelease ?? row?.distro ?? named?.distro ?? null;
  // python:3.5-slim weighed as python:3.6-slim (the table has no 3.5) still runs 3.5: pip, its wheels and
  // /usr/local/lib/python3.5 are the tag's. A tag that names no minor (`3-slim`) is the row's.
  const pythonMinor = officialTagMinor(ref, row) ?? row?.python?.match(/^(\d+\.\d+)/)?.[1] ?? (distro === null ? null : (DISTRO_PYTHON[distro] ?? null));
  const stage = newStage(
    {
      index,
      name,
      base: row,
      baseLabel: row?.ref ?? label,
      libc: row?.libc ?? (named !== null ? "glibc" : alpineTag ? "musl" : null),
      pythonMinor,
      distro: row?.family === "debian" && tagSuite !== null ? tagSuite : distro,
      family: row?.family ?? named?.family ?? (alpineTag ? "alpine" : null),
      fullPythonImage: row?.image === "python" && row.variant === "full",
      hasCompiler: row?.hasCompiler ?? false,
      // The Alpine branch the tag names (python:3.9.0-alpine3.12), else the row's: an old one's pip takes no musllinux wheel.
      ...muslMinorField(row?.image === "python" && ref !== null ? (parsePythonTag(ref.tag)?.alpineVersion ?? null) : null, row?.family === "alpine" ? row.distro : null),
    },
    new Map([["PATH", DEFAULT_PATH]]),
    new Map((baseExecutables(row) ?? []).map((name) => [name, `the base image ${row?.ref ?? label}`])),
    ctx.fsBudget,
  );
  seedDebianBase(stage);
  // distroless's python3 images are exactly their package list: what they lack is known too.
  for (const name of row?.debianPackages ?? []) stage.debInstalled.add(name);
  // An image that ends with USER nonroot (Chainguard's, distroless :nonroot, Bitnami's …): its RUNs are that
  // user's, so `pip install --user` writes under /home/nonroot/.local, not /root/.local.
  if (image !== null) stage.user = imageDefaultUser(image);
  // An image the tables do not know, a distroless one, or another repository's row standing in for it:
  // what it holds is unknown to the build check. uv's images built on python, debian or alpine are that
  // image plus uv and uvx (added below), so the row's contents hold: without them the build check and the
  // managed-Python note said nothing on `uv:bookworm-slim`, whose uv sync downloads a CPython.
  const uvOnRow = uv !== null && uv.binDir === "/usr/local/bin" && row !== null;
  const sameRepository = row !== null && ref !== null && (uvOnRow || ref.repository === row.image || ref.repository.endsWith(`/${row.image}`) || `${ref.registry ?? ""}/${ref.repository}` === `/${row.image}` || (ref.registry !== null && `${ref.registry}/${ref.repository}` === row.image));
  if (baseExecutables(row) === null || !sameRepository) markSystemUnknown(stage, line);
  stage.fs.startLayer({ line, instruction: `FROM ${label}`, stageIndex: index, invalidatedBySource: false, installsPackages: false });
  // A framework image already holds its framework where pip installs (the Python on PATH, weighed as the
  // system site here): installing it again keeps it, as pip does.
  const shipped = row === null && ref !== null ? imagePythonPackages(ref.registry === null ? ref.repository : `${ref.registry}/${ref.repository}`, ref.tag) : null;
  if (shipped !== null) {
    stage.pythonInstalled.set(systemSite(stage), new Set(shipped.packages));
    ctx.assume(`image-python-packages:${line}`, `${label}: ${shipped.why}. pip keeps them ("Requirement already satisfied"), so installing them again adds nothing here; their size is the image's.`, line);
  }
  if (row === null || row.diskBytes === null) {
    ctx.assumeEach(ASSUMPTIONS.unknownBase.id, [label], unknownBaseText, line);
    ctx.warn("unknown-base-image", `The size of ${label} is not known: the total leaves it out.`, line);
    if (named !== null) ctx.assume(`base-distro:${line}`, `${label} is not in the base-image tables; its tag names ${named.family === "ubuntu" ? "Ubuntu" : "Debian"} ${named.distro}, so its apt installs are weighed from that release's packages over its bare OS image, and a python3 from apt is ${DISTRO_PYTHON[named.distro] ?? "that release's"}`, line);
    return stage;
  }
  stage.fs.add({
    path: "/", bytes: row.diskBytes, category: "base", label: row.ref, sources: [baseSource(row)],
    pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [],
  });
  if (uv !== null) addUvBinaries(ctx, stage, uvBinaryEntries(ctx, uv, line), label);
  return stage;
}

/** The Python minor an official python tag names (`3.5-slim` → 3.5, `2-slim` → 2.7), whatever row stands in
 *  for it; null for another image or a tag that names no minor. */
function officialTagMinor(ref: ImageRef | null, row: BaseImageRow | null): string | null {
  if (ref === null || row?.image !== "python" || !isOfficialPython(ref)) return null;
  const version = parsePythonTag(ref.tag)?.version ?? null;
  return version === null || version.minor === null ? null : `${version.major}.${version.minor}`;
}

/** The unknown-base assumption's text, naming every stage's unknown image (not only the first stage's). */
function unknownBaseText(listed: string): string {
  return `${listed}: ${ASSUMPTIONS.unknownBase.text}`;
}

function addUvBinaries(ctx: EstimateContext, stage: StageState, entries: readonly FsEntry[], label: string): void {
  for (const e of entries) stage.fs.add(e);
  addExecutables(stage, ["uv", "uvx"], `the base image ${label}`);
}
