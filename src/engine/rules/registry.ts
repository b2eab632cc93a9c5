// The rules, in the order the plan tries them (DESIGN §4): first what breaks the build (correctness),
// then base variant, requirements first, multistage (with --no-cache-dir as its alternative), then the
// smaller fixes. A meta-test checks ids are unique, match file names, and have docs and tests.
//
// The issue-10 rules come after the seed path (base → requirements-first → multistage), so the seed's
// steps stay first and each later rule sees the stage layout they made:
// - apt-one-layer before apt-lists: merging a split update into the install adds the list cleanup too,
//   where apt-lists alone cannot fix a split (a later install needs the lists);
// - apt-no-install-recommends and apk-no-cache: per-command flags, on whatever RUNs the final stage kept;
// - purge-build-deps after multistage: a builder stage leaves compilers behind better, so it only fires
//   where the user kept one stage;
// - eol-base before pip-self-upgrade: it moves the base to another Python, and the pin pip-self-upgrade
//   writes is the last pip for the Python of the text it rewrites (24.3.1 on 3.8). Applied after the pin,
//   the move left corpus 071 on python:3.11 with 3.8's pip; before it, the pin is read on the new Python;
// - eol-base and pip-self-upgrade before cleanup-same-layer and the apt rules: a removed upgrade RUN can
//   leave a later delete with one layer to fold into (see at pipSelfUpgrade below);
// - the package swaps (torch-cpu, opencv-headless), which change what is installed and are suggestions;
// - non-root-user last among the Dockerfile rewrites: it changes the user, the rewrite most likely to need
//   the user's review;
// - dockerignore last: it edits another file and never interacts with the others.
import { apkNoCache } from "./apk-no-cache";
import { aptLists } from "./apt-lists";
import { aptNoInstallRecommends } from "./apt-no-install-recommends";
import { aptOneLayer } from "./apt-one-layer";
import { baseVariant } from "./base-variant";
import { cleanupSameLayer } from "./cleanup-same-layer";
import { distrolessFinal } from "./distroless-final";
import { dockerignore } from "./dockerignore";
import { eolBase } from "./eol-base";
import { multistage } from "./multistage";
import { mountApt } from "./mount-apt";
import { mountPip } from "./mount-pip";
import { nonRootUser } from "./non-root-user";
import { opencvHeadless } from "./opencv-headless";
import { pipenvMultistage } from "./pipenv-multistage";
import { poetryMultistage } from "./poetry-multistage";
import { uvMultistage } from "./uv-multistage";
import { pipInstallOption } from "./pip-install-option";
import { pipNoCacheDir } from "./pip-no-cache-dir";
import { buildDeps } from "./build-deps";
import { externallyManaged } from "./externally-managed";
import { poetryExport } from "./poetry-export";
import { poetryNoDev } from "./poetry-no-dev";
import { keepRuntimeLibrary } from "./keep-runtime-library";
import { pipSelfUpgrade } from "./pip-self-upgrade";
import { purgeBuildDeps } from "./purge-build-deps";
import { requirementsFirst } from "./requirements-first";
import { guardRewrites } from "./support/safe-rewrites";
import { torchCpu } from "./torch-cpu";
import { wheelsBindMount } from "./wheels-bind-mount";
import type { Rule } from "./types";

// Each rule offers only the rewrites that land as meant: within the engine's limits, not inside a heredoc
// that is never closed (support/safe-rewrites.ts).
export const RULES: readonly Rule[] = [
  pipInstallOption,
  // Fixes for an image that does not build, or builds and then fails at import: before the size steps,
  // which measure it (and size/multistage then moves the build dependencies into a builder).
  buildDeps,
  externallyManaged,
  poetryExport,
  poetryNoDev,
  keepRuntimeLibrary,
  // The seed path: base variant, requirements first, multistage.
  baseVariant,
  requirementsFirst,
  multistage,
  // The same split for the tools that manage their own environment, which size/multistage leaves alone:
  // right after it, as the third step of the seed path for those projects (offered: they drop dev groups).
  uvMultistage,
  poetryMultistage,
  pipenvMultistage,
  // After the split, so the builder's installs get the mount too; before pip-no-cache-dir, which it
  // replaces when taken (offered: it needs BuildKit) and which adds --no-cache-dir when it is not.
  mountPip,
  // apt's mounts, offered likewise: before apt-one-layer and apt-lists, whose list cleanup it makes
  // pointless when taken (the lists are in the mount) and which add it when it is not.
  mountApt,
  pipNoCacheDir,
  // The builder-wheels pattern's own COPY (offered: it needs BuildKit), beside the other pip size fixes.
  wheelsBindMount,
  // Before the pip pin (see above): offered, so the pin is 3.8's until the user takes the move, and then 3.11's.
  eolBase,
  // Before cleanup-same-layer: removing the upgrade's RUN can leave a later delete (`find / -name '*.pyc'
  // -delete`) with a single layer to fold into; after it, planning the result again found that fold
  // (fuzz seed 100 case 37786, not idempotent).
  pipSelfUpgrade,
  cleanupSameLayer,
  aptOneLayer,
  aptLists,
  aptNoInstallRecommends,
  apkNoCache,
  purgeBuildDeps,
  torchCpu,
  opencvHeadless,
  // Offered, never applied by default (it changes who the app runs as).
  nonRootUser,
  // An alternative final stage once the image is split with a venv (offered): after the size fixes that
  // change the stages' contents, so the size it shows is the last one's.
  distrolessFinal,
  dockerignore,
].map(guardRewrites);
