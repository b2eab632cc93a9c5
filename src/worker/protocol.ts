// Messages between the page and the plan worker. Each request carries an id; the page ignores answers
// to requests it has since superseded. The worker says `ready` once its script has loaded, so the page
// can tell a worker that cannot start (plan on the main thread) from one that died on an input (never
// retry that input on the main thread). A plan's answer carries no diffs (plan-view.ts): the page asks for
// the diff of the one step it shows, by the plan's request id and the step's id.
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import type { PlanInput } from "../engine/plan/plan";
import type { PlanView } from "./plan-view";

export interface PlanRequest {
  readonly id: number;
  readonly input: Omit<PlanInput, "rules">;
  /** The Debian release tables the page expects this plan to read (worker/debian-releases.ts, from the
   *  FROM lines): the worker fetches them ahead, beside its engine's load, instead of synchronously from
   *  inside the plan. A hint only: a table the engine asks for that is not listed is fetched then. */
  readonly debianTables?: readonly DebianRelease[];
}

export type PlanResponse =
  | { readonly id: number; readonly ok: true; readonly plan: PlanView }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** The unified diff of one step of the latest plan (the one answered to request `planId`). */
export interface DiffRequest {
  readonly diffId: number;
  readonly planId: number;
  readonly stepId: string;
}

/** `diff` is null when that plan is no longer the latest one computed, or has no such step. */
export interface DiffResponse {
  readonly diffId: number;
  readonly diff: string | null;
}

/** The worker's first message: its script loaded. */
export interface WorkerReady {
  readonly ready: true;
}

export type WorkerRequest = PlanRequest | DiffRequest;
export type WorkerMessage = PlanResponse | DiffResponse | WorkerReady;
