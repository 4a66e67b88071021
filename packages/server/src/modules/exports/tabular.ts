import { cleanText } from "@dtplan/domain/text/clean.ts";
import type ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { newWorkbook } from "../../workbook.ts";
import { attachmentDisposition } from "../evidence/file-types.ts";
import { XLSX_CONTENT_TYPE } from "../reporting/report-excel.ts";

/**
 * One table written three ways (CSV, JSON, XLSX) from one column list, so an export,
 * the province view's download and the consolidated report's workbook never disagree
 * on headers or number formats.
 */
export type Cell = string | number | boolean | Date | null | undefined;

export interface Column<R> {
  /** JSON property name (camelCase, stable: other systems read it). */
  key: string;
  /** Header shown in CSV and XLSX (Vietnamese). */
  header: string;
  value: (row: R) => Cell;
  /** XLSX column width in characters. */
  width?: number;
  /** XLSX number format, e.g. NUMBER_FORMATS.integer. */
  numFmt?: string;
  /** Wrap long text in XLSX. */
  wrap?: boolean;
}

export interface Table<R> {
  /** Sheet name (≤ 31 characters, no []:*?/\ — cleaned here). */
  name: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** A title line above the header in XLSX (the header row is then frozen under it). */
  title?: string;
}

/** Excel shows these with the reader's own separators (1.552.020.000 in a Vietnamese Excel). */
export const NUMBER_FORMATS = {
  integer: "#,##0",
  decimal: "#,##0.##",
  /** A value already in percent (87.5 → "87,5%"), as dtplan stores ratios. */
  percent: '0.0"%"',
  date: "dd/mm/yyyy",
  money: '#,##0" đồng"',
} as const;

export type TabularFormat = "csv" | "json" | "xlsx";

/** Tables of different row types in one workbook. */
// biome-ignore lint/suspicious/noExplicitAny: each table's columns read its own rows
export type AnyTable = Table<any>;

const toIsoDate = (d: Date) => d.toISOString().slice(0, 10);

const NEEDS_QUOTES = /[",\r\n]/;

/** A date cell is often one object shared by many rows (a period's end, a report's day): written once. */
const csvDates = new WeakMap<Date, string>();

function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) {
    let s = csvDates.get(value);
    if (s === undefined) {
      s = csvText(toIsoDate(value));
      csvDates.set(value, s);
    }
    return s;
  }
  return csvText(String(value));
}

const csvText = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * RFC 4180 CSV (comma, CRLF, dot decimals — machine-readable for data exchange), with a
 * UTF-8 byte-order mark so Excel opens Vietnamese text correctly.
 */
export function toCsv<R>(table: Table<R>): string {
  const { columns } = table;
  let out = csvHeader(columns);
  for (const row of table.rows) {
    let line = csvField(columns[0]?.value(row));
    for (let i = 1; i < columns.length; i++) line += `,${csvField(columns[i].value(row))}`;
    out += `${line}\r\n`;
  }
  return out;
}

/** The byte-order mark and the header line of a CSV of `columns` (toCsv's first line). */
export const csvHeader = (columns: readonly Pick<Column<never>, "header">[]): string =>
  `\uFEFF${columns.map((c) => csvField(c.header)).join(",")}\r\n`;

/** Rows as objects keyed by the columns' `key`; dates as ISO yyyy-mm-dd. */
export function toJsonRows<R>(table: Table<R>): Record<string, string | number | boolean | null>[] {
  return table.rows.map((row) =>
    Object.fromEntries(
      table.columns.map((c) => {
        const v = c.value(row);
        return [c.key, v === undefined ? null : v instanceof Date ? toIsoDate(v) : v];
      }),
    ),
  );
}

export function sheetName(name: string, taken: Set<string> = new Set()): string {
  const base =
    cleanText(name)
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} (${i})`;
  taken.add(out.toLowerCase());
  return out;
}

/** Stored text may predate the input cleaning: keep the sheet's XML well-formed. */
const xmlSafe = <V>(value: V): V => (typeof value === "string" ? (cleanText(value) as V) : value);

/** Adds one table as a sheet: bold header, frozen panes under it, filter, widths, number formats. */
export function addSheet<R>(
  wb: ExcelJS.Workbook,
  table: Table<R>,
  taken = new Set<string>(),
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(table.name, taken));
  let headerRow = 1;
  if (table.title) {
    ws.getCell(1, 1).value = xmlSafe(table.title);
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    headerRow = 2;
  }
  ws.columns = table.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = ws.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const row of table.rows) {
    const r = ws.addRow(table.columns.map((c) => xmlSafe(c.value(row) ?? null)));
    table.columns.forEach((c, i) => {
      if (c.wrap) r.getCell(i + 1).alignment = { wrapText: true, vertical: "top" };
    });
  }
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
  if (table.columns.length > 0) {
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: table.columns.length },
    };
  }
  return ws;
}

/** A workbook with one sheet per table. */
export async function toXlsx(
  tables: readonly AnyTable[],
  meta: { title?: string; creator?: string } = {},
): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = meta.creator ?? "dtplan";
  if (meta.title) wb.title = meta.title;
  wb.created = new Date();
  const taken = new Set<string>();
  for (const table of tables) addSheet(wb, table, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const TABULAR_CONTENT_TYPES: Record<TabularFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: XLSX_CONTENT_TYPE,
};

/**
 * Sends one table as a download: `fileBase` without extension (Vietnamese allowed,
 * e.g. "chi-tieu-chau-thanh-2025"). JSON carries the rows and a small header.
 */
export async function sendTable<R>(
  reply: FastifyReply,
  format: TabularFormat,
  table: Table<R>,
  fileBase: string,
  meta: Record<string, unknown> = {},
): Promise<FastifyReply> {
  const body =
    format === "csv"
      ? toCsv(table)
      : format === "json"
        ? JSON.stringify({ ...meta, generatedAt: new Date().toISOString(), rows: toJsonRows(table) }, null, 2)
        : await toXlsx([table], { title: table.title });
  return sendFile(reply, format, body, fileBase);
}

function sendFile(reply: FastifyReply, format: TabularFormat, body: string | Buffer, fileBase: string) {
  return reply
    .header("content-type", TABULAR_CONTENT_TYPES[format])
    .header("content-disposition", attachmentDisposition(`${fileBase}.${format}`))
    .send(body);
}

/** A table ready to send: its file name (without extension) and the JSON header. */
export interface TableDownload<R> {
  table: Table<R>;
  fileBase: string;
  meta: Record<string, unknown>;
}

/** A CSV written whole by the database (csv-sql.ts), as toCsv would write its table. */
export interface CsvDownload {
  csv: string | Buffer;
  fileBase: string;
}

export const sendDownload = <R>(
  reply: FastifyReply,
  format: TabularFormat,
  d: TableDownload<R> | CsvDownload,
) =>
  "csv" in d
    ? sendFile(reply, "csv", d.csv, d.fileBase)
    : sendTable(reply, format, d.table, d.fileBase, d.meta);
