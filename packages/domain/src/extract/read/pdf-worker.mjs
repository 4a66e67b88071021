// PDF glyph extraction, run in a worker thread (see pdf-glyphs.ts for why).
// Plain JavaScript on purpose: under tsx's loader, importing pdfjs costs ~1.4 s and
// ~350 MB more than natively, and worker threads do not inherit that loader.
//
// Text is rebuilt from glyph positions taken from the operator list rather than
// from getTextContent(): PDFs made by LibreOffice/Word with a font lacking
// Vietnamese glyphs draw each line twice — the base font with holes, then a
// fallback font filling them — and getTextContent() then yields items out of
// reading order ("Chuy n đ i s" … "ể ổ ố"). Each glyph's own x restores the words.
import { createRequire } from "node:module";
import path from "node:path";
import { parentPort } from "node:worker_threads";

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const OPS = pdfjs.OPS;

function assetDir(sub) {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), sub) + path.sep;
  } catch {
    return undefined;
  }
}
const STANDARD_FONTS = assetDir("standard_fonts");
const CMAPS = assetDir("cmaps");

const IDENTITY = [1, 0, 0, 1, 0, 0];
const DEFAULT_FONT_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
/** m1 × m2 in PDF's row-vector convention (apply m1 first, then m2). */
function mul(m1, m2) {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}
const toMatrix = (a) => (a && a.length >= 6 ? [a[0], a[1], a[2], a[3], a[4], a[5]] : null);

/**
 * Runs the text operators of one page; returns glyphs as {ch, x, y, w, size} in page space.
 * Thin drawn paths (table borders) go to `rules` as {x0, y0, x1, y1}.
 */
function glyphsOfPage(fnArray, argsArray, fontMatrixOf, rules = []) {
  const glyphs = [];
  let state = {
    ctm: IDENTITY,
    fontName: null,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack = [];
  let tm = IDENTITY;
  let tlm = IDENTITY;
  const moveText = (tx, ty) => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const num = (v, fallback = 0) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) state.ctm = mul(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const m = toMatrix(args?.[0]);
        if (m) state.ctm = mul(m, state.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        state.fontName = String(args?.[0] ?? "");
        state.fontSize = num(args?.[1]);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = num(args?.[0]);
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = num(args?.[0]);
        break;
      case OPS.setHScale:
        state.hScale = num(args?.[0], 100) / 100;
        break;
      case OPS.setLeading:
        state.leading = num(args?.[0]);
        break;
      case OPS.setTextRise:
        state.rise = num(args?.[0]);
        break;
      case OPS.moveText:
        moveText(num(args?.[0]), num(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        state.leading = -num(args?.[1]);
        moveText(num(args?.[0]), num(args?.[1]));
        break;
      case OPS.nextLine:
        moveText(0, -state.leading);
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(args?.[0] ?? args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case OPS.showText: {
        const items = Array.isArray(args?.[0]) ? args[0] : [];
        const fm = state.fontName ? fontMatrixOf(state.fontName) : DEFAULT_FONT_MATRIX;
        const { fontSize, charSpacing, wordSpacing, hScale, rise } = state;
        for (const item of items) {
          if (typeof item === "number") {
            // TJ adjustment in thousandths of the font size, subtracted from the advance.
            tm = mul([1, 0, 0, 1, (-item / 1000) * fontSize * hScale, 0], tm);
            continue;
          }
          if (!item) continue;
          const advance =
            (num(item.width) * fm[0] * fontSize + charSpacing + (item.isSpace ? wordSpacing : 0)) * hScale;
          const trm = mul(mul([1, 0, 0, 1, 0, rise], tm), state.ctm);
          const ch = typeof item.unicode === "string" ? item.unicode : "";
          // Rotated text (stamps, diagonal watermarks, sideways table headers) is not body text.
          if (ch !== "" && Math.abs(trm[1]) <= 0.05 * Math.abs(trm[0]) && trm[0] > 0) {
            glyphs.push({
              ch,
              x: trm[4],
              y: trm[5],
              w: advance * Math.hypot(trm[0], trm[1]),
              size: Math.abs(fontSize) * Math.hypot(trm[2], trm[3]),
            });
          }
          tm = mul([1, 0, 0, 1, advance, 0], tm);
        }
        break;
      }
      case OPS.constructPath: {
        // pdf.js 5: [paint op, path data, [minX, minY, maxX, maxY]] in user space.
        const mm = args?.[2];
        if (!mm || mm.length < 4 || rules.length > 20000) break;
        const [ax, ay] = apply(state.ctm, num(mm[0]), num(mm[1]));
        const [bx, by] = apply(state.ctm, num(mm[2]), num(mm[3]));
        const x0 = Math.min(ax, bx);
        const x1 = Math.max(ax, bx);
        const y0 = Math.min(ay, by);
        const y1 = Math.max(ay, by);
        if ((y1 - y0 <= 2.5 && x1 - x0 >= 8) || (x1 - x0 <= 2.5 && y1 - y0 >= 8))
          rules.push({ x0, y0, x1, y1 });
        break;
      }
      default:
        break;
    }
  }
  return glyphs;
}

const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

async function extract(bytes) {
  const loadingTask = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
  });
  try {
    const doc = await loadingTask.promise;
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const list = await page.getOperatorList();
      const fontMatrixOf = (name) => {
        try {
          return toMatrix(page.commonObjs.get(name)?.fontMatrix) ?? DEFAULT_FONT_MATRIX;
        } catch {
          return DEFAULT_FONT_MATRIX;
        }
      };
      const rules = [];
      const glyphs = glyphsOfPage(list.fnArray, list.argsArray, fontMatrixOf, rules);
      const [, y0, , y1] = page.view;
      // Bands (header/footer) are judged relative to the crop box.
      for (const g of glyphs) g.y -= y0;
      for (const r of rules) {
        r.y0 -= y0;
        r.y1 -= y0;
      }
      pages.push({ height: y1 - y0, glyphs, rules });
      page.cleanup();
    }
    return { pages };
  } finally {
    await loadingTask.destroy().catch(() => {});
  }
}

parentPort?.on("message", async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, result: await extract(bytes) });
  } catch (error) {
    parentPort.postMessage({
      id,
      error: { name: error?.name ?? "Error", message: String(error?.message ?? error) },
    });
  }
});
