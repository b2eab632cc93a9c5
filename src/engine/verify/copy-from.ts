// `COPY --from=<stage> <path>`: the stage must exist, must not be the stage the COPY is in, and must have
// made the path. Said only when the
// source stage is fully known (an unmodelled RUN may have made anything) and the path cannot come from
// its base image.
import type { DockerfileModel, InstructionNode } from "../dockerfile/model";
import { expandWord } from "../dockerfile/unquote";
import { stageNamed, type EstimateContext } from "../estimate/context";
import { hasGlob, resolvePath } from "../estimate/paths";
import type { StageState } from "../estimate/stage-state";
import { findBaseImage, parseImageRef } from "../knowledge";
import type { Report } from "./build-check";
import { mayExistForCopy } from "./files";

/** Docker Hub official images often copied from (`COPY --from=busybox …`): a bare name that is one of them,
 *  or any image the base-image table knows, is an image reference, not a misspelt stage. */
const OFFICIAL_IMAGES = new Set([
  "alpine", "busybox", "debian", "ubuntu", "python", "node", "golang", "rust", "nginx", "postgres", "redis", "mysql",
  "mariadb", "httpd", "caddy", "traefik", "docker", "tini", "gcc", "openjdk", "eclipse-temurin", "amazonlinux", "fedora", "centos", "scratch",
]);

export function checkCopyFrom(ctx: EstimateContext, model: DockerfileModel, stage: StageState, node: InstructionNode, report: Report): void {
  const copy = node.copy;
  if (copy?.from == null) return;
  const from = expandWord(copy.from, ctx.escapeChar, stage.vars);
  if (from.includes("$") || from === "") return;
  const at = { line: node.range.startLine, column: node.range.startColumn, stage: stage.index };
  const source = stageNamed(ctx, from);
  if (source === undefined) {
    if (/^\d+$/.test(from)) {
      report(at, "copy-from-unknown-stage", "error", from, `COPY --from=${from}: there is no stage ${from} before this line (stages count from 0).`);
      return;
    }
    // An image reference (registry, tag, digest, or a known image), or a stage named later in the file.
    if (/[/:.@]/.test(from) || OFFICIAL_IMAGES.has(from.toLowerCase()) || knownImage(from)) return;
    if (model.stages.some((s) => s.name?.toLowerCase() === from.toLowerCase())) return;
    // A warning, not an error: `docker buildx build --build-context NAME=…` supplies named contexts.
    report(at, "copy-from-unknown-stage", "warning", from, `COPY --from=${from}: no stage is named ${from}, and it is not a known image: unless the build passes --build-context ${from}=…, Docker tries to pull an image called ${from}.`);
    return;
  }
  if (source === stage) {
    // BuildKit refuses the whole file before building anything ("circular dependency detected on stage");
    // the estimate counts nothing for it (copy-from-self), so its paths are not checked either.
    report(at, "copy-from-self", "error", from, `COPY --from=${from} copies from the stage it is in: BuildKit refuses the file (a circular dependency). Copy from an earlier stage, or use the path in place.`);
    return;
  }
  if (source.unmodelledAt !== null) return;
  const label = source.name ?? String(source.index);
  const dest = resolvePath(stage.workdir, expandWord(copy.destination ?? ".", ctx.escapeChar, stage.vars));
  for (const raw of copy.sources) {
    const value = expandWord(raw, ctx.escapeChar, stage.vars);
    if (value.includes("$") || hasGlob(value)) continue;
    const path = resolvePath(source.workdir, value);
    if (source.distroPrefixes.has(path) && dest === "/usr/local") {
      report(at, "prefix-layout-lost", "error", `${label}:${path}`, `Stage ${label} runs pip with the distribution's python3, which puts --prefix=${path} packages under ${path}/local/lib/python3.X/dist-packages: copied to /usr/local they land in /usr/local/local/…, where Python does not look, and imports fail.`);
    }
    if (mayExistForCopy(source, path)) continue;
    // The subject names the path without its Python minor: a rewrite that moves the file to another Python
    // (eol-base, which moves the paths with the tag) leaves a path missing before still missing, not new.
    report(at, "copy-from-missing-path", "error", `${label}:${path.replace(/python\d+\.\d+/g, "pythonX.Y")}`, `COPY --from=${label} ${raw}: stage ${label} never makes ${path}, so the COPY fails.`);
  }
}

function knownImage(name: string): boolean {
  const ref = parseImageRef(name);
  return ref !== null && findBaseImage(ref)?.row.image === ref.repository;
}
