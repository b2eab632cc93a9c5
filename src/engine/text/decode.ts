// Turning what a user pastes or a file holds into text. Requirements files in the wild come as UTF-8
// with or without a byte-order mark, and as UTF-16 with a BOM (PowerShell's `pip freeze > requirements.txt`
// writes UTF-16LE). Invalid UTF-8 is decoded with replacement characters and reported, never thrown.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodedText {
  /** The text with any BOM removed; offsets everywhere else refer to this string. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
  /** Offsets in `text` of U+FFFD characters that replaced undecodable bytes (empty for clean input). */
  readonly invalidOffsets: readonly number[];
}

const REPLACEMENT = "\uFFFD";

/** Decode bytes (from a file) or normalise a string (from a paste) into text. Never throws. */
export function decodeText(input: string | Uint8Array): DecodedText {
  if (typeof input === "string") {
    const hadBom = input.charCodeAt(0) === 0xfeff;
    return { text: hadBom ? input.slice(1) : input, encoding: "utf-8", hadBom, invalidOffsets: [] };
  }
  const b0 = input[0];
  const b1 = input[1];
  let encoding: TextEncodingName = "utf-8";
  let skip = 0;
  if (b0 === 0xef && b1 === 0xbb && input[2] === 0xbf) skip = 3;
  else if (b0 === 0xff && b1 === 0xfe) [encoding, skip] = ["utf-16le", 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, skip] = ["utf-16be", 2];
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(input.subarray(skip));
  const invalidOffsets: number[] = [];
  // A U+FFFD that was in the input as valid UTF-8 (EF BF BD) is indistinguishable here; reporting it as
  // "replaced" is harmless, and such characters are rare in Dockerfiles.
  for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) invalidOffsets.push(i);
  return { text, encoding, hadBom: skip > 0, invalidOffsets };
}
