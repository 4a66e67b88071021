import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { TreeSelect } from "antd";
import { useMemo } from "react";
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
}: Props) {
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
    return buildUnitTree(picked.units).map(toOption);
  }, [units, disabledIds, selectedKey, history]);

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
      placeholder={placeholder}
      allowClear
      style={{ width: "100%" }}
      listHeight={360}
      popupMatchSelectWidth
    />
  );
}
