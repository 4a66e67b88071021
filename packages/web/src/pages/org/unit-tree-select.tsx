import type { TOrgUnit } from "@dtplan/contracts/org.ts";
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { matchesFolded } from "../../lib/fold.ts";
import { buildUnitTree, type UnitNode } from "./org-tree-model.ts";

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
}

/** Pick one or more units from the tree; search folds diacritics like the tree's own search. */
export function UnitTreeSelect({
  units,
  value,
  onChange,
  multiple,
  disabledIds,
  placeholder,
  id,
  status,
}: Props) {
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): Option => ({
      value: node.unit.id,
      title: node.unit.name,
      disabled: disabledIds?.has(node.unit.id),
      children: node.children.map(toOption),
    });
    return buildUnitTree(units).map(toOption);
  }, [units, disabledIds]);

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
