// The rules, in the order the plan tries them (DESIGN §4): first what breaks the build (correctness),
// then base variant, requirements first, multistage (with --no-cache-dir as its alternative), then the
// smaller fixes. A meta-test checks ids are unique, match file names, and have docs and tests.
import { aptLists } from "./apt-lists";
import { baseVariant } from "./base-variant";
import { cleanupSameLayer } from "./cleanup-same-layer";
import { distrolessFinal } from "./distroless-final";
import { dockerignore } from "./dockerignore";
import { multistage } from "./multistage";
import { pipenvMultistage } from "./pipenv-multistage";
import { poetryMultistage } from "./poetry-multistage";
import { uvMultistage } from "./uv-multistage";
import { mountPip } from "./mount-pip";
import { pipInstallOption } from "./pip-install-option";
import { pipNoCacheDir } from "./pip-no-cache-dir";
import { requirementsFirst } from "./requirements-first";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  pipInstallOption,
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
  pipNoCacheDir,
  cleanupSameLayer,
  aptLists,
  // An alternative final stage once the image is split with a venv (offered): after the size fixes that
  // change the stages' contents, so the size it shows is the last one's.
  distrolessFinal,
  dockerignore,
];
