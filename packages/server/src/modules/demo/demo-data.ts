// Dữ liệu mẫu — the provinces and localities of the three dev plans
// (fixtures/plan-extract/dev): Châu Thành (Bến Tre) 2025, Tháp Mười (Đồng Tháp)
// 2024, Ba Tơ (Quảng Ngãi) 2023. Since 1/7/2025 districts are abolished and provinces
// merged, so each tenant is today's province; the old province and district sit under
// it, closed on 30/6/2025, and keep their history. Office names come from the plans'
// text. Vĩnh Long is the demo of today (vinh-long-today.ts: real communes and wards of
// 1/7/2025 with their predecessors, today's departments and accounts). In Đồng Tháp and
// Quảng Ngãi, communes the plans do not name and the one 1/7/2025 merger shown are
// illustrative (marked "dữ liệu mẫu"); their accounts sit on today's province.
import type { DemoLineage, DemoTenant, DemoUnit, DemoUser } from "./demo-types.ts";
import { BEFORE_REFORM, departmentShortName, REFORM, VLG_USERS, vinhLongToday } from "./vinh-long-today.ts";

interface LocalityPlan {
  prefix: string;
  province: { code: string; name: string; shortName: string };
  oldProvince: { code: string; name: string };
  district: { code: string; name: string };
  /** District offices, as the plan names them. */
  offices: { code: string; name: string; kind: string }[];
  communes: { code: string; name: string; kind: "commune" | "township" }[];
  /** 1/7/2025: these communes (codes) become one new commune (illustrative, marked so). */
  merge: { from: string[]; code: string; name: string } | null;
  partners: { code: string; name: string; shortName?: string }[];
  /** Departments also carry the short name the province's documents use ("Sở Nội vụ"). */
  shortNames?: boolean;
  /** The province's focal officer (Sở KH&CN) and viewer; none when the tenant adds its own. */
  people: { account: string; focal: string; viewer: string } | null;
}

/** "Tỉnh Bến Tre" → "tỉnh Bến Tre", as it reads after a department's name. */
const ofProvince = (name: string) => name.replace(/ \(trước 1\/7\/2025\)$/, "").replace(/^Tỉnh /, "tỉnh ");

function buildTenant(p: LocalityPlan): DemoTenant {
  const k = (code: string) => `${p.prefix}:${code}`;
  const root = k(p.province.code);
  const oldProvince = k(p.oldProvince.code);
  const district = k(p.district.code);
  const units: DemoUnit[] = [
    { key: root, parent: null, kind: "province", ...p.province },
    { key: oldProvince, parent: root, kind: "province", validTo: BEFORE_REFORM, ...p.oldProvince },
    {
      key: k("STTTT"),
      parent: oldProvince,
      code: `${p.oldProvince.code}-STTTT`,
      name: `Sở Thông tin và Truyền thông ${ofProvince(p.oldProvince.name)}`,
      kind: "department",
      validTo: "2025-02-28",
    },
    {
      key: k("SKHCN-OLD"),
      parent: oldProvince,
      code: `${p.oldProvince.code}-SKHCN`,
      name: `Sở Khoa học và Công nghệ ${ofProvince(p.oldProvince.name)}`,
      kind: "department",
      validTo: BEFORE_REFORM,
    },
    ...[
      ["SKHCN", "Sở Khoa học và Công nghệ"],
      ["SYT", "Sở Y tế"],
      ["STC", "Sở Tài chính"],
      ["SNV", "Sở Nội vụ"],
      ["CAT", "Công an"],
    ].map(([code, name]) => ({
      key: k(code),
      parent: root,
      code: `${p.province.code}-${code}`,
      name: `${name} ${ofProvince(p.province.name)}`,
      shortName: p.shortNames ? departmentShortName(name) : undefined,
      kind: code === "CAT" ? "police" : "department",
    })),
    { key: district, parent: oldProvince, kind: "district", validTo: BEFORE_REFORM, ...p.district },
    ...p.offices.map((o) => ({
      key: k(o.code),
      parent: district,
      code: `${p.district.code}-${o.code}`,
      name: o.name,
      kind: o.kind,
      validTo: BEFORE_REFORM,
    })),
    ...p.communes.map((c) => ({ key: k(c.code), parent: district, ...c, validTo: BEFORE_REFORM })),
    ...(p.merge
      ? [
          {
            key: k(p.merge.code),
            parent: root,
            code: p.merge.code,
            name: p.merge.name,
            kind: "commune",
            validFrom: REFORM,
          },
        ]
      : []),
    ...p.partners.map((x) => ({
      key: k(x.code),
      parent: root,
      code: x.code,
      name: x.name,
      shortName: x.shortName,
      kind: "enterprise",
    })),
  ];
  const lineage: DemoLineage[] = [
    { from: [k("STTTT")], to: k("SKHCN-OLD"), event: "merge", effectiveDate: "2025-03-01" },
    { from: [k("SKHCN-OLD")], to: k("SKHCN"), event: "merge", effectiveDate: REFORM },
    ...(p.merge
      ? [{ from: p.merge.from.map(k), to: k(p.merge.code), event: "merge" as const, effectiveDate: REFORM }]
      : []),
  ];
  // Today's accounts sit on today's units: the province, where Sở KH&CN consolidates.
  const users: DemoUser[] = p.people
    ? [
        {
          username: `${p.people.account}.daumoi`,
          fullName: p.people.focal,
          workplace: "Sở Khoa học và Công nghệ",
          grants: [{ unit: root, role: "focal_officer" }],
        },
        {
          username: `${p.people.account}.tinh`,
          fullName: p.people.viewer,
          grants: [{ unit: root, role: "province_viewer" }],
        },
      ]
    : [];
  return { units, lineage, users };
}

const COMMON_OFFICES = {
  vhtt: { code: "VHTT", name: "Phòng Văn hóa và Thông tin", kind: "district_office" },
  nv: { code: "NV", name: "Phòng Nội vụ", kind: "district_office" },
  tckh: { code: "TCKH", name: "Phòng Tài chính – Kế hoạch", kind: "district_office" },
  vp: { code: "VP", name: "Văn phòng HĐND và UBND huyện", kind: "district_office" },
  bcd: { code: "BCD", name: "Ban Chỉ đạo chuyển đổi số huyện", kind: "steering_committee" },
};

/** Adds today's Vĩnh Long (vinh-long-today.ts, by unit code) to the Châu Thành tenant. */
function withVinhLongToday(tenant: DemoTenant, prefix: string): DemoTenant {
  const root = tenant.units[0];
  const departments = new Set(
    tenant.units.filter((u) => u.parent === root.key).map((u) => u.code.replace(`${root.code}-`, "")),
  );
  const today = vinhLongToday(departments);
  const keys = new Map<string, string>(tenant.units.map((u) => [u.code, u.key]));
  const key = (code: string) => keys.get(code) ?? `${prefix}:${code}`;
  return {
    units: [
      ...tenant.units,
      ...today.units.map((u) => ({ ...u, key: key(u.code), parent: u.parent ? key(u.parent) : null })),
    ],
    lineage: [
      ...tenant.lineage,
      ...today.lineage.map((l) => ({ ...l, from: l.from.map(key), to: key(l.to) })),
    ],
    users: [
      ...tenant.users,
      ...VLG_USERS.map((u) => ({ ...u, grants: u.grants.map((g) => ({ ...g, unit: key(g.unit) })) })),
    ],
  };
}

export const DEMO_TENANTS: DemoTenant[] = [
  withVinhLongToday(
    buildTenant({
      prefix: "chauthanh",
      province: { code: "VLG", name: "Tỉnh Vĩnh Long", shortName: "Vĩnh Long" },
      oldProvince: { code: "BTR", name: "Tỉnh Bến Tre" },
      district: { code: "BTR-CT", name: "Huyện Châu Thành" },
      offices: [
        COMMON_OFFICES.vhtt,
        COMMON_OFFICES.nv,
        COMMON_OFFICES.tckh,
        { code: "KTHT", name: "Phòng Kinh tế và Hạ tầng", kind: "district_office" },
        COMMON_OFFICES.vp,
        COMMON_OFFICES.bcd,
        { code: "CAH", name: "Công an huyện Châu Thành", kind: "police" },
        { code: "TTYT", name: "Trung tâm Y tế huyện Châu Thành", kind: "health_station" },
        { code: "TTVH", name: "Trung tâm Văn hóa, Thể thao và Truyền thanh", kind: "public_service" },
      ],
      communes: [
        { code: "BTR-CT-TT", name: "Thị trấn Châu Thành", kind: "township" },
        { code: "BTR-CT-HD", name: "Xã Hữu Định", kind: "commune" },
        { code: "BTR-CT-PT", name: "Xã Phú Túc", kind: "commune" },
        { code: "BTR-CT-TTH", name: "Xã Tân Thạch (dữ liệu mẫu)", kind: "commune" },
      ],
      // Today's communes and accounts of Vĩnh Long come from vinh-long-today.ts.
      merge: null,
      shortNames: true,
      partners: [
        {
          code: "VLG-VIETTEL",
          name: "Viettel Vĩnh Long (doanh nghiệp viễn thông)",
          shortName: "Viettel Vĩnh Long",
        },
        { code: "VLG-VNPT", name: "VNPT Vĩnh Long (doanh nghiệp viễn thông)", shortName: "VNPT Vĩnh Long" },
        {
          code: "VLG-BUUDIEN",
          name: "Bưu điện tỉnh Vĩnh Long (bưu chính công cộng)",
          shortName: "Bưu điện tỉnh Vĩnh Long",
        },
        { code: "VLG-NH", name: "Các chi nhánh ngân hàng trên địa bàn" },
      ],
      people: null,
    }),
    "chauthanh",
  ),
  buildTenant({
    prefix: "thapmuoi",
    province: { code: "DTP", name: "Tỉnh Đồng Tháp", shortName: "Đồng Tháp" },
    oldProvince: { code: "DTP-CU", name: "Tỉnh Đồng Tháp (trước 1/7/2025)" },
    district: { code: "DTP-TM", name: "Huyện Tháp Mười" },
    offices: [
      { ...COMMON_OFFICES.vhtt, name: "Phòng Văn hóa và Thông tin (Phòng VH&TT)" },
      COMMON_OFFICES.nv,
      COMMON_OFFICES.tckh,
      COMMON_OFFICES.vp,
      COMMON_OFFICES.bcd,
    ],
    communes: [
      { code: "DTP-TM-MA", name: "Thị trấn Mỹ An (dữ liệu mẫu)", kind: "township" },
      { code: "DTP-TM-MH", name: "Xã Mỹ Hòa (dữ liệu mẫu)", kind: "commune" },
      { code: "DTP-TM-TX", name: "Xã Trường Xuân (dữ liệu mẫu)", kind: "commune" },
    ],
    merge: { from: ["DTP-TM-MA", "DTP-TM-MH"], code: "DTP-X-THAPMUOI", name: "Xã Tháp Mười (dữ liệu mẫu)" },
    partners: [
      { code: "DTP-VIETTEL", name: "Viettel Đồng Tháp" },
      { code: "DTP-VNPT", name: "VNPT Đồng Tháp" },
      { code: "DTP-NH", name: "Chi nhánh các ngân hàng tại huyện" },
      { code: "DTP-BK", name: "Trường Đại học Bách khoa Thành phố Hồ Chí Minh" },
    ],
    people: { account: "dongthap", focal: "Huỳnh Thị Mai", viewer: "Lý Văn Toàn" },
  }),
  buildTenant({
    prefix: "bato",
    province: { code: "QNG", name: "Tỉnh Quảng Ngãi", shortName: "Quảng Ngãi" },
    oldProvince: { code: "QNG-CU", name: "Tỉnh Quảng Ngãi (trước 1/7/2025)" },
    district: { code: "QNG-BT", name: "Huyện Ba Tơ" },
    offices: [
      COMMON_OFFICES.vhtt,
      COMMON_OFFICES.nv,
      COMMON_OFFICES.tckh,
      COMMON_OFFICES.vp,
      COMMON_OFFICES.bcd,
    ],
    communes: [
      { code: "QNG-BT-TT", name: "Thị trấn Ba Tơ (dữ liệu mẫu)", kind: "township" },
      { code: "QNG-BT-BD", name: "Xã Ba Động (dữ liệu mẫu)", kind: "commune" },
      { code: "QNG-BT-BV", name: "Xã Ba Vì (dữ liệu mẫu)", kind: "commune" },
    ],
    merge: { from: ["QNG-BT-TT", "QNG-BT-BD"], code: "QNG-X-BATO", name: "Xã Ba Tơ (dữ liệu mẫu)" },
    partners: [
      { code: "QNG-VIETTEL", name: "Viettel Quảng Ngãi (doanh nghiệp viễn thông)" },
      { code: "QNG-VNPT", name: "VNPT Quảng Ngãi (doanh nghiệp viễn thông)" },
      { code: "QNG-BUUDIEN", name: "Bưu điện tỉnh Quảng Ngãi (bưu chính công cộng)" },
    ],
    people: { account: "quangngai", focal: "Đinh Thị Hằng", viewer: "Trương Công Định" },
  }),
];
