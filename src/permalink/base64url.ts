// base64url (RFC 4648 §5, no padding): the alphabet a URL fragment carries without escaping. Decoding is
// strict — anything outside the alphabet, or a length no encoder produces, is an error rather than
// silently skipped as `atob` would skip whitespace — so a mangled link is reported, not half-read.

const ALPHABET = /^[A-Za-z0-9_-]*$/;
/** Bytes per `String.fromCharCode` call: keeps the argument list well under engines' limits. */
const CHUNK = 0x8000;

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeBase64Url(text: string): Uint8Array | null {
  // A length of 1 mod 4 cannot come from any byte string.
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
