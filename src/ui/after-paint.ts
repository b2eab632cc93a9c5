// Work that can wait until the chart is on screen (issue 13): a component shows `value` one frame late,
// rendering it after the browser has painted the frame in which `value` changed. The chart and the summary
// read the plan directly; the step details, the result pane and the editors' markers read it through
// this, so a new plan's first frame costs only what the chart needs.
import { useEffect, useState } from "react";

/** `value`, but taken up only after the next paint (at once on the first render). */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(() => value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = () => setShown(() => value);
    // A hidden tab gets no animation frames: take it up at the next task instead.
    if (typeof requestAnimationFrame === "undefined" || document.hidden) {
      timer = setTimeout(take, 0);
      return () => clearTimeout(timer);
    }
    // rAF runs before the paint of its frame; the task queued from it runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(take, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
