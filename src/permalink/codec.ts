// State ⇄ URL fragment. `encodePermalink` writes `v<version>.<base64url(deflate-raw(JSON))>`;
// `decodePermalink` reads it back through every check a hostile link needs — length, alphabet, a capped
// inflate, JSON, the version's schema, migrations — and returns a typed error instead of throwing, with a
// message the page can show as is.
import { deflateSync, strFromU8, strToU8 } from "fflate";
import * as v from "valibot";
import type { Decision } from "../engine/plan/plan";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { inflateCapped } from "./inflate-capped";
import { migrate, UPGRADES, type Upgrade } from "./migrations";
import { WireCurrent } from "./schema";
import type { SharedState } from "./shared-state";

/** 2: project files (`p`); 3: wheel architecture (`a`) and package sizes (`z`). Older links open through
 *  migrations.ts. */
export const PERMALINK_VERSION = 3;
/** Decompressed JSON ceiling: room for a 1 MB Dockerfile plus requirements, far below what would hurt. */
export const MAX_DECOMPRESSED_BYTES = 2 * 1024 * 1024;
/** Fragment ceiling before any decoding: 2 MB of deflate is more than MAX_DECOMPRESSED_BYTES ever needs
 *  (text compresses), and Chromium refuses URLs past 2 MB anyway. */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;

export type PermalinkErrorKind = "too-large" | "not-base64" | "corrupt" | "not-json" | "version" | "invalid";

export type DecodeResult =
  | { readonly ok: true; readonly state: SharedState; readonly version: number }
  | { readonly ok: false; readonly kind: PermalinkErrorKind; readonly message: string };

/** True when the fragment looks like ours (so an unrelated `#anchor` is left alone). */
export function isPermalinkFragment(fragment: string): boolean {
  return /^#?v\d+\./.test(fragment);
}

export function encodePermalink(state: SharedState): string {
  const json = JSON.stringify(toWire(state));
  return `v${PERMALINK_VERSION}.${encodeBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Encode, refusing a state the decoder would refuse (too large, more files than a link holds), so Share
 *  never hands out a dead link. */
export function encodeShareable(state: SharedState): { ok: true; fragment: string } | { ok: false; message: string } {
  const wire = toWire(state);
  const bytes = strToU8(JSON.stringify(wire)).length;
  if (bytes > MAX_DECOMPRESSED_BYTES) {
    return { ok: false, message: `The texts are too large for a link (${(bytes / 1024 / 1024).toFixed(1)} MB; links hold up to ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB): use Download instead.` };
  }
  const valid = v.safeParse(WireCurrent, wire);
  if (!valid.success) {
    const issue = valid.issues[0];
    const where = issue === undefined ? "" : ` (${v.getDotPath(issue) ?? "payload"}: ${issue.message})`;
    return { ok: false, message: `A link cannot hold this project${where}: use Download instead.` };
  }
  const fragment = encodePermalink(state);
  if (fragment.length > MAX_FRAGMENT_CHARS) return { ok: false, message: "The texts are too large for a link: use Download instead." };
  return { ok: true, fragment };
}

/** Longest URL Chromium opens: url::kMaxURLChars, 2 MiB (chromium/src url/url_constants.cc); a longer
 *  one is not navigated to at all, whatever the page's own caps. */
export const MAX_URL_CHARS = 2 * 1024 * 1024;
/** Past this a link still works in a browser, but not everywhere it is pasted: RFC 9110 §4.1 asks only
 *  that URIs of 8000 octets be supported, and chat apps, mail clients and shorteners cut or refuse
 *  longer ones. */
export const LONG_LINK_CHARS = 8_000;

export type ShareLink =
  | { readonly ok: true; readonly url: string; /** Why the link, though it works, may not travel well. */ readonly warning: string | null }
  | { readonly ok: false; readonly message: string };

/** The shareable URL: the page's address with the state as its fragment (or why there is none).
 *  `location` is a parameter so tests need no browser. */
export function permalinkUrl(location: { readonly origin: string; readonly pathname: string; readonly search: string }, state: SharedState): ShareLink {
  const encoded = encodeShareable(state);
  if (!encoded.ok) return encoded;
  const url = `${location.origin}${location.pathname}${location.search}#${encoded.fragment}`;
  if (url.length > MAX_URL_CHARS) {
    return { ok: false, message: `The link would be ${url.length.toLocaleString("en")} characters, longer than browsers open (${MAX_URL_CHARS.toLocaleString("en")}): use Download instead.` };
  }
  const warning = url.length > LONG_LINK_CHARS
    ? `The link is long (${url.length.toLocaleString("en")} characters): it opens in a browser, but chat apps, mail and link shorteners often cut links past about ${LONG_LINK_CHARS.toLocaleString("en")} characters. If it arrives cut, use Download.`
    : null;
  return { ok: true, url, warning };
}

export function decodePermalink(fragment: string, upgrades: Readonly<Record<number, Upgrade>> = UPGRADES): DecodeResult {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (text.length > MAX_FRAGMENT_CHARS) return fail("too-large", `The link is longer than ${MAX_FRAGMENT_CHARS / 1024 / 1024} MB.`);
  const match = /^v(\d{1,6})\.(.*)$/s.exec(text);
  if (match === null) return fail("invalid", "This is not a Whaleweight link.");
  const version = Number(match[1]);
  if (version > PERMALINK_VERSION) return fail("version", `The link was made by a newer Whaleweight (link version ${version}, this page reads up to ${PERMALINK_VERSION}); reload to get the latest version.`);
  if (version < 1) return fail("version", `Link version ${version} does not exist.`);
  const bytes = decodeBase64Url(match[2] ?? "");
  if (bytes === null) return fail("not-base64", "The link is damaged: it contains characters a Whaleweight link never has (was it cut or re-wrapped?).");
  const inflated = inflateCapped(bytes, MAX_DECOMPRESSED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === "too-large"
      ? fail("too-large", `The link unpacks to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB, more than any Dockerfile needs; it was not opened.`)
      : fail("corrupt", "The link is damaged: its data is incomplete (was it cut short?).");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(inflated.bytes));
  } catch {
    return fail("not-json", "The link is damaged: its data is not readable.");
  }
  const migrated = migrate(payload, version, PERMALINK_VERSION, upgrades);
  if (!migrated.ok) return fail("version", `The link is too old to open: ${migrated.message}.`);
  const parsed = v.safeParse(WireCurrent, migrated.payload);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue === undefined ? "" : ` (${v.getDotPath(issue) ?? "payload"}: ${issue.message})`;
    return fail("invalid", `The link's contents are not valid${where}.`);
  }
  return { ok: true, state: fromWire(parsed.output), version };
}

function fail(kind: PermalinkErrorKind, message: string): DecodeResult {
  return { ok: false, kind, message };
}

export function toWire(state: SharedState): WireCurrent {
  const decisions = Object.entries(state.decisions);
  return {
    t: state.tablesVersion,
    d: state.dockerfile,
    ...(state.requirements.length === 0 ? {} : { r: state.requirements.map((f): [string, string] => [f.path, f.text]) }),
    ...(state.projectFiles.length === 0 ? {} : { p: state.projectFiles.map((f): [string, string] => [f.path, f.text]) }),
    ...(state.dockerignore === null ? {} : { i: state.dockerignore }),
    ...(decisions.length === 0 ? {} : { x: Object.fromEntries(decisions.map(([id, d]) => [id, encodeDecision(d)])) }),
    ...(state.selectedStep === null ? {} : { s: state.selectedStep }),
    ...(state.contextBytes === null ? {} : { c: state.contextBytes }),
    ...(state.arch === null ? {} : { a: state.arch }),
    ...(Object.keys(state.packageSizes).length === 0 ? {} : { z: { ...state.packageSizes } }),
  };
}

export function fromWire(wire: WireCurrent): SharedState {
  return {
    tablesVersion: wire.t,
    dockerfile: wire.d,
    requirements: (wire.r ?? []).map(([path, text]) => ({ path, text })),
    projectFiles: (wire.p ?? []).map(([path, text]) => ({ path, text })),
    dockerignore: wire.i ?? null,
    decisions: Object.fromEntries(Object.entries(wire.x ?? {}).map(([id, d]) => [id, decodeDecision(d)])),
    selectedStep: wire.s ?? null,
    contextBytes: wire.c ?? null,
    arch: wire.a ?? null,
    // A fresh object with the prototype: the schema's record is plain data, and stays so.
    packageSizes: Object.fromEntries(Object.entries(wire.z ?? {})),
  };
}

function encodeDecision(decision: Decision): string {
  if (decision.action === "skip") return "-";
  return `+${decision.alternative ?? ""}`;
}

function decodeDecision(code: string): Decision {
  if (code === "-") return { action: "skip" };
  const alternative = code.slice(1);
  return alternative === "" ? { action: "apply" } : { action: "apply", alternative };
}
