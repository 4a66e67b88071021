import { describe, expect, it } from "vitest";
import { PlanExtractError } from "./errors.ts";
import { extractPlan } from "./extract-plan.ts";

const PLAN = `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HÒA AN Độc lập - Tự do - Hạnh phúc
Số: 123/KH-UBND Hòa An, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Chuyển đổi số huyện Hòa An giai đoạn 2024 - 2025, định hướng đến năm 2030

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Thực hiện Kế hoạch số 52/KH-UBND ngày 21/02/2024 của UBND tỉnh Cao Bằng.
I. MỤC TIÊU
1. Mục tiêu chung
Phát triển chính quyền số, kinh tế số, xã hội số.
2. Mục tiêu cụ thể
a) Hạ tầng số
- Đến năm 2025, 100% xã có cáp quang; đến năm 2030 phủ 5G 80% khu dân cư.
b) Nhân lực số
- Ít nhất 70% CBCCVC được bồi dưỡng kỹ năng số.
II. NHIỆM VỤ, GIẢI PHÁP
1. Dữ liệu số
- Phòng VH&TT chủ trì, phối hợp với Phòng Nội vụ xây dựng kho dữ liệu dùng chung.
- Thời hạn hoàn thành: Quý II năm 2025.
III. KINH PHÍ THỰC HIỆN
Tổng kinh phí: 2,5 tỷ đồng từ ngân sách huyện.
IV. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo định kỳ hàng quý (trước ngày 20 của tháng cuối quý) về Phòng Văn hóa và Thông tin.

Nơi nhận: KT. CHỦ TỊCH
- Như trên; PHÓ CHỦ TỊCH
- Lưu: VT.

Nguyễn Văn An
`;

describe("extractPlan", () => {
  it("reads the two-column header: issuer, number, place and date, title, period", () => {
    const r = extractPlan(PLAN);
    expect(r).toMatchObject({
      schema: "plan-extract/v1",
      issuer: "Ủy ban nhân dân huyện Hòa An",
      documentNumber: "123/KH-UBND",
      issuedDate: "2024-03-05",
      locality: "huyện Hòa An",
      province: "Cao Bằng",
      period: { start: 2024, end: 2025, vision: 2030 },
    });
    expect(r.title).toBe(
      "Kế hoạch Chuyển đổi số huyện Hòa An giai đoạn 2024 - 2025, định hướng đến năm 2030",
    );
    expect(r.signer?.name).toBe("Nguyễn Văn An");
  });

  it("extracts year-specific targets, objectives, tasks, budget, reporting and units", () => {
    const r = extractPlan(PLAN);
    expect(r.objectives).toEqual(["Phát triển chính quyền số, kinh tế số, xã hội số."]);
    expect(r.targets.map((t) => [t.value, t.year, t.pillar])).toEqual([
      [100, 2025, "infrastructure"],
      [80, 2030, "infrastructure"],
      [70, 2025, "human_resources"],
    ]);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({
      lead: "Phòng Văn hóa và Thông tin",
      coordinators: ["Phòng Nội vụ"],
      deadline: { date: "2025-06-30" },
    });
    expect(r.budget.total).toBe(2500000000);
    expect(r.reporting[0]).toMatchObject({
      frequency: "quarterly",
      due: { day: 20, month: "last-of-period" },
    });
    expect(r.units).toEqual(["Phòng Văn hóa và Thông tin", "Phòng Nội vụ"]);
    expect(r.legalBases.map((b) => b.number)).toEqual(["749/QĐ-TTg", "52/KH-UBND"]);
  });

  it("gives every item a source span into sourceText and a confidence in 0..1", () => {
    const r = extractPlan(PLAN);
    for (const item of [...r.targets, ...r.tasks, ...r.legalBases, ...r.reporting]) {
      expect(item.source.start).toBeGreaterThanOrEqual(0);
      expect(item.source.end).toBeLessThanOrEqual(r.sourceText.length);
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
    const t = r.tasks[0];
    expect(r.sourceText.slice(t.source.start, t.source.end)).toContain("xây dựng kho dữ liệu dùng chung");
  });

  it("warns in Vietnamese about what it could not find", () => {
    const r = extractPlan(
      PLAN.replace("Tổng kinh phí: 2,5 tỷ đồng từ ngân sách huyện.", "Từ ngân sách huyện."),
    );
    expect(r.warnings).toContain("Không tìm thấy tổng kinh phí.");
  });

  it("throws empty_file on blank text", () => {
    expect(() => extractPlan(" \n\t ")).toThrowError(PlanExtractError);
    try {
      extractPlan("");
    } catch (e) {
      expect((e as PlanExtractError).code).toBe("empty_file");
    }
  });

  it("throws not_a_plan with a Vietnamese message on prose without plan structure", () => {
    try {
      extractPlan("Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ và ăn kem.");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanExtractError);
      expect((e as PlanExtractError).code).toBe("not_a_plan");
      expect((e as PlanExtractError).message).toMatch(/^Không tìm thấy cấu trúc kế hoạch/);
    }
  });

  it("never throws anything but PlanExtractError on odd input, and stays fast on 1 MB", () => {
    const odd = [
      "I.",
      "- ",
      "1.\n2.\n3.",
      "III. NHIỆM VỤ\n- (((((",
      "II. MỤC TIÊU\n- 100%%%; ;;; 1.2.3.4.5 %",
      "\u0000\u0301\ud800",
    ];
    for (const s of odd) {
      try {
        extractPlan(s);
      } catch (e) {
        expect(e).toBeInstanceOf(PlanExtractError);
      }
    }
    const big = `III. NHIỆM VỤ\n${"- Phòng Văn hóa và Thông tin phối hợp với Sở A, Sở B triển khai 100% hồ sơ; ".repeat(12000)}`;
    // Its speed is the benchmark's to measure (`npm run bench`); here, that it finishes with the tasks.
    expect(extractPlan(big).tasks.length).toBeGreaterThan(0);
  });
});
