import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.ts";
import { comparatorFor, findFigures, type TargetContext, targetsFromBlock } from "./targets.ts";

const ctx: TargetContext = {
  pillar: "digital_government",
  pillarFromHeading: true,
  year: 2025,
  section: "II.2 Chính quyền số",
};

function targets(line: string, c: Partial<TargetContext> = {}) {
  const block = normalizeText(line).blocks[0];
  let id = 0;
  return targetsFromBlock(block, line.startsWith("- ") ? 2 : 0, { ...ctx, ...c }, () => `T${++id}`);
}

describe("targets", () => {
  it("splits a sentence with two figures into two targets", () => {
    const t = targets(
      "- 90% hồ sơ công việc tại cấp huyện và 80% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.",
    );
    expect(t.map((x) => x.value)).toEqual([90, 80]);
    expect(t.map((x) => x.scope)).toEqual(["cấp huyện", "cấp xã"]);
  });

  it("gives each year its own target: 'đến hết năm 2022 … 15%; đến hết năm 2025 … 20%'", () => {
    const t = targets("- Kinh tế số đến hết năm 2022 chiếm 15% GRDP; đến hết năm 2025 chiếm 20% GRDP.");
    expect(t.map((x) => [x.value, x.year])).toEqual([
      [15, 2022],
      [20, 2025],
    ]);
  });

  it("does not take the start of a span or a baseline year for the target's year", () => {
    expect(
      targets("- Số hóa 100% sổ hộ tịch lưu trữ tại xã từ năm 2000 đến nay.").map((x) => x.year),
    ).toEqual([2025]);
    expect(
      targets("- Doanh thu thương mại điện tử tăng 20% so với năm 2024.", { year: 2026 }).map((x) => x.year),
    ).toEqual([2026]);
    expect(targets("- Từ năm 2021 đến năm 2027, 100% xã có Tổ công nghệ số.").map((x) => x.year)).toEqual([
      2027,
    ]);
  });

  it("names what is measured in each part of 'Subject: năm 2026 đạt 65%, năm 2028 đạt 80%', with the part's year", () => {
    const t = targets(
      "- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình: năm 2026 đạt 65%, năm 2028 đạt 80%, năm 2030 đạt trên 90%.",
    );
    expect(t.map((x) => [x.text, x.value, x.year, x.comparator])).toEqual([
      [
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình: năm 2026 đạt 65%",
        65,
        2026,
        ">=",
      ],
      [
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình: năm 2028 đạt 80%",
        80,
        2028,
        ">=",
      ],
      [
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình: năm 2030 đạt trên 90%.",
        90,
        2030,
        ">",
      ],
    ]);
  });

  it("reads a time limit as a figure: 'tối đa 24 giờ'", () => {
    const t = targets("- Thời gian khắc phục sự cố an toàn thông tin mạng cấp độ 3 trở lên tối đa 24 giờ.");
    expect(t.map((x) => [x.value, x.unit, x.comparator])).toEqual([[24, "giờ", "<="]]);
    expect(targets("- Tổ chức tập huấn trong 2 giờ mỗi tháng cho cán bộ.").map((x) => x.value)).toEqual([
      null,
    ]);
  });

  it("keeps a figure-less sentence as one qualitative target, even with several clauses", () => {
    const t = targets("- Triển khai hội nghị truyền hình cấp huyện; mô hình phòng họp không giấy.");
    expect(t).toHaveLength(1);
    expect(t[0].value).toBeNull();
    expect(t[0].comparator).toBeNull();
  });

  it("makes a qualitative sentence beside a figure its own target", () => {
    const t = targets(
      "- 100% hoạt động chỉ đạo được thực hiện trên môi trường mạng. Đảm bảo Trung tâm điều hành thông minh hoạt động xuyên suốt.",
    );
    expect(t.map((x) => x.value)).toEqual([100, null]);
  });

  it("reads comparators: tối thiểu/ít nhất/trở lên → >=, trên/hơn → >, tối đa/không quá/dưới → <=", () => {
    expect(comparatorFor("Tối thiểu ", "")).toBe(">=");
    expect(comparatorFor("Ít nhất ", "")).toBe(">=");
    expect(comparatorFor("", " trở lên")).toBe(">=");
    expect(comparatorFor("đạt trên ", "")).toBe(">");
    expect(comparatorFor("hơn ", "")).toBe(">");
    expect(comparatorFor("không quá ", "")).toBe("<=");
    expect(comparatorFor("dưới ", "")).toBe("<=");
  });

  it("reads growth rates and figures with a unit word", () => {
    expect(targets("- Năng suất lao động hằng năm tăng tối thiểu 7%.")[0]).toMatchObject({
      value: 7,
      unit: "%",
      comparator: ">=",
    });
    expect(findFigures("tốc độ mạng di động đạt tối thiểu 40 Mbps")[0]).toMatchObject({
      value: 40,
      unit: "Mbps",
    });
  });

  it("does not take years, dates, ages or document numbers for figures", () => {
    expect(
      findFigures("dân số từ 15 tuổi trở lên, giai đoạn 2021 - 2025, Chỉ thị 14/CT-TTg, ngày 10/10/2024"),
    ).toEqual([]);
  });

  it("drops a 'Về …:' label but keeps a subject label", () => {
    expect(
      targets(
        "- Về dịch vụ công trực tuyến (DVCTT): 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến.",
      )[0].text,
    ).toBe("100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến.");
  });

  it("reads a decimal comma and ignores a year inside a quoted scheme name", () => {
    const t = targets(
      "- Phối hợp triển khai Đề án “Phát triển dữ liệu dân cư giai đoạn 2022 - 2025, tầm nhìn đến năm 2030”.",
      { year: 2024 },
    );
    expect(t[0].year).toBe(2024);
    expect(targets("- 87,5% dân số có hồ sơ sức khỏe điện tử.")[0].value).toBe(87.5);
  });

  it("points each target at its clause in the source", () => {
    const raw = "- 100% doanh nghiệp nộp thuế điện tử; 10% doanh nghiệp nhỏ và vừa sử dụng nền tảng số.";
    const n = normalizeText(raw);
    let id = 0;
    const t = targetsFromBlock(n.blocks[0], 2, ctx, () => `T${++id}`);
    expect(n.sourceText.slice(t[1].source.start, t[1].source.end)).toBe(
      "10% doanh nghiệp nhỏ và vừa sử dụng nền tảng số.",
    );
  });
});
