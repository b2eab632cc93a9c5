// dpkg's version order (deb-version(7)): [epoch:]upstream[-revision], compared part by part; within a
// part, runs of non-digits compare with `~` lowest, then the end of the string, then letters, then other
// characters, and runs of digits compare numerically. Used only when raw Packages files of several suites
// (release, -updates, -security) are merged, to keep the newest record of each package.

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === "~") return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function comparePart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let diff = 0;
    while ((i < a.length && !/\d/.test(a[i] ?? "")) || (j < b.length && !/\d/.test(b[j] ?? ""))) {
      const ac = i < a.length && !/\d/.test(a[i] ?? "") ? a[i] : undefined;
      const bc = j < b.length && !/\d/.test(b[j] ?? "") ? b[j] : undefined;
      diff = order(ac) - order(bc);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    let first = 0;
    while (/\d/.test(a[i] ?? "") && /\d/.test(b[j] ?? "")) {
      if (first === 0) first = (a.charCodeAt(i) - b.charCodeAt(j));
      i++;
      j++;
    }
    if (/\d/.test(a[i] ?? "")) return 1;
    if (/\d/.test(b[j] ?? "")) return -1;
    if (first !== 0) return first;
  }
  return 0;
}

function split(v: string): [number, string, string] {
  const colon = v.indexOf(":");
  const epoch = colon > 0 ? Number.parseInt(v.slice(0, colon), 10) || 0 : 0;
  const rest = colon > 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf("-");
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ""];
}

/** Negative when a < b, positive when a > b, 0 when equal, in dpkg's order. */
export function compareDebianVersions(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea - eb;
  return comparePart(ua, ub) || comparePart(ra, rb);
}
