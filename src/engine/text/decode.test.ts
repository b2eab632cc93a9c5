import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

const utf16le = (s: string) => {
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return bytes;
};

describe("decodeText", () => {
  it.each([
    { name: "plain string", input: "flask\n", text: "flask\n", encoding: "utf-8", hadBom: false },
    { name: "string with BOM", input: "\uFEFFflask", text: "flask", encoding: "utf-8", hadBom: true },
    { name: "UTF-8 bytes with BOM", input: new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), text: "a", encoding: "utf-8", hadBom: true },
    { name: "UTF-16LE with BOM", input: utf16le("flask==3.1\r\n"), text: "flask==3.1\r\n", encoding: "utf-16le", hadBom: true },
    { name: "UTF-16BE with BOM", input: new Uint8Array([0xfe, 0xff, 0x00, 0x61]), text: "a", encoding: "utf-16be", hadBom: true },
    { name: "empty bytes", input: new Uint8Array(), text: "", encoding: "utf-8", hadBom: false },
  ])("$name", ({ input, text, encoding, hadBom }) => {
    expect(decodeText(input)).toMatchObject({ text, encoding, hadBom, invalidOffsets: [] });
  });

  it("replaces invalid UTF-8 and reports where", () => {
    const decoded = decodeText(new Uint8Array([0x61, 0xff, 0x62]));
    expect(decoded.text).toBe("a\uFFFDb");
    expect(decoded.invalidOffsets).toEqual([1]);
  });
});
