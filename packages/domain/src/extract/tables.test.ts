import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";
import { normalizeText } from "./normalize.ts";
import { columnRole } from "./tables.ts";

const plan = (table: string) =>
  `KẾ HOẠCH\nChuyển đổi số huyện Lục Yên năm 2025\nII. NHIỆM VỤ\n${table}\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng báo cáo định kỳ hằng quý.\n`;

describe("task tables", () => {
  it("names the columns of a header", () => {
    expect(columnRole("STT")).toBe("index");
    expect(columnRole("Nội dung nhiệm vụ")).toBe("task");
    expect(columnRole("Cơ quan chủ trì")).toBe("lead");
    expect(columnRole("Đơn vị phối hợp")).toBe("coordinators");
    expect(columnRole("Thời gian hoàn thành")).toBe("deadline");
    expect(columnRole("Xây dựng kho dữ liệu")).toBeNull();
  });

  it("reads rows joined with ' | ' and tabs", () => {
    const r = extractPlan(
      plan(
        "TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n" +
          "1 | Số hóa hồ sơ hộ tịch | Phòng Tư pháp | Ủy ban nhân dân các xã | Quý III/2025\n" +
          "2\tLắp đặt wifi công cộng\tPhòng Kinh tế và Hạ tầng\tCác doanh nghiệp viễn thông\tTháng 9/2025",
      ),
    );
    expect(r.tasks.map((t) => [t.text, t.lead, t.coordinators, t.deadline?.date])).toEqual([
      ["Số hóa hồ sơ hộ tịch", "Phòng Tư pháp", ["Ủy ban nhân dân các xã"], "2025-09-30"],
      ["Lắp đặt wifi công cộng", "Phòng Kinh tế và Hạ tầng", ["Các doanh nghiệp viễn thông"], "2025-09-30"],
    ]);
  });

  it("reads one cell per line with wrapped cells and a page number inside", () => {
    const r = extractPlan(
      plan(
        [
          "STT",
          "Nhiệm vụ",
          "Cơ quan chủ trì",
          "Cơ quan phối hợp",
          "Thời gian thực hiện",
          "1",
          "Xây dựng bản đồ số các điểm du lịch của",
          "huyện trên nền tảng số",
          "Phòng Văn hóa và Thông tin",
          "Các doanh nghiệp du lịch",
          "Năm 2025",
          "7",
          "2",
          "Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng",
          "Phòng Văn hóa và Thông tin",
          "Thường xuyên",
        ].join("\n"),
      ),
    );
    expect(r.tasks.map((t) => [t.text, t.lead, t.coordinators, t.deadline?.text])).toEqual([
      [
        "Xây dựng bản đồ số các điểm du lịch của huyện trên nền tảng số",
        "Phòng Văn hóa và Thông tin",
        ["Các doanh nghiệp du lịch"],
        "Năm 2025",
      ],
      ["Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng", "Phòng Văn hóa và Thông tin", [], "Thường xuyên"],
    ]);
  });

  it("maps a row's task text back to the source", () => {
    const src = plan(
      "TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian\n1 | Số hóa hồ sơ | Phòng Tư pháp | Năm 2025",
    );
    const n = normalizeText(src);
    const row = n.blocks.find((b) => b.cells);
    expect(row?.text).toBe("Số hóa hồ sơ");
    expect(n.sourceText.slice(row?.start, row?.end)).toBe("Số hóa hồ sơ");
  });

  it("leaves a plain numbered list alone", () => {
    const n = normalizeText(plan("1. Số hóa hồ sơ hộ tịch.\n2. Lắp đặt wifi công cộng."));
    expect(n.blocks.some((b) => b.cells)).toBe(false);
  });
});
