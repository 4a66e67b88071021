// The heading tree of a plan: I. / 1. / 1.1. / a) headings, "- " and "+ " bullets and
// plain paragraphs. A numbered line is a heading only when something sits under it;
// otherwise it is an item ("2. Phòng Tài chính – Kế hoạch: phối hợp…").

import { roman } from "../text/roman.ts";
import type { Block } from "./normalize.ts";
import { foldKeepingPunctuation, isAllCaps } from "./text-utils.ts";

export type MarkerStyle =
  | "roman"
  | "arabic"
  | "arabic2"
  | "arabic3"
  | "letter"
  | "caps"
  | "dash"
  | "plus"
  | "para";

export interface OutlineNode {
  block: Block;
  style: MarkerStyle;
  /** The marker as written without punctuation: "III", "2", "1.2", "a"; "" for bullets. */
  label: string;
  /** Offset in block.text where the content after the marker starts. */
  bodyStart: number;
  body: string;
  children: OutlineNode[];
  parent: OutlineNode | null;
  index: number;
}

/** Section numbers a plan uses, I … XX. */
const ROMAN = new Set(Array.from({ length: 20 }, (_, i) => roman(i + 1)));

/** Words that make an unnumbered all-caps line a top-level heading. */
const SECTION_WORDS =
  /^(can cu|muc tieu|muc dich|chi tieu|nhiem vu|giai phap|to chuc thuc hien|kinh phi|noi dung|quan diem|phan cong)/;

export function parseMarker(text: string): { style: MarkerStyle; label: string; bodyStart: number } {
  let m = /^(?:PHẦN|Phần)\s+([IVXL]+)[.:\s-]*/u.exec(text);
  if (m && ROMAN.has(m[1])) return { style: "roman", label: m[1], bodyStart: m[0].length };
  m = /^([IVXL]{1,6})[./)]\s*/u.exec(text);
  if (m && ROMAN.has(m[1]) && text.length > m[0].length)
    return { style: "roman", label: m[1], bodyStart: m[0].length };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?\s+/u.exec(text);
  if (m) return { style: "arabic3", label: `${m[1]}.${m[2]}.${m[3]}`, bodyStart: m[0].length };
  m = /^(\d{1,2})\.(\d{1,2})\.?\s+/u.exec(text);
  if (m) return { style: "arabic2", label: `${m[1]}.${m[2]}`, bodyStart: m[0].length };
  m = /^(\d{1,2})[.)]\s+/u.exec(text);
  if (m) return { style: "arabic", label: m[1], bodyStart: m[0].length };
  m = /^([a-zđ])\)\s+/u.exec(text);
  if (m) return { style: "letter", label: m[1], bodyStart: m[0].length };
  m = /^([a-zđ])\.\s+(?=\p{Lu})/u.exec(text);
  if (m) return { style: "letter", label: m[1], bodyStart: m[0].length };
  m = /^\+\s*/u.exec(text);
  if (m && text.length > m[0].length) return { style: "plus", label: "", bodyStart: m[0].length };
  m = /^[-–—•*∙·]\s*/u.exec(text);
  if (m && text.length > m[0].length) return { style: "dash", label: "", bodyStart: m[0].length };
  if (text.length <= 90 && isAllCaps(text) && SECTION_WORDS.test(foldKeepingPunctuation(text)))
    return { style: "caps", label: "", bodyStart: 0 };
  return { style: "para", label: "", bodyStart: 0 };
}

const HEADING_STYLES: ReadonlySet<MarkerStyle> = new Set([
  "roman",
  "caps",
  "arabic",
  "arabic2",
  "arabic3",
  "letter",
]);

export function isHeadingStyle(s: MarkerStyle): boolean {
  return HEADING_STYLES.has(s);
}

export interface Outline {
  roots: OutlineNode[];
  nodes: OutlineNode[];
}

export function buildOutline(blocks: Block[]): Outline {
  const roots: OutlineNode[] = [];
  const nodes: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const block of blocks) {
    const mk = parseMarker(block.text);
    const node: OutlineNode = {
      block,
      style: mk.style,
      label: mk.label,
      bodyStart: mk.bodyStart,
      body: block.text.slice(mk.bodyStart).trim(),
      children: [],
      parent: null,
      index: nodes.length,
    };
    nodes.push(node);
    if (mk.style === "roman" || mk.style === "caps") {
      stack.length = 0;
    } else if (mk.style === "para") {
      // A paragraph sits beside bullets, under the nearest heading.
      while (stack.length && !isHeadingStyle(stack[stack.length - 1].style)) stack.pop();
    } else {
      let found = -1;
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].style === mk.style) {
          found = i;
          break;
        }
      }
      if (found >= 0) stack.length = found;
      else if (isHeadingStyle(mk.style)) {
        // A heading never nests inside a bullet.
        while (stack.length && !isHeadingStyle(stack[stack.length - 1].style)) stack.pop();
      }
    }
    const parent = stack.length ? stack[stack.length - 1] : null;
    node.parent = parent;
    if (parent) parent.children.push(node);
    else roots.push(node);
    if (mk.style !== "para") stack.push(node);
  }
  return { roots, nodes };
}

/** A node is a heading when it is numbered/lettered and has something under it. */
export function isHeading(node: OutlineNode): boolean {
  if (node.style === "roman" || node.style === "caps") return true;
  return isHeadingStyle(node.style) && node.children.length > 0;
}

export function ancestors(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** "III.7.a Bảo đảm an toàn thông tin theo cấp độ" for an item under that heading. */
export function sectionPath(node: OutlineNode): string | null {
  const heads = ancestors(node).filter(isHeading).reverse();
  if (!heads.length) return null;
  const labels = heads.map((h) => h.label).filter(Boolean);
  const title = heads[heads.length - 1].body.replace(/[:.]\s*$/u, "");
  return labels.length ? `${labels.join(".")} ${title}` : title;
}
