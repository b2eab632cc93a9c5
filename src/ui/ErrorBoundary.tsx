// A rendering fault in one part of the page shows a message there instead of blanking the page; the
// editors sit outside the analysis boundary, so the user's text stays on screen and editable.
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  readonly children: ReactNode;
  /** What failed, for the message ("The analysis"). */
  readonly what: string;
  /** Changing this value clears the error (e.g. the texts), so the next edit retries. */
  readonly resetKey?: unknown;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="notice notice--error" role="alert" data-testid="render-error">
        {this.props.what} could not be shown ({this.state.error.message}). Your text is safe: edit it, or
        load an example, to try again.
      </div>
    );
  }
}
