/** One invalid cell of an imported Excel form, as the error table shows it. */
export interface ExcelErrorRow {
  key: string;
  sheet: string;
  /** `D5`; null when the error concerns a whole row, sheet or the file. */
  cell: string | null;
  row: number | null;
  message: string;
}

interface Detail {
  path: string;
  message: string;
  sheet?: string;
  row?: number | null;
  column?: string | null;
}

const CELL_REF = /^(.+)!([A-Z]{1,3})(\d+)$/;

/**
 * The server's `details` of a refused Excel import → table rows. Each entry carries
 * `{ sheet, row, column }` and a `path` `Nhiệm vụ!D5`; the path is the fallback
 * when the structured fields did not survive. The message repeats the reference
 * (`Nhiệm vụ!D5: …`), which the table already shows in its own columns.
 */
export function excelErrorRows(details: readonly Detail[]): ExcelErrorRow[] {
  return details.map((d, i) => {
    const ref = CELL_REF.exec(d.path);
    const sheet = d.sheet ?? (ref ? ref[1] : d.path.startsWith("body.") ? "" : d.path);
    const column = d.column ?? ref?.[2] ?? null;
    const row = d.row ?? (ref ? Number(ref[3]) : null);
    const cell = column && row ? `${column}${row}` : null;
    const message = d.message.startsWith(`${d.path}: `) ? d.message.slice(d.path.length + 2) : d.message;
    return { key: `${i}:${d.path}`, sheet, cell, row, message };
  });
}

/** Whether the refusal is of the file as a whole (not a workbook, damaged): no cell to point to. */
export function refusesWholeFile(rows: readonly ExcelErrorRow[]): boolean {
  return rows.every((r) => !r.sheet && !r.cell && !r.row);
}
