// @ts-check
/* Share links: one answers file in a page address's fragment (after "#", so it
 * never reaches a server). Pure: no DOM; the browser's own CompressionStream.
 *
 *   #worksheets-share=1z.<data>   the file's JSON (UTF-8), deflate-raw, base64url
 *   #worksheets-share=1j.<data>   the file's JSON (UTF-8), base64url (no CompressionStream)
 *
 * "1" is the version of this encoding; a fragment without the prefix (a
 * heading's anchor) is not a share link.
 */

export const SHARE_PREFIX = "worksheets-share=";
const COMPRESSED = "1z.", PLAIN = "1j.";
// A share link holds one assessment; anything much larger is not one of ours.
const MAX_TEXT = 2_000_000;

/**
 * What a fragment holds: nothing of ours, an answers file's parsed JSON, or damage.
 * @typedef {{problem: "none"} | {problem: "damaged"} | {problem: null, data: unknown}} Shared
 */

/**
 * Bytes as base64url, without padding.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function toBase64Url(bytes) {
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * base64url (with or without padding) as bytes; null when it is not base64url.
 * @param {string} text
 * @returns {Uint8Array | null}
 */
export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * Bytes through a compression or decompression stream; null past `limit` bytes
 * (a small damaged or hostile link must not inflate without end).
 * @param {Uint8Array} bytes
 * @param {GenericTransformStream} stream
 * @param {number} [limit]
 * @returns {Promise<Uint8Array | null>}
 */
async function through(bytes, stream, limit = MAX_TEXT) {
  const reader = new Blob([/** @type {BlobPart} */ (bytes)]).stream().pipeThrough(stream).getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (joined.set(chunk, offset), offset + chunk.length), 0);
  return joined;
}

/** Whether this browser compresses deflate-raw. */
function canCompress() {
  try {
    new CompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/**
 * The fragment (without "#") that carries an answers file.
 * @param {object} document an answers file
 * @param {boolean} [compress] false to leave it uncompressed
 * @returns {Promise<string>}
 */
export async function encodeShare(document, compress = canCompress()) {
  const bytes = new TextEncoder().encode(JSON.stringify(document));
  if (!compress) return SHARE_PREFIX + PLAIN + toBase64Url(bytes);
  const compressed = await through(bytes, new CompressionStream("deflate-raw"), Infinity);
  return SHARE_PREFIX + COMPRESSED + toBase64Url(/** @type {Uint8Array} */ (compressed));
}

/**
 * What a page's fragment holds ("#" included or not).
 * @param {string} hash
 * @param {number} [limit] the most bytes of JSON a link may carry (an answers file's
 *   limit, formats/answers.py): a longer one is not inflated or read past it
 * @returns {Promise<Shared>}
 */
export async function decodeShare(hash, limit = MAX_TEXT) {
  const fragment = hash.replace(/^#/, "");
  if (!fragment.startsWith(SHARE_PREFIX)) return { problem: "none" };
  const body = fragment.slice(SHARE_PREFIX.length), version = body.slice(0, 3);
  // base64url takes 4 characters for 3 bytes; compressed JSON is no longer than plain.
  const bytes = body.length <= Math.ceil(limit * 4 / 3) + 8 ? fromBase64Url(body.slice(3)) : null;
  if (bytes === null || (version !== COMPRESSED && version !== PLAIN)) {
    return { problem: "damaged" };
  }
  try {
    const json = version === PLAIN ? (bytes.length <= limit ? bytes : null)
      : await through(bytes, new DecompressionStream("deflate-raw"), limit);
    if (json === null) return { problem: "damaged" };
    return { problem: null, data: JSON.parse(new TextDecoder("utf-8", { fatal: true })
      .decode(json)) };
  } catch {
    return { problem: "damaged" };
  }
}

/**
 * A page address without its fragment, with `fragment` instead.
 * @param {string} href
 * @param {string} fragment
 * @returns {string}
 */
export function withFragment(href, fragment) {
  return href.replace(/#.*$/, "") + "#" + fragment;
}
