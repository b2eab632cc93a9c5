// Imported first by main.tsx, for this one effect: the plan worker starts before the rest of the page's
// modules are evaluated (plan-worker.ts).
import { startPlanWorkerEarly } from "./plan-worker";

startPlanWorkerEarly();
