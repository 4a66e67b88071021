import { Alert, Button } from "antd";
import { Component, type ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";

function Crashed() {
  const t = useT();
  return (
    // Alert rather than Result: Result's illustrations would weigh on the first screen.
    <Alert
      type="warning"
      showIcon
      title={t("error.crashed")}
      description={t("error.crashedHint")}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("error.reload")}
        </Button>
      }
    />
  );
}

/** Keeps a failing page (or a page chunk that no longer exists after a deploy) from blanking the shell. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failedAt: string | null }
> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): Partial<{ failedAt: string | null }> {
    return { failedAt: "pending" };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
    this.setState({ failedAt: this.props.resetKey });
  }

  override render() {
    const { failedAt } = this.state;
    if (failedAt !== null && (failedAt === "pending" || failedAt === this.props.resetKey)) return <Crashed />;
    return this.props.children;
  }
}
