// The result to take home: the final Dockerfile and .dockerignore as text, and a diff between any two
// steps (your Dockerfile against the final one first).
import { lazy, memo, Suspense } from "react";
import type { StepView } from "../../worker/plan-view";

const StepCompare = lazy(() => import("./StepCompare").then((m) => ({ default: m.StepCompare })));

/** Memoised: it renders when the steps change, not when `pending` flips at a keystroke. */
export const ResultPane = memo(function ResultPane({ steps }: { readonly steps: readonly StepView[] }) {
  const final = steps[steps.length - 1];
  if (final === undefined) return null;
  return (
    <section className="panel result" aria-labelledby="result-heading" data-testid="result-pane">
      <h2 id="result-heading" className="panel__title">Result</h2>
      <details className="result__file" open={steps.length > 1}>
        <summary>Final Dockerfile{steps.length > 1 ? ` (after step ${steps.length - 1})` : " (unchanged)"}</summary>
        <pre className="result__text" data-testid="final-dockerfile" tabIndex={0}>{final.texts.dockerfile}</pre>
      </details>
      {final.texts.dockerignore !== null ? (
        <details className="result__file">
          <summary>Final .dockerignore</summary>
          <pre className="result__text" data-testid="final-dockerignore" tabIndex={0}>{final.texts.dockerignore}</pre>
        </details>
      ) : null}
      <h3 className="panel__subtitle">Compare steps</h3>
      <Suspense fallback={<p className="hint">Loading the comparison…</p>}>
        <StepCompare steps={steps} />
      </Suspense>
    </section>
  );
});
