import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import type { TUser } from "@dtplan/contracts/users.ts";
import { ROLE_LABELS } from "@dtplan/domain/access/roles.ts";
import { useQuery } from "@tanstack/react-query";
import { App, Badge, Button, Card, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { orgApi, orgQueries, usersApi, usersQueries } from "../../api/endpoints.ts";
import { invalidate } from "../../api/query.ts";
import { useSession } from "../../auth/session.tsx";
import { LoadError } from "../../components/load-error.tsx";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { serverPagination, useDebounced } from "../../lib/server-paging.ts";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";
import { ClosedGrant } from "./closed-grant.tsx";
import { ResetPasswordModal } from "./reset-password-modal.tsx";
import { UserFormModal } from "./user-form-modal.tsx";

const PAGE_SIZE = 20;

type Dialog = { type: "create" } | { type: "edit"; user: TUser } | { type: "reset"; user: TUser };

export default function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can, user: me } = useSession();
  const canManage = can("users.manage");
  // A person opened from the search box arrives as `?q=username`.
  const [search, setSearch] = useState(() => new URLSearchParams(location.search).get("q") ?? "");
  const q = useDebounced(search.trim(), 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const list = useQuery(
    usersQueries.list({
      q: q || undefined,
      unitId: unitId ?? undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const unitsLoad = useQuery(orgQueries.list({}));
  const units: TOrgUnit[] = unitsLoad.data?.items ?? [];
  // A grant on a closed unit is flagged, with the unit that carries it on (administrators).
  const canMoveGrants = canManage && can("org.manage");
  const pending = useQuery({ ...orgQueries.pending(), enabled: canMoveGrants });
  const successorOf = new Map(
    (pending.data?.items ?? []).map((p) => [p.unit.id, p.successors[0] ?? null] as const),
  );

  async function moveGrant(user: TUser, fromUnitId: string, to: { id: string; name: string }) {
    try {
      await orgApi.reassign({
        moves: [{ fromUnitId, toUnitId: to.id }],
        kinds: ["grant"],
        userIds: [user.id],
      });
      message.success(t("grants.moved", { name: to.name }));
      void invalidate("users", "org");
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function setActive(user: TUser, active: boolean) {
    try {
      await usersApi.update(user.id, { active });
      message.success(t(active ? "users.activated" : "users.deactivated", { name: user.fullName }));
      void invalidate("users");
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const filtered = Boolean(q || unitId);

  return (
    <>
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ type: "create" })}>
              {t("users.create")}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox
            placeholder={t("users.searchPlaceholder")}
            value={search}
            onChange={(text) => {
              setSearch(text);
              setPage(1);
            }}
            style={{ maxWidth: 360 }}
          />
          <div style={{ width: 320 }}>
            <UnitTreeSelect
              units={units}
              value={unitId}
              onChange={(v) => {
                setUnitId(typeof v === "string" ? v : null);
                setPage(1);
              }}
              placeholder={t("users.filterUnit")}
              history
            />
          </div>
        </Flex>
        <LoadError query={list} style={{ marginBottom: 16 }} />
        <ResponsiveTable<TUser>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: filtered ? t("users.noMatch") : t("users.empty") }}
          pagination={serverPagination({
            page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            onChange: setPage,
            showTotal: (n) => t("users.total", { n }),
          })}
          columns={[
            {
              title: t("users.fullName"),
              key: "name",
              width: 230,
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{u.fullName}</Typography.Text>
                  <Space size={6} wrap>
                    <Typography.Text type="secondary">{u.username}</Typography.Text>
                    {u.isSuperadmin && <Tag color="gold">{t("users.superadmin")}</Tag>}
                  </Space>
                </Space>
              ),
            },
            {
              title: t("users.email"),
              dataIndex: "email",
              render: (email: string | null) =>
                email ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: t("users.grants"),
              key: "grants",
              render: (_, u) =>
                u.grants.length === 0 ? (
                  <Typography.Text type="secondary">{t("users.noGrants")}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={4}>
                    {u.grants.map((g) => (
                      <span key={`${g.unitId}-${g.role}`}>
                        <Tag color="blue" style={{ marginInlineEnd: 6 }}>
                          {ROLE_LABELS[g.role]?.[lang] ?? g.role}
                        </Tag>
                        {g.unitName}
                        {g.unitClosedOn && (
                          <ClosedGrant
                            closedOn={g.unitClosedOn}
                            successor={successorOf.get(g.unitId) ?? null}
                            onMove={canMoveGrants ? (to) => moveGrant(u, g.unitId, to) : undefined}
                          />
                        )}
                      </span>
                    ))}
                  </Space>
                ),
            },
            {
              title: t("users.status"),
              key: "active",
              width: 150,
              render: (_, u) =>
                u.active ? (
                  <Badge status="success" text={t("users.active")} />
                ) : (
                  <Badge status="default" text={t("users.inactive")} />
                ),
            },
            {
              title: t("users.lastLogin"),
              dataIndex: "lastLoginAt",
              width: 160,
              render: (at: string | null) =>
                at ? (
                  formatDateTime(at)
                ) : (
                  <Typography.Text type="secondary">{t("users.never")}</Typography.Text>
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 150,
                    render: (_: unknown, u: TUser) => {
                      const isMe = u.id === me?.id;
                      return (
                        <Space size={0}>
                          <Tooltip title={t("common.edit")}>
                            <Button
                              type="text"
                              icon={<EditOutlined />}
                              aria-label={`${t("common.edit")} ${u.username}`}
                              onClick={() => setDialog({ type: "edit", user: u })}
                            />
                          </Tooltip>
                          <Tooltip title={t("users.resetPassword")}>
                            <Button
                              type="text"
                              icon={<KeyOutlined />}
                              aria-label={`${t("users.resetPassword")} ${u.username}`}
                              onClick={() => setDialog({ type: "reset", user: u })}
                            />
                          </Tooltip>
                          {u.active ? (
                            <Popconfirm
                              title={t("users.deactivateConfirm", { name: u.fullName })}
                              description={<div style={{ maxWidth: 280 }}>{t("users.deactivateHelp")}</div>}
                              okText={t("users.deactivate")}
                              okButtonProps={{ danger: true }}
                              cancelText={t("common.cancel")}
                              onConfirm={() => setActive(u, false)}
                              disabled={isMe}
                            >
                              <Tooltip title={isMe ? t("users.selfNote") : t("users.deactivate")}>
                                <Button
                                  type="text"
                                  danger
                                  disabled={isMe}
                                  icon={<StopOutlined />}
                                  aria-label={`${t("users.deactivate")} ${u.username}`}
                                />
                              </Tooltip>
                            </Popconfirm>
                          ) : (
                            <Tooltip title={t("users.activate")}>
                              <Button
                                type="text"
                                icon={<UndoOutlined />}
                                aria-label={`${t("users.activate")} ${u.username}`}
                                onClick={() => setActive(u, true)}
                              />
                            </Tooltip>
                          )}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {(dialog?.type === "create" || dialog?.type === "edit") && (
        <UserFormModal
          user={dialog.type === "edit" ? dialog.user : null}
          units={units}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void invalidate("users");
          }}
        />
      )}
      {dialog?.type === "reset" && (
        <ResetPasswordModal
          user={dialog.user}
          onCancel={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      )}
    </>
  );
}
