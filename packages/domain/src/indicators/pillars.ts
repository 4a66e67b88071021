/**
 * Trụ cột — the pillar keys of plan-extract/v1 (SCHEMA.md), with labels. Targets,
 * tasks and indicators share them so a dashboard can group by pillar.
 */
export const PILLARS = {
  leadership: { vi: "Lãnh đạo, chỉ đạo, điều hành", en: "Leadership" },
  awareness: { vi: "Nhận thức số", en: "Digital awareness" },
  institutions: { vi: "Thể chế số", en: "Digital institutions" },
  infrastructure: { vi: "Hạ tầng số", en: "Digital infrastructure" },
  platforms: { vi: "Nền tảng số", en: "Digital platforms" },
  data: { vi: "Dữ liệu số", en: "Digital data" },
  human_resources: { vi: "Nhân lực số", en: "Digital human resources" },
  cybersecurity: { vi: "An toàn thông tin, an ninh mạng", en: "Cybersecurity" },
  digital_government: { vi: "Chính quyền số", en: "Digital government" },
  digital_economy: { vi: "Kinh tế số", en: "Digital economy" },
  digital_society: { vi: "Xã hội số", en: "Digital society" },
  sectors: { vi: "Chuyển đổi số trong các lĩnh vực", en: "Sector transformation" },
  cooperation: { vi: "Hợp tác, ứng dụng công nghệ", en: "Cooperation" },
  finance: { vi: "Kinh phí", en: "Finance" },
  other: { vi: "Khác", en: "Other" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type Pillar = keyof typeof PILLARS;

/** The keys in the order of plan-extract/v1's table, for enums and selects. */
export const PILLAR_KEYS = Object.keys(PILLARS) as [Pillar, ...Pillar[]];

export function isPillar(value: string): value is Pillar {
  return Object.hasOwn(PILLARS, value);
}
