// The rules, in the order the plan tries them (DESIGN §4: base variant, requirements first, pip cache /
// multistage, then the rest). A meta-test checks ids are unique, match file names, and have docs and tests.
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [];
