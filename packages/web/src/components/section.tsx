import type { CSSProperties, ReactNode } from "react";

/**
 * A titled white panel that looks like antd's Card. The home page is part of the first
 * screen (≤ 300 KB of compressed JavaScript, test/first-screen budget): antd's Card
 * brings the whole of Tabs (and List brings Pagination and Select) for a border and a
 * title.
 */
export function Section({
  title,
  children,
  style,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <section className="dt-section" style={style} data-testid={testId}>
      <h2 className="dt-section-title">{title}</h2>
      <div className="dt-section-body">{children}</div>
    </section>
  );
}
