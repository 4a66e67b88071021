import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.ts";
import { buildOutline } from "./outline.ts";
import { findCoordinators, findLead, inlineDeadline, tasksFromSection } from "./tasks.ts";

function section(raw: string) {
  const outline = buildOutline(normalizeText(raw).blocks);
  let id = 0;
  return tasksFromSection(outline.roots[0], { fallbackYear: 2025, nextId: () => `K${++id}`, warnings: [] })
    .tasks;
}

describe("task lead and coordinators", () => {
  it("takes the unit before 'chủ trì' / 'tham mưu' as lead", () => {
    expect(
      findLead("Phòng Văn hoá và Thông tin chủ trì phối hợp Sở Thông tin và Truyền thông tổ chức tập huấn.")
        .lead,
    ).toBe("Phòng Văn hóa và Thông tin");
    expect(
      findLead("Công an huyện tham mưu phối hợp công an tỉnh thúc đẩy định danh điện tử."),
    ).toMatchObject({
      lead: "Công an huyện",
      coordinators: ["Công an tỉnh"],
    });
  });

  it("knows the units named since 2025 and schools as coordinators", () => {
    expect(
      findLead("Thuế tỉnh Tây Ninh chủ trì, phối hợp với các cơ sở đào tạo triển khai hóa đơn điện tử."),
    ).toMatchObject({ lead: "Thuế tỉnh Tây Ninh", coordinators: ["Các cơ sở đào tạo"] });
    expect(findLead("Báo và Phát thanh, Truyền hình Gia Lai tuyên truyền về chuyển đổi số.").lead).toBe(
      "Báo và Phát thanh, Truyền hình Gia Lai",
    );
    expect(
      findCoordinators("Phòng Kinh tế phối hợp với Agribank chi nhánh Thanh Ba triển khai mã QR."),
    ).toEqual(["Agribank chi nhánh Thanh Ba"]);
  });

  it("keeps a joint subject as one lead", () => {
    expect(
      findLead("Các Phòng, ban, ngành huyện và UBND các xã, thị trấn chủ động xây dựng kế hoạch.").lead,
    ).toBe("Các Phòng, ban, ngành huyện và Ủy ban nhân dân các xã, thị trấn");
  });

  it("reads a lead before a colon", () => {
    expect(
      findLead(
        "Ủy ban nhân dân các xã, thị trấn: Phối hợp với các ngân hàng, tổ chức tín dụng làm thẻ cho người dân.",
      ),
    ).toMatchObject({
      lead: "Ủy ban nhân dân các xã, thị trấn",
      coordinators: ["Các ngân hàng, tổ chức tín dụng"],
    });
  });

  it("reads 'Đơn vị chủ trì: …; đơn vị phối hợp: …' written out", () => {
    expect(
      findLead(
        "Xây dựng kho dữ liệu dùng chung. Đơn vị chủ trì: Phòng Nội vụ; đơn vị phối hợp: Phòng Tư pháp, Công an huyện.",
      ),
    ).toMatchObject({
      lead: "Phòng Nội vụ",
      coordinators: ["Phòng Tư pháp", "Công an huyện"],
    });
  });

  it("reads a lead in a closing parenthesis", () => {
    expect(
      findLead(
        "Tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia (Phòng Văn hóa và Thông tin chủ trì, phối hợp các xã).",
      ).lead,
    ).toBe("Phòng Văn hóa và Thông tin");
  });

  it("has no lead when the item starts with a verb", () => {
    expect(findLead("Tiếp tục chỉ đạo các ban, ngành tăng cường tuyên truyền.").lead).toBeNull();
  });

  it("finds several 'phối hợp (với)' groups and stops at the verb", () => {
    expect(
      findCoordinators(
        "Phòng Kinh tế và Hạ tầng phối hợp với Phòng tài chính – Kế hoạch và Phòng Văn hoá và Thông tin phối hợp các đơn vị cung cấp dịch vụ viễn thông triển khai hỗ trợ doanh nghiệp.",
      ),
    ).toEqual([
      "Phòng Tài chính – Kế hoạch",
      "Phòng Văn hóa và Thông tin",
      "Các doanh nghiệp cung cấp dịch vụ viễn thông",
    ]);
    expect(findCoordinators("Phối hợp tổ chức tập huấn cho người dân.")).toEqual([]);
  });

  it("reads an explicit deadline inside an item", () => {
    expect(
      inlineDeadline("Tổ chức hưởng ứng Ngày Chuyển đổi số quốc gia (vào ngày 10/10/2023).", 2023)?.date,
    ).toBe("2023-10-10");
    expect(inlineDeadline("Hoàn thành trước 30/6/2025.", 2025)?.date).toBe("2025-06-30");
    expect(inlineDeadline("Tổ chức các hoạt động nhân ngày chuyển đổi số 10/10/2024.", 2024)).toBeNull();
  });
});

describe("task sections", () => {
  it("applies 'Thời hạn hoàn thành' to every item of its section and does not make it a task", () => {
    const tasks = section(
      "III. NHIỆM VỤ, GIẢI PHÁP\n1. Hạ tầng số\n- Phòng Văn hóa và Thông tin rà soát hạ tầng mạng.\n- Các xã nâng cấp máy tính.\n- Thời hạn hoàn thành: Quý I năm 2025.\n2. Dữ liệu số\n- Phòng Nội vụ số hóa hồ sơ.",
    );
    expect(tasks.map((t) => t.deadline?.date ?? null)).toEqual(["2025-03-31", "2025-03-31", null]);
    expect(tasks.map((t) => t.section)).toEqual(["III.1 Hạ tầng số", "III.1 Hạ tầng số", "III.2 Dữ liệu số"]);
    expect(tasks.map((t) => t.pillar)).toEqual(["infrastructure", "infrastructure", "data"]);
  });

  it("gives each group of items the deadline line that closes it, even after a full-width last line", () => {
    // The bullets' last lines fill the page's width, as PDF and Word text often does: the
    // deadline line after them is still the group's own line, not a wrapped sentence.
    const long =
      "rà soát, nâng cấp hạ tầng mạng, máy tính, thiết bị tường lửa tại trụ sở và các điểm phục vụ.";
    const tasks = section(
      [
        "III. NHIỆM VỤ, GIẢI PHÁP",
        `- Phòng Kinh tế ${long}`,
        `- Văn phòng HĐND và UBND xã ${long}`,
        "Thời hạn hoàn thành: 30/6/2025.",
        `- Công an xã ${long}`,
        "Thời gian thực hiện: Quý II - Quý III/2025.",
      ].join("\n"),
    );
    expect(tasks.map((t) => t.deadline?.date ?? null)).toEqual(["2025-06-30", "2025-06-30", "2025-09-30"]);
    expect(tasks.every((t) => !/Thời (?:hạn|gian)/u.test(t.text))).toBe(true);
  });

  it("makes '+' sub-bullets the tasks and gives them the lead of their intro bullet", () => {
    const tasks = section(
      "III. NHIỆM VỤ\n1. Chính quyền số\n- Phòng Văn hóa và Thông tin chủ trì thực hiện các nội dung sau:\n+ Nâng cấp cổng thông tin điện tử.\n+ Triển khai hệ thống họp trực tuyến.",
    );
    expect(tasks.map((t) => t.lead)).toEqual(["Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin"]);
    expect(tasks).toHaveLength(2);
  });

  it("marks items under a 'Giải pháp' heading as solutions and reads attribute lines under an item", () => {
    const tasks = section(
      "IV. GIẢI PHÁP\n1. Hợp tác\n- Ký kết thỏa thuận hợp tác với doanh nghiệp viễn thông.\n+ Đơn vị chủ trì: Phòng Văn hóa và Thông tin\n+ Thời gian thực hiện: tháng 6/2025",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: "solution",
      lead: "Phòng Văn hóa và Thông tin",
      pillar: "cooperation",
    });
    expect(tasks[0].deadline?.date).toBe("2025-06-30");
  });

  it("takes the pillar from the content when the heading names none, with lower confidence", () => {
    const tasks = section(
      "III. NHIỆM VỤ\n1. Nhiệm vụ trọng tâm\n- Phòng Văn hóa và Thông tin triển khai phủ sóng 5G và cáp quang băng rộng.",
    );
    expect(tasks[0].pillar).toBe("infrastructure");
    expect(tasks[0].confidence).toBeLessThan(0.8);
  });
});

describe("an item closing with its own attributes", () => {
  it("reads '(X chủ trì, phối hợp Y; time)' and '(X thực hiện; Z theo dõi; time)'", () => {
    const t = section(
      "III. NHIỆM VỤ\n1. Chính quyền số\n- Triển khai hóa đơn điện tử cho hộ kinh doanh (Thuế tỉnh Tây Ninh chủ trì, phối hợp UBND các xã, phường; hoàn thành năm 2026).\n- Phủ sóng 5G vùng biên giới (Các doanh nghiệp viễn thông thực hiện; Sở Khoa học và Công nghệ theo dõi, hướng dẫn; giai đoạn 2026 - 2028).\n- Duy trì Tổ công nghệ số cộng đồng (UBND các xã, phường thực hiện; thường xuyên).",
    );
    expect(t.map((x) => [x.lead, x.coordinators, x.deadline])).toEqual([
      ["Thuế tỉnh Tây Ninh", ["Ủy ban nhân dân các xã, phường"], { text: "năm 2026", date: "2026-12-31" }],
      ["Các doanh nghiệp viễn thông", [], { text: "giai đoạn 2026 - 2028", date: "2028-12-31" }],
      ["Ủy ban nhân dân các xã, phường", [], { text: "thường xuyên", date: null }],
    ]);
  });
});

describe("post-2025 task sections", () => {
  it("leaves out the sentence pointing to the appendix and stops a unit at its verb", () => {
    const t = section(
      "III. NHIỆM VỤ\n1. Nhiệm vụ\nNăm 2026, tỉnh triển khai 26 nhiệm vụ (chi tiết tại Phụ lục I).\n2. Hạ tầng số\n- Phòng Kinh tế phối hợp với VNPT Phú Thọ, Viettel Phú Thọ khảo sát, đề xuất lắp đặt trạm BTS.",
    );
    expect(t.map((x) => [x.lead, x.coordinators])).toEqual([
      ["Phòng Kinh tế", ["VNPT Phú Thọ", "Viettel Phú Thọ"]],
    ]);
  });
});

describe("item-then-attributes layouts", () => {
  it("reads '+ Chủ trì:', '+ Phối hợp:', '+ Thời gian:' under an item as its attributes, never as tasks", () => {
    const t = section(
      "II. NHIỆM VỤ\n1. Chính quyền số\na) Số hóa hồ sơ hộ tịch của xã.\n+ Chủ trì: Công an xã.\n+ Phối hợp: Văn phòng HĐND và UBND xã; Phòng Văn hóa - Xã hội.\n+ Thời gian: Quý II/2026.\nb) Lắp camera an ninh tại các thôn.\n- Cơ quan chủ trì: Công an xã\n- Cơ quan phối hợp thực hiện: Phòng Kinh tế\n- Sản phẩm: 20 camera\n- Thời gian thực hiện: Năm 2026",
    );
    expect(t.map((x) => [x.text, x.lead, x.coordinators, x.deadline?.date])).toEqual([
      [
        "Số hóa hồ sơ hộ tịch của xã.",
        "Công an xã",
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"],
        "2026-06-30",
      ],
      ["Lắp camera an ninh tại các thôn.", "Công an xã", ["Phòng Kinh tế"], "2026-12-31"],
    ]);
  });
});
