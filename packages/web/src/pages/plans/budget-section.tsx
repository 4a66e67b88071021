import "../../i18n/budget-messages.ts";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { type TBudgetItem, ZCreateBudgetItem } from "@dtplan/contracts/budget.ts";
import type { TPlanTask } from "@dtplan/contracts/plans.ts";
import { budgetWarning } from "@dtplan/domain/plans/budget-warning.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Space,
  Statistic,
  Typography,
} from "antd";
import { useState } from "react";
import { budgetApi, budgetQueries } from "../../api/budget.ts";
import { errorMessage } from "../../api/client.ts";
import { invalidate, loadError } from "../../api/query.ts";
import { ResponsiveTable } from "../../components/responsive-table.tsx";
import { MoneyInput } from "../../forms/money-input.tsx";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { foldedSearch } from "../../lib/fold.ts";

interface ItemFormValues {
  title: string;
  taskKey: string | null;
  source: string | null;
  year: number | null;
  amountPlanned: number | null;
  amountDisbursed: number | null;
}

/**
 * Hạng mục kinh phí: the plan's funded tasks and projects, planned beside disbursed,
 * with the server's warning when their sum disagrees with the plan's total.
 */
export function BudgetSection({
  code,
  tasks,
  canManage,
}: {
  code: string;
  tasks: TPlanTask[];
  canManage: boolean;
}) {
  const { t, vnd, num, lang } = useI18n();
  const { message } = App.useApp();
  const summary = useQuery(budgetQueries.summary(code));
  const [editing, setEditing] = useState<TBudgetItem | "new" | null>(null);
  const [form] = Form.useForm<ItemFormValues>();
  const { validate, showServerError, onValuesChange, formError, reset } = useZodForm(form);
  const [saving, setSaving] = useState(false);
  const data = summary.data;

  const open = (item: TBudgetItem | "new") => {
    reset();
    form.resetFields();
    if (item !== "new") {
      form.setFieldsValue({
        title: item.title,
        taskKey: item.task?.key ?? null,
        source: item.source,
        year: item.year,
        amountPlanned: item.amountPlanned,
        amountDisbursed: item.amountDisbursed,
      });
    }
    setEditing(item);
  };

  const save = async () => {
    const values = form.getFieldsValue();
    const input = validate(ZCreateBudgetItem, {
      title: values.title ?? "",
      taskKey: values.taskKey ?? null,
      source: values.source?.trim() ? values.source : null,
      year: values.year ?? null,
      amountPlanned: values.amountPlanned ?? 0,
      amountDisbursed: values.amountDisbursed ?? 0,
    });
    if (!input) return;
    setSaving(true);
    try {
      if (editing === "new") await budgetApi.create(code, input);
      // The version loaded: if someone saved this item since, the server says who (409).
      else if (editing) await budgetApi.update(code, editing.id, { ...input, version: editing.version });
      message.success(t("budget.saved"));
      setEditing(null);
      void invalidate("budget");
    } catch (err) {
      showServerError(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: TBudgetItem) => {
    try {
      await budgetApi.remove(code, item.id);
      message.success(t("budget.deleted"));
      void invalidate("budget");
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns = [
    {
      title: t("budget.col.title"),
      dataIndex: "title",
      render: (title: string, item: TBudgetItem) => (
        <>
          <div>{title}</div>
          {item.task && item.task.text !== title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.task.text}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("budget.col.source"),
      dataIndex: "source",
      width: 180,
      render: (s: string | null) => s ?? "—",
    },
    { title: t("budget.col.year"), dataIndex: "year", width: 80, render: (y: number | null) => y ?? "—" },
    {
      title: t("budget.col.planned"),
      dataIndex: "amountPlanned",
      width: 160,
      align: "right" as const,
      render: (v: number) => num(v),
    },
    {
      title: t("budget.col.disbursed"),
      dataIndex: "amountDisbursed",
      width: 160,
      align: "right" as const,
      render: (v: number) => num(v),
    },
    ...(canManage
      ? [
          {
            title: "",
            key: "actions",
            width: 96,
            render: (_: unknown, item: TBudgetItem) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t("budget.edit")}
                  onClick={() => open(item)}
                />
                <Popconfirm
                  title={t("budget.deleteConfirm", { title: item.title })}
                  onConfirm={() => remove(item)}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("budget.delete")}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="budget-section">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("budget.title")}
        </Typography.Title>
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => open("new")}>
            {t("budget.add")}
          </Button>
        )}
      </Space>
      {summary.error && <Alert type="error" showIcon title={loadError(summary)} />}
      {data && (
        <>
          <Space size={48} wrap>
            <Statistic
              title={t("budget.planTotal")}
              value={data.planTotal === null ? "—" : vnd(data.planTotal)}
            />
            <Statistic title={t("budget.planned")} value={vnd(data.planned)} />
            <div>
              <Statistic title={t("budget.disbursed")} value={vnd(data.disbursed)} />
              {data.disbursedPercent !== null && (
                <Progress
                  percent={data.disbursedPercent}
                  size="small"
                  format={(p) => t("budget.disbursedShare", { p: `${num(p ?? 0)}%` })}
                  style={{ width: 220 }}
                />
              )}
            </div>
          </Space>
          {data.warning && (
            <Alert
              type="warning"
              showIcon
              title={budgetWarning(data.planTotal, data.planned, data.disbursed, lang)}
              data-testid="budget-warning"
            />
          )}
          <ResponsiveTable
            rowKey="id"
            size="small"
            loading={summary.isFetching}
            columns={columns}
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: t("budget.empty") }}
          />
        </>
      )}
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("budget.add") : t("budget.edit")}
        onCancel={() => setEditing(null)}
        onOk={save}
        confirmLoading={saving}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        destroyOnHidden
        width={640}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
          <Form.Item name="title" label={t("budget.col.title")} required>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="taskKey" label={t("budget.field.task")}>
            <Select
              allowClear
              showSearch={foldedSearch}
              placeholder={t("budget.field.taskNone")}
              options={tasks.map((task) => ({ value: task.key, label: task.text }))}
              onChange={(key: string | undefined) => {
                const task = tasks.find((x) => x.key === key);
                if (task && !form.getFieldValue("title")) form.setFieldsValue({ title: task.text });
              }}
            />
          </Form.Item>
          <Space size={12} style={{ width: "100%" }} wrap>
            <Form.Item name="source" label={t("budget.col.source")} style={{ minWidth: 260 }}>
              <Select
                allowClear
                options={(data?.sources ?? []).map((s) => ({ value: s, label: s }))}
                placeholder={t("budget.noSource")}
              />
            </Form.Item>
            <Form.Item name="year" label={t("budget.col.year")}>
              <InputNumber min={1900} max={2200} controls={false} style={{ width: 100 }} />
            </Form.Item>
          </Space>
          <Space size={12} wrap>
            <Form.Item name="amountPlanned" label={t("budget.col.planned")} required>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="amountDisbursed" label={t("budget.col.disbursed")}>
              <MoneyInput />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
