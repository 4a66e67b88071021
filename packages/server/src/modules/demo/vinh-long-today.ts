// Tỉnh Vĩnh Long as it is since 1/7/2025: the province formed from Vĩnh Long, Bến Tre and
// Trà Vinh (Nghị quyết số 202/2025/QH15), with its commune-level units arranged by Nghị
// quyết số 1687/NQ-UBTVQH15 ngày 16/6/2025 (124 units: 105 communes, 19 wards). The
// communes and wards below are real ones with the units they were formed from, as the
// provinces' arrangement schemes published them in April–June 2025; the old districts
// and communes stay as history, closed on 30/6/2025. Xã Long Hòa and Xã Hòa Minh were
// not rearranged: they carry on, now directly under the province.
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import type { DemoLineage, DemoUnit, DemoUser } from "./demo-types.ts";

export const BEFORE_REFORM = "2025-06-30";
export const REFORM = "2025-07-01";

type UnitSpec = Omit<DemoUnit, "key">;
type LineageSpec = DemoLineage;
type UserSpec = DemoUser;

/** The province's root and closed former provinces, by code (the root's code is VLG). */
export const VLG = "VLG";
const OLD_VINH_LONG = "VLG-CU";
const OLD_BEN_TRE = "BTR";
const OLD_TRA_VINH = "TVH";

/** Today's departments and the provincial office, as `VLG-…` codes. */
export const VLG_DEPARTMENTS: readonly { code: string; name: string; kind: string }[] = [
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", kind: "department" },
  { code: "SNV", name: "Sở Nội vụ", kind: "department" },
  { code: "STC", name: "Sở Tài chính", kind: "department" },
  { code: "VPUB", name: "Văn phòng Ủy ban nhân dân", kind: "department" },
  { code: "CAT", name: "Công an", kind: "police" },
  { code: "SYT", name: "Sở Y tế", kind: "department" },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", kind: "department" },
  { code: "SCT", name: "Sở Công Thương", kind: "department" },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", kind: "department" },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", kind: "department" },
];

/** "Công an" → "Công an tỉnh Vĩnh Long"; the others "… tỉnh Vĩnh Long" too. */
export const departmentName = (name: string) => `${name} tỉnh Vĩnh Long`;

/** How the province's own documents name it: "Sở Nội vụ", "Công an tỉnh", "Văn phòng UBND tỉnh". */
export const departmentShortName = (name: string) =>
  name === "Công an" ? "Công an tỉnh" : name === "Văn phòng Ủy ban nhân dân" ? "Văn phòng UBND tỉnh" : name;

/** Districts (and cities) of the three former provinces whose communes the demo names. */
const OLD_DISTRICTS: readonly { code: string; name: string; province: string }[] = [
  { code: "VLC-TPVL", name: "Thành phố Vĩnh Long", province: OLD_VINH_LONG },
  { code: "VLC-LH", name: "Huyện Long Hồ", province: OLD_VINH_LONG },
  { code: "VLC-MT", name: "Huyện Mang Thít", province: OLD_VINH_LONG },
  { code: "TVH-TPTV", name: "Thành phố Trà Vinh", province: OLD_TRA_VINH },
  { code: "TVH-CT", name: "Huyện Châu Thành (tỉnh Trà Vinh)", province: OLD_TRA_VINH },
  { code: "TVH-CL", name: "Huyện Càng Long", province: OLD_TRA_VINH },
  { code: "TVH-CK", name: "Huyện Cầu Kè", province: OLD_TRA_VINH },
  { code: "TVH-TC", name: "Huyện Trà Cú", province: OLD_TRA_VINH },
  { code: "BTR-CL", name: "Huyện Chợ Lách", province: OLD_BEN_TRE },
];

interface Arrangement {
  name: string;
  kind: "commune" | "ward";
  /** [former district code, former unit's name] */
  from: readonly (readonly [string, string])[];
}

/** 1/7/2025: each new commune or ward and the former units it was formed from. */
export const VLG_ARRANGEMENT: readonly Arrangement[] = [
  {
    name: "Phường Long Châu",
    kind: "ward",
    from: [
      ["VLC-TPVL", "Phường 1"],
      ["VLC-TPVL", "Phường 9"],
      ["VLC-TPVL", "Phường Trường An"],
    ],
  },
  {
    name: "Phường Thanh Đức",
    kind: "ward",
    from: [
      ["VLC-TPVL", "Phường 5"],
      ["VLC-LH", "Xã Thanh Đức"],
    ],
  },
  {
    name: "Xã Long Hồ",
    kind: "commune",
    from: [
      ["VLC-LH", "Thị trấn Long Hồ"],
      ["VLC-LH", "Xã Long An"],
      ["VLC-LH", "Xã Long Phước"],
    ],
  },
  {
    name: "Xã An Bình",
    kind: "commune",
    from: [
      ["VLC-LH", "Xã An Bình"],
      ["VLC-LH", "Xã Bình Hòa Phước"],
      ["VLC-LH", "Xã Đồng Phú"],
      ["VLC-LH", "Xã Hòa Ninh"],
    ],
  },
  {
    name: "Xã Phú Quới",
    kind: "commune",
    from: [
      ["VLC-LH", "Xã Lộc Hòa"],
      ["VLC-LH", "Xã Hòa Phú"],
      ["VLC-LH", "Xã Phú Quới"],
      ["VLC-LH", "Xã Thạnh Quới"],
    ],
  },
  {
    name: "Xã Cái Nhum",
    kind: "commune",
    from: [
      ["VLC-MT", "Thị trấn Cái Nhum"],
      ["VLC-MT", "Xã An Phước"],
      ["VLC-MT", "Xã Chánh An"],
    ],
  },
  {
    name: "Xã Tân Long Hội",
    kind: "commune",
    from: [
      ["VLC-MT", "Xã Tân An Hội"],
      ["VLC-MT", "Xã Tân Long"],
      ["VLC-MT", "Xã Tân Long Hội"],
    ],
  },
  {
    name: "Xã Nhơn Phú",
    kind: "commune",
    from: [
      ["VLC-MT", "Xã Mỹ Phước"],
      ["VLC-MT", "Xã Nhơn Phú"],
      ["VLC-MT", "Xã Mỹ An"],
    ],
  },
  {
    name: "Xã Bình Phước",
    kind: "commune",
    from: [
      ["VLC-MT", "Xã Bình Phước"],
      ["VLC-MT", "Xã Hòa Tịnh"],
      ["VLC-MT", "Xã Long Mỹ"],
    ],
  },
  {
    name: "Phường Trà Vinh",
    kind: "ward",
    from: [
      ["TVH-TPTV", "Phường 1"],
      ["TVH-TPTV", "Phường 3"],
      ["TVH-TPTV", "Phường 9"],
    ],
  },
  {
    name: "Phường Long Đức",
    kind: "ward",
    from: [
      ["TVH-TPTV", "Xã Long Đức"],
      ["TVH-TPTV", "Phường 4"],
    ],
  },
  {
    name: "Phường Nguyệt Hóa",
    kind: "ward",
    from: [
      ["TVH-TPTV", "Phường 7"],
      ["TVH-TPTV", "Phường 8"],
      ["TVH-CT", "Xã Nguyệt Hóa"],
    ],
  },
  {
    name: "Phường Hòa Thuận",
    kind: "ward",
    from: [
      ["TVH-TPTV", "Phường 5"],
      ["TVH-CT", "Xã Hòa Thuận"],
    ],
  },
  {
    name: "Xã Càng Long",
    kind: "commune",
    from: [
      ["TVH-CL", "Thị trấn Càng Long"],
      ["TVH-CL", "Xã Mỹ Cẩm"],
      ["TVH-CL", "Xã Nhị Long Phú"],
    ],
  },
  {
    name: "Xã An Trường",
    kind: "commune",
    from: [
      ["TVH-CL", "Xã An Trường"],
      ["TVH-CL", "Xã An Trường A"],
      ["TVH-CL", "Xã Tân Bình"],
    ],
  },
  {
    name: "Xã Tân An",
    kind: "commune",
    from: [
      ["TVH-CL", "Xã Tân An"],
      ["TVH-CL", "Xã Huyền Hội"],
    ],
  },
  {
    name: "Xã Cầu Kè",
    kind: "commune",
    from: [
      ["TVH-CK", "Thị trấn Cầu Kè"],
      ["TVH-CK", "Xã Hòa Ân"],
      ["TVH-CK", "Xã Châu Điền"],
    ],
  },
  {
    name: "Xã Tập Sơn",
    kind: "commune",
    from: [
      ["TVH-TC", "Xã Tân Sơn"],
      ["TVH-TC", "Xã Phước Hưng"],
      ["TVH-TC", "Xã Tập Sơn"],
    ],
  },
  {
    name: "Xã Vĩnh Thành",
    kind: "commune",
    from: [
      ["BTR-CL", "Xã Vĩnh Thành"],
      ["BTR-CL", "Xã Tân Thiềng"],
      ["BTR-CL", "Xã Phú Sơn"],
    ],
  },
];

/** Communes the 2025 arrangement left as they were: they carry on under the province. */
const UNCHANGED = ["Xã Long Hòa", "Xã Hòa Minh"] as const;

/** "Xã Tân Long Hội" → "TAN-LONG-HOI"; wards get "P-", communes "X-". */
function slug(name: string): string {
  return foldVietnamese(name.replace(/^(Xã|Phường|Thị trấn) /, ""))
    .toUpperCase()
    .replace(/ /g, "-");
}

/** The code of today's commune or ward of that name ("Xã Long Hồ" → "VLG-X-LONG-HO"). */
export function vlgLocalCode(name: string): string {
  return `${VLG}-${name.startsWith("Phường") ? "P" : "X"}-${slug(name)}`;
}

const formerCode = (district: string, name: string) =>
  `${district}-${name.startsWith("Phường") ? "P" : name.startsWith("Thị trấn") ? "TT" : "X"}-${slug(name)}`;

/**
 * Today's part of the Vĩnh Long tenant (the root, Bến Tre and Châu Thành come from the
 * dev plans' tenant builder): the former provinces of Vĩnh Long and Trà Vinh, the
 * districts named above with their former communes, the 1/7/2025 communes and wards
 * with lineage, and the departments not already there.
 */
export function vinhLongToday(existingDepartments: ReadonlySet<string>): {
  units: UnitSpec[];
  lineage: LineageSpec[];
} {
  const units: UnitSpec[] = [
    {
      code: OLD_VINH_LONG,
      name: "Tỉnh Vĩnh Long (trước 1/7/2025)",
      kind: "province",
      parent: VLG,
      validTo: BEFORE_REFORM,
    },
    { code: OLD_TRA_VINH, name: "Tỉnh Trà Vinh", kind: "province", parent: VLG, validTo: BEFORE_REFORM },
    ...VLG_DEPARTMENTS.filter((d) => !existingDepartments.has(d.code)).map((d) => ({
      code: `${VLG}-${d.code}`,
      name: departmentName(d.name),
      shortName: departmentShortName(d.name),
      kind: d.kind,
      parent: VLG,
      validFrom: REFORM,
    })),
    ...OLD_DISTRICTS.map((d) => ({
      code: d.code,
      name: d.name,
      kind: "district",
      parent: d.province,
      validTo: BEFORE_REFORM,
    })),
  ];
  const lineage: LineageSpec[] = [];
  for (const a of VLG_ARRANGEMENT) {
    const to = vlgLocalCode(a.name);
    units.push({ code: to, name: a.name, kind: a.kind, parent: VLG, validFrom: REFORM });
    const from = a.from.map(([district, name]) => {
      const code = formerCode(district, name);
      units.push({
        code,
        name,
        kind: name.startsWith("Phường") ? "ward" : name.startsWith("Thị trấn") ? "township" : "commune",
        parent: district,
        validTo: BEFORE_REFORM,
      });
      return code;
    });
    lineage.push({ from, to, event: "merge", effectiveDate: REFORM });
  }
  for (const name of UNCHANGED) units.push({ code: vlgLocalCode(name), name, kind: "commune", parent: VLG });
  return { units, lineage };
}

/** The accounts of today's Vĩnh Long: every one granted on a unit in force today. */
export const VLG_USERS: readonly UserSpec[] = [
  {
    username: "vinhlong.quantri",
    fullName: "Trương Quốc Khánh",
    workplace: "Sở Khoa học và Công nghệ",
    grants: [{ unit: VLG, role: "administrator" }],
  },
  {
    username: "vinhlong.daumoi",
    fullName: "Nguyễn Thị Lan",
    workplace: "Sở Khoa học và Công nghệ",
    grants: [{ unit: VLG, role: "focal_officer" }],
  },
  {
    username: "vinhlong.lanhdao",
    fullName: "Trần Văn Hùng",
    workplace: "Phó Chủ tịch UBND tỉnh",
    grants: [{ unit: VLG, role: "leader" }],
  },
  {
    username: "vinhlong.tinh",
    fullName: "Võ Văn Bình",
    workplace: "Văn phòng UBND tỉnh",
    grants: [{ unit: VLG, role: "province_viewer" }],
  },
  {
    username: "vinhlong.sonv",
    fullName: "Lê Minh Tâm",
    grants: [{ unit: `${VLG}-SNV`, role: "unit_reporter" }],
  },
  {
    username: "vinhlong.sotc",
    fullName: "Đỗ Thị Thu",
    grants: [{ unit: `${VLG}-STC`, role: "unit_reporter" }],
  },
  {
    username: "longho.daumoi",
    fullName: "Phạm Thị Hoa",
    workplace: "Phòng Văn hóa - Xã hội",
    grants: [{ unit: vlgLocalCode("Xã Long Hồ"), role: "focal_officer" }],
  },
  {
    username: "longho.lanhdao",
    fullName: "Huỳnh Văn Lợi",
    workplace: "Chủ tịch UBND xã",
    grants: [{ unit: vlgLocalCode("Xã Long Hồ"), role: "leader" }],
  },
  {
    username: "longho.baocao",
    fullName: "Nguyễn Văn Sang",
    grants: [{ unit: vlgLocalCode("Xã Long Hồ"), role: "unit_reporter" }],
  },
  {
    username: "travinh.daumoi",
    fullName: "Thạch Thị Sa Rây",
    workplace: "Phòng Văn hóa - Xã hội",
    grants: [{ unit: vlgLocalCode("Phường Trà Vinh"), role: "focal_officer" }],
  },
  {
    username: "travinh.baocao",
    fullName: "Kim Văn Tha",
    grants: [{ unit: vlgLocalCode("Phường Trà Vinh"), role: "unit_reporter" }],
  },
];
