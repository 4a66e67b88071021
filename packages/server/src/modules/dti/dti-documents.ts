import type { TDtiAssessment, TDtiRanking, TDtiScoreNode } from "@dtplan/contracts";
import { AlignmentType, Paragraph } from "docx";
import {
  centred,
  type DocColumn,
  dataTable,
  MARGIN,
  mm,
  officialDocx,
  officialHeader,
  PAGE,
  rule,
  run,
  SIZE,
} from "../consolidated/render-docx.ts";
import { lowerFirst, officialName, viNumber } from "../consolidated/vi-format.ts";
import { type Column, NUMBER_FORMATS, toXlsx } from "../exports/tabular.ts";

type Row = TDtiRanking["rows"][number];
const rankText = (n: number) => String(n);
const change = (r: Row) => (r.previous ? r.previous.change : null);

/** Xếp hạng as .xlsx: one row per unit, columns per pillar and main index, with the basis above. */
export async function rankingWorkbook(ranking: TDtiRanking): Promise<Buffer> {
  const columns: Column<Row>[] = [
    { key: "rank", header: "Xếp hạng", value: (r) => r.rank, width: 9, numFmt: NUMBER_FORMATS.integer },
    { key: "unit", header: "Đơn vị", value: (r) => r.unit.name, width: 36 },
    { key: "total", header: "Tổng điểm", value: (r) => r.total, width: 11, numFmt: NUMBER_FORMATS.decimal },
    {
      key: "maxPoints",
      header: "Điểm tối đa",
      value: (r) => r.maxPoints,
      width: 11,
      numFmt: NUMBER_FORMATS.decimal,
    },
    { key: "normalised", header: "Chỉ số (0–1)", value: (r) => r.normalised, width: 12, numFmt: "0.0000" },
    ...ranking.pillars.flatMap((c, i): Column<Row>[] => [
      {
        key: `pillar_${c.code}`,
        header: `${c.name} (0–1)`,
        value: (r) => r.pillars[i]?.normalised ?? null,
        width: 14,
        numFmt: "0.0000",
      },
      {
        key: `pillarRank_${c.code}`,
        header: `Hạng ${c.name}`,
        value: (r) => r.pillars[i]?.rank ?? null,
        width: 10,
      },
    ]),
    ...ranking.indices.map(
      (c, i): Column<Row> => ({
        key: `index_${c.code}`,
        header: `${c.code}. ${c.name} (${viNumber(c.maxPoints)} điểm)`,
        value: (r) => r.indices[i]?.points ?? null,
        width: 14,
        numFmt: NUMBER_FORMATS.decimal,
      }),
    ),
    {
      key: "previous",
      header: "Chỉ số năm trước (0–1)",
      value: (r) => r.previous?.normalised ?? null,
      width: 14,
      numFmt: "0.0000",
    },
    { key: "change", header: "Thay đổi", value: change, width: 10, numFmt: "+0.0000;-0.0000;0" },
    {
      key: "basis",
      header: "So sánh với",
      value: (r) =>
        r.previous
          ? r.previous.basis === "same"
            ? "Chính đơn vị"
            : `Trung bình: ${r.previous.predecessors.map((p) => p.name).join(", ")}`
          : null,
      width: 30,
    },
  ];
  return toXlsx(
    [
      {
        name: "Xếp hạng",
        title: `${ranking.round.name} — ${ranking.round.framework.name}. ${ranking.basis}`,
        columns,
        rows: ranking.rows,
      },
    ],
    { title: ranking.round.name },
  );
}

interface SheetRow {
  code: string;
  name: string;
  depth: number;
  maxPoints: number;
  selfPoints: number | null;
  verifiedPoints: number | null;
  points: number;
  detail: string;
}

/** Bảng điểm of one unit as .xlsx: the tree with self and verified scores, and every criterion's entry. */
export async function scoresheetWorkbook(a: TDtiAssessment): Promise<Buffer> {
  const criteria = new Map(a.criteria.map((c) => [c.code, c]));
  const rows: SheetRow[] = [];
  const walk = (nodes: readonly TDtiScoreNode[], depth: number) => {
    for (const n of nodes) {
      const c = criteria.get(n.code);
      const detail = c
        ? [
            c.automatic
              ? `Tự động: ${c.automatic.indicatorName} = ${c.automatic.value ?? "—"}${c.automatic.periodLabel ? ` (báo cáo ${c.automatic.periodLabel})` : ""}`
              : "",
            c.entry.level ? `Mức: ${c.entry.level}` : "",
            c.entry.numerator !== null || c.entry.denominator !== null
              ? `a/b: ${c.entry.numerator ?? "—"}/${c.entry.denominator ?? "—"}`
              : "",
            c.entry.value !== null && !c.automatic ? `Số liệu: ${c.entry.value}` : "",
            c.entry.achieved !== null ? (c.entry.achieved ? "Có" : "Không") : "",
            c.entry.explanation,
            c.entry.evidence.length ? `Minh chứng: ${c.entry.evidence.map((e) => e.label).join("; ")}` : "",
            c.verification
              ? `Thẩm định: ${c.verification.outcome === "accepted" ? "chấp nhận" : c.verification.outcome === "adjusted" ? "điều chỉnh" : "trả lại"}${c.verification.comment ? ` — ${c.verification.comment}` : ""}`
              : "",
          ]
            .filter(Boolean)
            .join("\n")
        : "";
      rows.push({
        code: n.code,
        name: `${"   ".repeat(depth)}${n.name}`,
        depth,
        maxPoints: n.maxPoints,
        selfPoints: n.selfPoints,
        verifiedPoints: n.verifiedPoints,
        points: n.points,
        detail,
      });
      walk(n.children, depth + 1);
    }
  };
  walk(a.scores, 0);
  return toXlsx(
    [
      {
        name: "Bảng điểm",
        title: `Bảng điểm ${a.unit.name} — ${a.round.name}: ${viNumber(a.total.points)}/${viNumber(a.total.maxPoints)} điểm (chỉ số ${a.total.normalised})`,
        rows,
        columns: [
          { key: "code", header: "Mã", value: (r) => r.code, width: 9 },
          { key: "name", header: "Chỉ số, tiêu chí", value: (r) => r.name, width: 50, wrap: true },
          {
            key: "maxPoints",
            header: "Điểm tối đa",
            value: (r) => r.maxPoints,
            width: 11,
            numFmt: NUMBER_FORMATS.decimal,
          },
          {
            key: "selfPoints",
            header: "Tự đánh giá",
            value: (r) => r.selfPoints,
            width: 11,
            numFmt: NUMBER_FORMATS.decimal,
          },
          {
            key: "verifiedPoints",
            header: "Thẩm định",
            value: (r) => r.verifiedPoints,
            width: 11,
            numFmt: NUMBER_FORMATS.decimal,
          },
          {
            key: "points",
            header: "Điểm tính xếp hạng",
            value: (r) => r.points,
            width: 12,
            numFmt: NUMBER_FORMATS.decimal,
          },
          {
            key: "detail",
            header: "Số liệu, thuyết minh, minh chứng, thẩm định",
            value: (r) => r.detail,
            width: 70,
            wrap: true,
          },
        ],
      },
    ],
    { title: `Bảng điểm ${a.unit.name}` },
  );
}

/**
 * Phụ lục kèm theo quyết định công bố kết quả: the ranking table in the Decree 30 layout
 * (issuing body and national title, annex heading with the decision line left blank to be
 * filled by hand, bordered table with its header repeated), A4 landscape for its columns.
 */
export async function annexDocx(ranking: TDtiRanking, provinceName: string): Promise<Buffer> {
  const page = { width: PAGE.height, height: PAGE.width };
  const textWidth = page.width - MARGIN.left - MARGIN.right;
  const province = officialName(provinceName);
  const header = officialHeader(textWidth, [
    centred("ỦY BAN NHÂN DÂN", { bold: true, size: SIZE.header }),
    centred(province.toLocaleUpperCase("vi"), { bold: true, size: SIZE.header }),
  ]);
  const columns: DocColumn<Row>[] = [
    { header: "STT", width: 5, align: "center", value: (r) => String(ranking.rows.indexOf(r) + 1) },
    { header: "Đơn vị", width: 24, align: "left", value: (r) => r.unit.name },
    ...ranking.indices.map((c, i) => ({
      header: `${c.name} (${viNumber(c.maxPoints)})`,
      width: Math.max(7, Math.floor(50 / Math.max(1, ranking.indices.length))),
      align: "center" as const,
      value: (r: Row) => viNumber(r.indices[i]?.points ?? 0),
    })),
    { header: "Tổng điểm", width: 9, align: "center", value: (r) => viNumber(r.total) },
    {
      header: "Chỉ số (0–1)",
      width: 9,
      align: "center",
      value: (r) => r.normalised.toFixed(4).replace(".", ","),
    },
    { header: "Xếp hạng", width: 7, align: "center", value: (r) => rankText(r.rank) },
  ];
  const table = dataTable(textWidth, columns, ranking.rows);
  const basis = new Paragraph({
    spacing: { before: 120, after: 0 },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(`Ghi chú: ${ranking.basis}`, { italics: true, size: SIZE.recipients })],
  });
  const children = [
    header,
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred("Phụ lục", { bold: true }),
    centred(
      `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM ${ranking.round.year}`.toLocaleUpperCase("vi"),
      { bold: true },
    ),
    centred(ranking.round.framework.name, { bold: true }),
    centred(
      `(Kèm theo Quyết định số        /QĐ-UBND ngày     tháng     năm ${ranking.round.year + 1} của Ủy ban nhân dân ${lowerFirst(province)})`,
      { italics: true },
    ),
    rule(textWidth, mm(45)),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
    table,
    basis,
  ];
  return officialDocx(`Phụ lục — ${ranking.round.name}`, children, { landscape: true });
}
