import { Typography } from "antd";

/** A card title with a one-line explanation under it (long Vietnamese hints do not fit beside it). */
export function CardTitle({ title, hint }: { title: string; hint: string }) {
  return (
    <div style={{ padding: "8px 0", whiteSpace: "normal" }}>
      <div>{title}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
        {hint}
      </Typography.Text>
    </div>
  );
}
