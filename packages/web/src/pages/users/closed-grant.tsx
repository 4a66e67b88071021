import { SwapOutlined, WarningOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Typography } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";

interface Props {
  closedOn: string;
  successor: { id: string; name: string } | null;
  /** One click: the grant moves to the successor (administrators only). */
  onMove?: (to: { id: string; name: string }) => void;
}

/** A grant on a unit that no longer exists: flagged, with the move to its successor. */
export function ClosedGrant({ closedOn, successor, onMove }: Props) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap style={{ marginInlineStart: 6 }}>
      <Tag color="red" icon={<WarningOutlined />} className="dt-closed-grant">
        {t("grants.closed", { date: formatDate(closedOn) })}
      </Tag>
      {successor && onMove ? (
        <Button size="small" icon={<SwapOutlined />} onClick={() => onMove(successor)}>
          {t("grants.moveToSuccessor", { name: successor.name })}
        </Button>
      ) : (
        !successor && <Typography.Text type="secondary">{t("grants.noSuccessor")}</Typography.Text>
      )}
    </Space>
  );
}
