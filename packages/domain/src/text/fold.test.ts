import { describe, expect, it } from "vitest";
import {
  expandAbbreviations,
  FOLD_TRANSLATION,
  foldedTokens,
  foldVietnamese,
  matchTokens,
  similarity,
} from "./fold.ts";

describe("foldVietnamese", () => {
  it("folds old and new tone placement to the same text", () => {
    expect(foldVietnamese("hoá")).toBe(foldVietnamese("hóa"));
    expect(foldVietnamese("Uỷ ban")).toBe(foldVietnamese("Ủy ban"));
    expect(foldVietnamese("Ủy ban")).toBe("uy ban");
  });

  it("folds decomposed Unicode from PDFs like composed text", () => {
    expect(foldVietnamese("Chuyển đổi số".normalize("NFD"))).toBe("chuyen doi so");
  });

  it("turns đ into d in both cases", () => {
    expect(foldVietnamese("Đồng Tháp đổi")).toBe("dong thap doi");
  });

  it("collapses punctuation and whitespace into single spaces", () => {
    expect(foldVietnamese("  Phòng Tài chính – Kế hoạch,\n (huyện)  ")).toBe(
      "phong tai chinh ke hoach huyen",
    );
    expect(foldedTokens(" ; ")).toEqual([]);
  });
});

describe("expandAbbreviations", () => {
  it("spells out unit abbreviations keeping proper-name capitals", () => {
    expect(expandAbbreviations("Phòng VH&TT chủ trì")).toBe("Phòng Văn hóa và Thông tin chủ trì");
    expect(expandAbbreviations("UBND các xã")).toBe("Ủy ban nhân dân các xã");
    expect(expandAbbreviations("Văn phòng HĐND và UBND huyện")).toBe(
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
    );
    expect(expandAbbreviations("Phòng TC-KH")).toBe("Phòng Tài chính – Kế hoạch");
    expect(expandAbbreviations("Phòng KT&HT")).toBe("Phòng Kinh tế và Hạ tầng");
    expect(expandAbbreviations("Sở TT&TT, Sở KH&CN")).toBe(
      "Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ",
    );
    expect(expandAbbreviations("BCĐ CĐS huyện")).toBe("Ban Chỉ đạo chuyển đổi số huyện");
    expect(expandAbbreviations("Ủy ban MTTQ")).toBe("Ủy ban Mặt trận Tổ quốc");
  });

  it("keeps common-noun expansions lower-case except at a sentence start", () => {
    expect(expandAbbreviations("ứng dụng CNTT")).toBe("ứng dụng công nghệ thông tin");
    expect(expandAbbreviations("CNTT phát triển. TTHC đơn giản")).toBe(
      "Công nghệ thông tin phát triển. Thủ tục hành chính đơn giản",
    );
    expect(expandAbbreviations("- DVCTT toàn trình")).toBe("- Dịch vụ công trực tuyến toàn trình");
    expect(expandAbbreviations("100% CBCCVC")).toBe("100% cán bộ, công chức, viên chức");
  });

  it("matches whole tokens only", () => {
    expect(expandAbbreviations("CNTTX và XUBND")).toBe("CNTTX và XUBND");
    expect(expandAbbreviations("Sở VHTT&DL")).toBe("Sở VHTT&DL");
  });

  it("accepts spaces around '&' and either dash inside a form", () => {
    expect(expandAbbreviations("Phòng VH & TT")).toBe("Phòng Văn hóa và Thông tin");
    expect(expandAbbreviations("Phòng TC – KH")).toBe("Phòng Tài chính – Kế hoạch");
    expect(expandAbbreviations("Văn phòng HĐND&UBND huyện")).toBe(
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
    );
  });

  it("expands hyphenated forms but never across a line break", () => {
    expect(expandAbbreviations("HĐND\n- UBND các xã")).toBe("Hội đồng nhân dân\n- Ủy ban nhân dân các xã");
    expect(expandAbbreviations("Sở KH-CN và Sở TT-TT")).toBe(
      "Sở Khoa học và Công nghệ và Sở Thông tin và Truyền thông",
    );
  });

  it("leaves document numbers alone", () => {
    expect(expandAbbreviations("Kế hoạch số 1118/KH-UBND")).toBe("Kế hoạch số 1118/KH-UBND");
    expect(expandAbbreviations("Công văn 56/UBND-VX")).toBe("Công văn 56/UBND-VX");
  });

  it("accepts decomposed input and lower-case forms", () => {
    expect(expandAbbreviations("hđnd huyện".normalize("NFD"))).toBe("Hội đồng nhân dân huyện");
  });
});

describe("similarity", () => {
  it("is 1 for the same name however it is written", () => {
    expect(similarity("Phòng VH&TT", "phòng văn hoá và thông tin")).toBe(1);
    expect(similarity("UBND huyện", "Uỷ ban nhân dân huyện")).toBe(1);
  });

  it("is 0 when nothing is shared or a side is empty", () => {
    expect(similarity("Công an", "Trường học")).toBe(0);
    expect(similarity("", "Công an")).toBe(0);
  });

  it("ranks a closer name above a looser one", () => {
    const target = "Phòng Văn hóa và Thông tin";
    expect(similarity(target, "Phòng Văn hóa - Thông tin huyện")).toBeGreaterThan(
      similarity(target, "Trung tâm Văn hóa, Thể thao và Truyền thanh"),
    );
  });

  it("expands abbreviations before tokenising", () => {
    expect(matchTokens("TTHC")).toEqual(["thu", "tuc", "hanh", "chinh"]);
  });
});

describe("FOLD_TRANSLATION", () => {
  // What SQL's translate(lower(normalize(s, NFD)), from, to) does, character by character.
  const translate = (s: string) =>
    [...s.normalize("NFD").toLowerCase()]
      .map((ch) => {
        const i = FOLD_TRANSLATION.from.indexOf(ch);
        return i < 0 ? ch : (FOLD_TRANSLATION.to[i] ?? "");
      })
      .join("");

  it("folds each letter as foldVietnamese does, old and new tone placement alike", () => {
    for (const s of ["Uỷ ban", "Ủy ban", "Văn hoá", "văn hóa", "ĐỒNG THÁP", "Quảng Ngãi", "Ưu tiên"]) {
      expect(translate(s)).toBe(foldVietnamese(s));
    }
    expect(translate("Chuyển đổi số".normalize("NFD"))).toBe("chuyen doi so");
    expect(translate("Trường Sa, Hoàng Sa")).toBe("truong sa, hoang sa");
  });
});
