import {
  ApartmentOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  SafetyOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
} from "@ant-design/icons";
import { UNIT_KINDS, unitKindLabel } from "@dtplan/domain/org/unit-kinds.ts";
import { Select, type SelectProps, Tag } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { matchesFolded } from "../../lib/fold.ts";
import type { Lang } from "../../lib/format.ts";

const ICONS: Record<string, ReactNode> = {
  province: <FlagOutlined />,
  department: <BankOutlined />,
  district: <EnvironmentOutlined />,
  district_office: <ApartmentOutlined />,
  commune: <HomeOutlined />,
  ward: <HomeOutlined />,
  special_zone: <EnvironmentOutlined />,
  township: <HomeOutlined />,
  office: <ApartmentOutlined />,
  steering_committee: <TeamOutlined />,
  school: <BookOutlined />,
  health_station: <MedicineBoxOutlined />,
  public_service: <ToolOutlined />,
  police: <SafetyOutlined />,
  mass_organisation: <TeamOutlined />,
  enterprise: <ShopOutlined />,
};

// Calm colours, one per level, so a glance tells a commune from a department.
const COLORS: Record<string, string> = {
  province: "geekblue",
  department: "blue",
  district: "purple",
  district_office: "cyan",
  commune: "green",
  ward: "green",
  special_zone: "green",
  township: "lime",
  steering_committee: "gold",
};

export function UnitKindIcon({ kind }: { kind: string }) {
  return <>{ICONS[kind] ?? <ClusterOutlined />}</>;
}

export function UnitKindTag({ kind, lang, muted }: { kind: string; lang: Lang; muted?: boolean }) {
  return (
    <Tag
      color={muted ? undefined : (COLORS[kind] ?? "default")}
      style={{ marginInlineEnd: 0, fontWeight: 400 }}
    >
      {unitKindLabel(kind, lang)}
    </Tag>
  );
}

export function unitKindOptions(lang: Lang) {
  return Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label: label[lang] }));
}

/** Loại đơn vị, searchable without diacritics ("xa" finds "Xã"). */
export function UnitKindSelect(props: SelectProps) {
  const { lang } = useI18n();
  return (
    <Select
      options={unitKindOptions(lang)}
      showSearch={{ filterOption: (input, option) => matchesFolded(String(option?.label ?? ""), input) }}
      {...props}
    />
  );
}
