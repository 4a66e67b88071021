import { PlusOutlined } from "@ant-design/icons";
import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { ROLE_LABELS, ROLES } from "@dtplan/domain/access/roles.ts";
import { Button, Form, Select, Typography } from "antd";
import { RemoveButton } from "../../components/remove-button.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { UnitTreeSelect } from "../org/unit-tree-select.tsx";

/** Rows of unit + role, inside a parent antd Form (`grants` field). */
export function GrantsEditor({ units }: { units: readonly TOrgUnit[] }) {
  const { t, lang } = useI18n();
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
  return (
    <Form.List name="grants">
      {(fields, { add, remove }, { errors }) => (
        <div>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t("users.noGrants")}
            </Typography.Paragraph>
          )}
          {fields.map((field) => (
            // Unit, role and remove on one line; on a phone the role wraps under the unit.
            <div
              key={field.key}
              style={{ display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: 8, marginBottom: 4 }}
            >
              <Form.Item
                name={[field.name, "unitId"]}
                style={{ flex: "1 1 260px", maxWidth: 320, marginBottom: 8 }}
                aria-label={t("users.grantUnit")}
              >
                <UnitTreeSelect units={units} placeholder={t("users.grantUnit")} />
              </Form.Item>
              <Form.Item
                name={[field.name, "role"]}
                style={{ flex: "1 1 180px", maxWidth: 230, marginBottom: 8 }}
              >
                <Select
                  options={roleOptions}
                  placeholder={t("users.grantRole")}
                  aria-label={t("users.grantRole")}
                />
              </Form.Item>
              <RemoveButton label={t("common.remove")} onClick={() => remove(field.name)} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "unit_reporter" })}>
            {t("users.addGrant")}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
