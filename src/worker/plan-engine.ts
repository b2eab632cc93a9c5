// The worker's engine half, loaded by plan.worker.ts with a dynamic import so that the package table's
// download starts before this (the whole engine, ~750 kB) is fetched and compiled, not after.
import { registerWorkerDebianTables } from "./debian-tables-loader";

export { computeDiff, computePlan } from "./compute-plan";

registerWorkerDebianTables();
