import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const FONT = "Times New Roman";
const SIZE = 26; // 13 pt, as administrative documents are set

const paragraph = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, font: FONT, size: SIZE })] });

/** Rows "a | b | c" as one Word table (a group row keeps its empty cells, as Word draws them). */
function table(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, i) => new TableCell({ children: [paragraph(cells[i] ?? "")] }),
          ),
        }),
    ),
  });
}

/**
 * Kế hoạch mẫu as a Word file: the demo's plan text, one paragraph per line, and every
 * run of lines with cells joined by " | " as a real Word table (the appendix of tasks,
 * the targets by year) — what an officer would upload.
 */
export async function planDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) children.push(table(rows));
    rows = [];
  };
  for (const line of text.split("\n")) {
    if (line.includes(" | ")) rows.push(line.split("|").map((c) => c.trim()));
    else {
      flush();
      if (line.trim()) children.push(paragraph(line));
    }
  }
  flush();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
