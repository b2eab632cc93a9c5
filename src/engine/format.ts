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

/** A signed change, e.g. `−1.06 GB` or `+12.3 MB`. */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return "±0 B";
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}

/** Fill `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in data ? String(data[name]) : match));
}
