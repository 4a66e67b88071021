import { describe, expect, it } from "vitest";
import { blockSpan, normalizeText } from "./normalize.ts";

const texts = (raw: string) => normalizeText(raw).blocks.map((b) => b.text);

describe("normalizeText", () => {
  it("composes decomposed Unicode (NFD) into NFC", () => {
    const nfd = "I. MỤC TIÊU\n- 100% hồ sơ được xử lý.".normalize("NFD");
    const n = normalizeText(nfd);
    expect(n.sourceText).toBe(n.sourceText.normalize("NFC"));
    expect(n.blocks[1].text).toBe("- 100% hồ sơ được xử lý.");
  });

  it("joins PDF wraps separated by blank lines into one paragraph per bullet", () => {
    const raw = [
      "- 100% văn bản trao đổi giữa các cơ quan nhà nước được thực hiện hoàn toàn ",
      "",
      "dưới dạng điện tử. ",
      "",
      "- 90% người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính.",
    ].join("\n");
    expect(texts(raw)).toEqual([
      "- 100% văn bản trao đổi giữa các cơ quan nhà nước được thực hiện hoàn toàn dưới dạng điện tử.",
      "- 90% người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính.",
    ]);
  });

  it("drops stray page numbers between wrapped lines", () => {
    const raw =
      "Phòng Văn hóa và Thông tin phối hợp các doanh nghiệp cung cấp dịch vụ viễn\n\n12\n\nthông phát triển hạ tầng số.";
    expect(texts(raw)).toEqual([
      "Phòng Văn hóa và Thông tin phối hợp các doanh nghiệp cung cấp dịch vụ viễn thông phát triển hạ tầng số.",
    ]);
  });

  it("keeps a range split at its dash in one paragraph instead of starting a bullet", () => {
    const raw =
      "Kế hoạch về việc thực hiện chuyển đổi số huyện giai đoạn năm 2021\n- 2025, tầm nhìn đến năm 2030;";
    expect(texts(raw)).toEqual([
      "Kế hoạch về việc thực hiện chuyển đổi số huyện giai đoạn năm 2021 - 2025, tầm nhìn đến năm 2030;",
    ]);
  });

  it("removes a glued footnote marker and the footnote body in the middle of a list", () => {
    const raw = [
      "- Duy trì 100% thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình1.",
      "- 60% dân số trở lên tham gia mua sắm trực tuyến.",
      "1 Là dịch vụ đảm bảo cung cấp toàn bộ thông tin về thủ tục hành chính, việc thực hiện và giải quyết thủ tục hành",
      "chính đều được thực hiện trên môi trường mạng.",
      "- 87% dân số có hồ sơ sức khỏe điện tử.",
    ].join("\n");
    const n = normalizeText(raw);
    expect(n.blocks.map((b) => b.text)).toEqual([
      "- Duy trì 100% thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.",
      "- 60% dân số trở lên tham gia mua sắm trực tuyến.",
      "- 87% dân số có hồ sơ sức khỏe điện tử.",
    ]);
    expect(n.footnotes).toHaveLength(1);
  });

  it("removes a footnote whose marker stands on its own line at the page's foot, before the page number", () => {
    const raw = [
      "- Phát huy lợi thế của phường sau sắp xếp1; phát triển du lịch thông minh.",
      "2.1. Chính quyền số",
      "1",
      "",
      "Phường Lâm Viên được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp một số phường",
      "của thành phố Đà Lạt (cũ).",
      "",
      "\f2",
      "",
      "- Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình đạt 80%.",
    ].join("\n");
    const n = normalizeText(raw);
    expect(n.blocks.map((b) => b.text)).toEqual([
      "- Phát huy lợi thế của phường sau sắp xếp; phát triển du lịch thông minh.",
      "2.1. Chính quyền số",
      "- Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình đạt 80%.",
    ]);
    expect(n.footnotes.map((b) => b.text)).toEqual([
      "Phường Lâm Viên được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp một số phường của thành phố Đà Lạt (cũ).",
    ]);
  });

  it("cuts a footnote body glued to the end of a re-flowed paragraph", () => {
    const long = "x".repeat(10);
    const raw = [
      `- Duy trì 100% thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình1. ${long} ${"a ".repeat(80)}`,
      `- 60% dân số trở lên tham gia mua sắm trực tuyến. 1 Là dịch vụ đảm bảo cung cấp toàn bộ thông tin về thủ tục hành chính ${"b ".repeat(80)}.`,
    ].join("\n\n");
    const n = normalizeText(raw);
    expect(n.paragraphMode).toBe(true);
    expect(n.blocks[1].text).toBe("- 60% dân số trở lên tham gia mua sắm trực tuyến.");
  });

  it("treats one long line per paragraph (.docx text) as already joined", () => {
    const para = `- ${"Tăng cường công tác tuyên truyền về chuyển đổi số ".repeat(5)}.`;
    const n = normalizeText(`${para}\n\nTiếp tục ${"triển khai nền tảng số ".repeat(10)}.\n\n${para}`);
    expect(n.paragraphMode).toBe(true);
    expect(n.blocks).toHaveLength(3);
  });

  it("drops a lone hyperlink line in the middle of a sentence", () => {
    const raw =
      "- Triển khai sử dụng nền tảng điện toán đám mây, trong đó chú trọng bảo đảm Trung tâm dữ liệu\nhttps://dx.mic.gov.vn/\nvà nền tảng dịch vụ điện toán đám mây phục vụ chính quyền số.";
    expect(texts(raw)[0]).not.toContain("https://");
  });

  it("drops a running header repeated on every page", () => {
    const page = "UBND HUYỆN MẪU\n- Tổ chức tập huấn kỹ năng số cho người dân.\n";
    expect(texts(page.repeat(3)).filter((t) => t === "UBND HUYỆN MẪU")).toHaveLength(0);
  });

  it("maps block text offsets back to the normalised source", () => {
    const raw = "Dòng đầu\n\n- 100% văn bản được ký số trên môi trường\n\nmạng điện tử.";
    const n = normalizeText(raw);
    const b = n.blocks[1];
    const at = b.text.indexOf("mạng");
    const span = blockSpan(b, at, at + 4);
    expect(n.sourceText.slice(span.start, span.end)).toBe("mạng");
  });
});
