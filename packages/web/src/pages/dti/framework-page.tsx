import "../../i18n/dti-messages.ts";
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  PlusOutlined,
  ReloadOutlined,
  SaveOutlined,
} from "@ant-design/icons";
import { type TDtiFramework, ZDtiFrameworkUpdate } from "@dtplan/contracts/dti.ts";
import { DTI_NODE_KIND_LABELS } from "@dtplan/domain/dti/lists.ts";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Row,
  Skeleton,
  Space,
  Tag,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError, errorMessage } from "../../api/client.ts";
import { dtiApi, dtiQueries } from "../../api/dti.ts";
import { invalidate } from "../../api/query.ts";
import { LoadError } from "../../components/load-error.tsx";
import { inReaderLanguage } from "../../forms/schema-message.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { PageHeader } from "../../layout/page-header.tsx";
import { SUBJECT_KEYS } from "./dti-labels.tsx";
import {
  addChild,
  computedMaxima,
  type EditNode,
  findNode,
  flatten,
  fromFramework,
  moveNode,
  nextCode,
  nodeNamed,
  problemsOf,
  removeNode,
  toInput,
  updateNode,
} from "./framework-model.ts";
import { NodeForm } from "./node-form.tsx";

/** Sửa bộ chỉ số: the tree on one side, the chosen node's code, points, rule, evidence and guidance on the other. */
export default function FrameworkPage() {
  const { id = "" } = useParams();
  const loaded = useQuery({
    queryKey: ["dti", "framework", id],
    queryFn: () => dtiApi.framework(id),
  });
  const manage = useQuery(dtiQueries.frameworks()).data?.can.manage ?? false;
  if (!loaded.data)
    return loaded.error ? <LoadError query={loaded} /> : <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <FrameworkEditor
      key={`${loaded.data.id}:${loaded.data.version}`}
      framework={loaded.data}
      editable={manage && !loaded.data.locked}
      reload={() => void loaded.refetch()}
    />
  );
}

function FrameworkEditor({
  framework,
  editable,
  reload,
}: {
  framework: TDtiFramework;
  editable: boolean;
  reload: () => void;
}) {
  const { t, lang, num } = useI18n();
  const { message } = App.useApp();
  const [nodes, setNodes] = useState<EditNode[]>(() => fromFramework(framework.nodes));
  const [name, setName] = useState(framework.name);
  const [description, setDescription] = useState(framework.description);
  const [selected, setSelected] = useState<string | null>(nodes[0]?.key ?? null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[]; conflict: boolean } | null>(null);
  const maxima = useMemo(() => computedMaxima(nodes), [nodes]);
  const problems = useMemo(() => problemsOf(nodes), [nodes]);
  const total = nodes.reduce((s, n) => s + (maxima.get(n.key) ?? 0), 0);
  const node = selected ? findNode(nodes, selected) : null;

  const change = (next: EditNode[]) => {
    setNodes(next);
    setDirty(true);
  };

  const treeData = useMemo(() => {
    interface TreeItem {
      key: string;
      title: React.ReactNode;
      children: TreeItem[];
    }
    const walk = (list: EditNode[]): TreeItem[] =>
      list.map((n) => ({
        key: n.key,
        title: (
          <span className="dt-fw-node">
            <b>{n.code}</b> {n.name || <i>{t("dti.fw.unnamed")}</i>}{" "}
            <Typography.Text type="secondary">
              · {t("dti.pointsN", { n: num(maxima.get(n.key) ?? 0) })}
            </Typography.Text>
          </span>
        ),
        children: walk(n.children),
      }));
    return walk(nodes);
  }, [nodes, maxima, t, num]);

  const save = async () => {
    setError(null);
    const input = {
      name,
      description,
      subject: framework.subject,
      nodes: toInput(nodes),
      version: framework.version,
    };
    const body = ZDtiFrameworkUpdate.safeParse(input);
    if (!body.success) {
      setError({
        message: t("dti.fw.invalid"),
        details: body.error.issues
          .slice(0, 20)
          .map((i) => `${nodeNamed(input, i.path) ?? t("dti.fw.framework")}: ${inReaderLanguage(i.message)}`),
        conflict: false,
      });
      return;
    }
    if (problems.length > 0) {
      setError({ message: t("dti.fw.invalid"), details: problems.map((p) => p.message), conflict: false });
      return;
    }
    setSaving(true);
    try {
      await dtiApi.updateFramework(framework.id, body.data);
      await invalidate("dti");
      message.success(t("dti.fw.saved"));
      setDirty(false);
    } catch (err) {
      setError({
        message: errorMessage(err),
        details: err instanceof ApiError ? err.details.map((d) => d.message) : [],
        conflict: err instanceof ApiError && err.status === 409,
      });
    } finally {
      setSaving(false);
    }
  };

  const add = (parent: EditNode | null) => {
    const result = addChild(nodes, parent?.key ?? null, nextCode(nodes, parent));
    change(result.nodes);
    setSelected(result.key);
  };

  return (
    <div data-testid="framework-page">
      <PageHeader
        title={framework.name}
        subtitle={`${framework.code} · ${framework.year} · ${t(SUBJECT_KEYS[framework.subject])}`}
        extra={
          <Space wrap>
            <Link to="/dti/frameworks">{t("dti.fw.back")}</Link>
            <Button icon={<FileExcelOutlined />} href={dtiApi.frameworkXlsxUrl(framework.id)}>
              {t("dti.frameworks.export")}
            </Button>
            {editable && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                data-testid="fw-save"
                loading={saving}
                disabled={!dirty}
                onClick={() => void save()}
              >
                {t("common.save")}
              </Button>
            )}
          </Space>
        }
      />
      {framework.locked && (
        <Alert type="info" showIcon title={t("dti.fw.lockedHint")} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert
          type={error.conflict ? "warning" : "error"}
          showIcon
          style={{ marginBottom: 12 }}
          title={error.message}
          description={
            error.details.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )
          }
          action={
            error.conflict && (
              <Button icon={<ReloadOutlined />} onClick={reload}>
                {t("common.refresh")}
              </Button>
            )
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Input
            aria-label={t("dti.fw.name")}
            value={name}
            disabled={!editable}
            onChange={(e) => {
              setName(e.target.value);
              setDirty(true);
            }}
          />
          <Input.TextArea
            aria-label={t("dti.fw.description")}
            value={description}
            disabled={!editable}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => {
              setDescription(e.target.value);
              setDirty(true);
            }}
          />
          <Typography.Text data-testid="fw-total">
            {t("dti.fw.total", {
              points: num(total),
              criteria: flatten(nodes).filter((n) => n.children.length === 0).length,
            })}
          </Typography.Text>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("dti.fw.problems", { n: problems.length })}
              description={problems[0]?.message}
            />
          )}
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card
            title={t("dti.fw.tree")}
            size="small"
            extra={
              editable && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add(null)}>
                  {t("dti.fw.addTop")}
                </Button>
              )
            }
          >
            {nodes.length === 0 ? (
              <Empty description={t("dti.fw.emptyTree")} />
            ) : (
              <Tree
                blockNode
                defaultExpandAll
                treeData={treeData}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
                data-testid="fw-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {node ? (
            <Card
              size="small"
              title={
                <Space wrap>
                  <Tag>{DTI_NODE_KIND_LABELS[node.kind][lang]}</Tag>
                  <span>
                    {node.code}. {node.name}
                  </span>
                </Space>
              }
              extra={
                editable && (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={t("dti.fw.up")}
                      onClick={() => change(moveNode(nodes, node.key, -1))}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={t("dti.fw.down")}
                      onClick={() => change(moveNode(nodes, node.key, 1))}
                    />
                    <Button size="small" icon={<PlusOutlined />} onClick={() => add(node)}>
                      {t("dti.fw.addChild")}
                    </Button>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("common.remove")}
                      onClick={() => {
                        change(removeNode(nodes, node.key));
                        setSelected(null);
                      }}
                    />
                  </Space>
                )
              }
            >
              <NodeForm
                node={node}
                computedMax={maxima.get(node.key) ?? 0}
                editable={editable}
                onChange={(patch) => change(updateNode(nodes, node.key, patch))}
              />
            </Card>
          ) : (
            <Card size="small">
              <Empty description={t("dti.fw.pickNode")} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
