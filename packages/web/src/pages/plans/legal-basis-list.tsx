import { LinkOutlined } from "@ant-design/icons";
import type { TPlanDetail } from "@dtplan/contracts/plans.ts";
import { List, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../../i18n/i18n.tsx";
import { formatDate } from "../../lib/format.ts";

/** Căn cứ: each basis as cited, linked to the plan in dtplan it implements when there is one. */
export function LegalBasisList({
  bases,
  emptyText,
}: {
  bases: TPlanDetail["legalBases"];
  emptyText?: string;
}) {
  const t = useT();
  return (
    <List
      dataSource={bases}
      locale={emptyText ? { emptyText } : undefined}
      renderItem={(b) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag>{b.type}</Tag>
                {b.number && <b>{b.number}</b>}
                {b.date && <span>{formatDate(b.date)}</span>}
                {b.issuer && <Typography.Text type="secondary">{b.issuer}</Typography.Text>}
              </Space>
            }
            description={
              <>
                <div>{b.text}</div>
                {b.linkedPlan && (
                  <Link to={`/plans/${b.linkedPlan.code}`}>
                    <LinkOutlined /> {t("review.linkedPlan", { title: b.linkedPlan.title })}
                  </Link>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
