import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { matchesFolded } from "../../lib/fold.ts";
import { toIsoDate } from "../../lib/format.ts";
import { buildUnitTree, pickableUnits, type UnitNode } from "./org-tree-model.ts";

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

interface Props {
  units: readonly TOrgUnit[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  disabledIds?: ReadonlySet<string>;
  placeholder?: string;
  id?: string;
  status?: "error" | "warning" | "";
  /** A filter over history (plans of a closed district): closed units stay choosable. */
  history?: boolean;
  /** Names of units the value may hold before the tree has loaded them (the item being edited). */
  names?: ReadonlyMap<string, string>;
}

/**
 * Pick one or more units from the tree; search folds diacritics like the tree's own search.
 * Units closed today are never offered for new work: one already chosen still shows (greyed).
 */
export function UnitTreeSelect({
  units,
  value,
  onChange,
  multiple,
  disabledIds,
  placeholder,
  id,
  status,
  history,
  names,
}: Props) {
  const { t } = useI18n();
  const selectedKey = Array.isArray(value) ? value.join(",") : (value ?? "");
  const treeData = useMemo(() => {
    const picked = history
      ? { units: [...units], closed: new Set<string>() }
      : pickableUnits(units, new Set(selectedKey.split(",").filter(Boolean)), toIsoDate(new Date()));
    const toOption = (node: UnitNode): Option => ({
      value: node.unit.id,
      title: node.unit.name,
      disabled: disabledIds?.has(node.unit.id) || picked.closed.has(node.unit.id),
      children: node.children.map(toOption),
    });
    // A chosen unit the list does not hold (yet) shows its name or "loading", never its id.
    const known = new Set(units.map((u) => u.id));
    const absent = selectedKey
      .split(",")
      .filter((id) => id && !known.has(id))
      .map((id) => ({
        value: id,
        title: names?.get(id) ?? (units.length === 0 ? t("app.loading") : t("org.unitNotListed")),
        children: [],
      }));
    return [...buildUnitTree(picked.units).map(toOption), ...absent];
  }, [units, disabledIds, selectedKey, history, names, t]);

  return (
    <TreeSelect
      id={id}
      status={status}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      multiple={multiple}
      showSearch={{
        filterTreeNode: (input, node) => matchesFolded(String((node as Option).title ?? ""), input),
      }}
      treeDefaultExpandAll={units.length <= 60}
      placeholder={units.length === 0 ? t("app.loading") : placeholder}
      loading={units.length === 0}
      allowClear
      style={{ width: "100%" }}
      listHeight={360}
      popupMatchSelectWidth
    />
  );
}
