// The rules, in the order the plan tries them (DESIGN §4): first what breaks the build (correctness),
// then base variant, requirements first, multistage (with --no-cache-dir as its alternative), then the
// smaller fixes. A meta-test checks ids are unique, match file names, and have docs and tests.
import { aptLists } from "./apt-lists";
import { baseVariant } from "./base-variant";
import { cleanupSameLayer } from "./cleanup-same-layer";
import { dockerignore } from "./dockerignore";
import { multistage } from "./multistage";
import { pipInstallOption } from "./pip-install-option";
import { pipNoCacheDir } from "./pip-no-cache-dir";
import { requirementsFirst } from "./requirements-first";
import { guardRewrites } from "./support/safe-rewrites";
import type { Rule } from "./types";

// Each rule offers only the rewrites that land as meant: within the engine's limits, not inside a heredoc
// that is never closed (support/safe-rewrites.ts).
export const RULES: readonly Rule[] = [pipInstallOption, baseVariant, requirementsFirst, multistage, pipNoCacheDir, cleanupSameLayer, aptLists, dockerignore].map(guardRewrites);
