// Test helpers shared by this folder's tests (not part of the public API): the fields a requirement test
// asserts, with the defaults of a plain named requirement on line 1, so each table row states only what
// differs while the assertion still compares every field exactly.
import type { Requirement } from "./model";

export type RequirementView = Pick<
  Requirement,
  "name" | "extras" | "specifier" | "pinnedVersion" | "marker" | "markerApplies" | "kind" | "url" | "editable" | "hashes" | "line" | "column"
>;

export function view(requirement: Requirement): RequirementView {
  const { name, extras, specifier, pinnedVersion, marker, markerApplies, kind, url, editable, hashes, line, column } = requirement;
  return { name, extras, specifier, pinnedVersion, marker, markerApplies, kind, url, editable, hashes, line, column };
}

export function expected(fields: Partial<RequirementView> & Pick<RequirementView, "name">): RequirementView {
  return {
    extras: [],
    specifier: "",
    pinnedVersion: null,
    marker: null,
    markerApplies: true,
    kind: "named",
    url: null,
    editable: false,
    hashes: [],
    line: 1,
    column: 1,
    ...fields,
  };
}
