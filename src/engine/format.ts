// Byte counts for people: decimal units as `docker images` prints them (1 MB = 1,000,000 bytes), three
// significant digits, so the app and the CLI agree with what users see in their terminals.

export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  const sign = bytes < 0 ? "−" : "";
  if (abs < 1000) return `${sign}${Math.round(abs)} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = abs / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * A count with thousands separators, as `n.toLocaleString("en-US")` writes it ("1,048,576"; up to three
 * decimals, trailing zeros dropped), without Intl: the first toLocaleString of a process loads ICU's number
 * formatting, ~15 ms of CPU that every CLI start paid for one message (issue 11).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString("en-US");
  const [whole = "0", fraction = ""] = Math.abs(n).toFixed(3).split(".");
  const decimals = fraction.replace(/0+$/, "");
  const digits = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${decimals === "" ? "" : `.${decimals}`}`;
  return n < 0 && digits !== "0" ? `-${digits}` : digits;
}

/** A signed change, e.g. `−1.06 GB` or `+12.3 MB`. */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return "±0 B";
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}

/** Fill `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in data ? String(data[name]) : match));
}
