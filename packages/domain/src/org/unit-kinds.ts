/**
 * Kinds of org unit known to the interface. The organisation is a configurable
 * tree: a unit may carry any kind key; these are the ones with labels and icons.
 * Since 1/7/2025 there is no district level, but district units stay in history.
 */
export const UNIT_KINDS = {
  province: { vi: "Tỉnh / thành phố", en: "Province / city" },
  department: { vi: "Sở, ban, ngành", en: "Provincial department" },
  district: { vi: "Huyện / thị xã (trước 1/7/2025)", en: "District (before 1/7/2025)" },
  district_office: { vi: "Phòng, ban cấp huyện", en: "District office" },
  commune: { vi: "Xã", en: "Commune" },
  ward: { vi: "Phường", en: "Ward" },
  special_zone: { vi: "Đặc khu", en: "Special zone" },
  township: { vi: "Thị trấn (trước 1/7/2025)", en: "Township (before 1/7/2025)" },
  office: { vi: "Phòng, ban chuyên môn", en: "Specialised office" },
  steering_committee: { vi: "Ban Chỉ đạo", en: "Steering committee" },
  school: { vi: "Trường học", en: "School" },
  health_station: { vi: "Trạm y tế / Trung tâm y tế", en: "Health station / centre" },
  public_service: { vi: "Đơn vị sự nghiệp", en: "Public service unit" },
  police: { vi: "Công an", en: "Police" },
  mass_organisation: { vi: "Mặt trận, đoàn thể", en: "Mass organisation" },
  enterprise: { vi: "Doanh nghiệp đối tác", en: "Partner enterprise" },
  other: { vi: "Khác", en: "Other" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type KnownUnitKind = keyof typeof UNIT_KINDS;

/** The commune level since 1/7/2025: xã, phường, đặc khu — what a target "cấp xã" reaches. */
export const COMMUNE_LEVEL_KINDS = [
  "commune",
  "ward",
  "special_zone",
] as const satisfies readonly KnownUnitKind[];

export function unitKindLabel(kind: string, lang: "vi" | "en" = "vi"): string {
  return (UNIT_KINDS as Record<string, { vi: string; en: string }>)[kind]?.[lang] ?? kind;
}
