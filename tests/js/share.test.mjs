// @ts-check
// Share links: an answers file in the fragment and back, and damaged links refused.
import assert from "node:assert/strict";
import test from "node:test";

import { answersDocument, emptyState } from "../../plugins/worksheets/assets/answers.js";
import {
  decodeShare, encodeShare, fromBase64Url, SHARE_PREFIX, toBase64Url, withFragment,
} from "../../plugins/worksheets/assets/share.js";
import { fixtures } from "./fixtures.mjs";

const { worksheet } = fixtures.examples;
const DOCUMENT = answersDocument(worksheet, {
  ...emptyState(), label: "Proveedor Ä «1» 🚀", assessor: "Åsa", date: "2026-02-28",
  updated: "2026-03-01T08:00:00.000Z", answers: { programme: 3, records: worksheet.formats.na },
  notes: { programme: "Line one\nline two & more: ?#=/+" },
});

test("an answers file goes into a fragment and comes back, compressed or not", async () => {
  for (const compress of [true, false]) {
    const fragment = await encodeShare(DOCUMENT, compress);
    assert.ok(fragment.startsWith(SHARE_PREFIX + (compress ? "1z." : "1j.")), fragment);
    assert.match(fragment.slice(SHARE_PREFIX.length + 3), /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(await decodeShare("#" + fragment), { problem: null, data: DOCUMENT });
    assert.deepEqual(await decodeShare(fragment), { problem: null, data: DOCUMENT });
  }
});

test("a long note compresses well", async () => {
  const long = { ...DOCUMENT, notes: { programme: "Seen on the floor. ".repeat(200) } };
  const [compressed, plain] = await Promise.all([encodeShare(long, true), encodeShare(long, false)]);
  assert.ok(compressed.length * 5 < plain.length, `${compressed.length} vs ${plain.length}`);
  assert.deepEqual(await decodeShare(compressed), { problem: null, data: long });
});

test("headings' anchors and empty fragments are not share links", async () => {
  for (const hash of ["", "#", "#training", "#worksheets-share", "#worksheets-sharex=1j.e30"]) {
    assert.deepEqual(await decodeShare(hash), { problem: "none" }, hash);
  }
});

test("damaged links say so and hold nothing", async () => {
  const good = await encodeShare(DOCUMENT, true), plain = await encodeShare(DOCUMENT, false);
  const body = good.slice(SHARE_PREFIX.length + 3);
  const damaged = [
    SHARE_PREFIX,
    SHARE_PREFIX + "1z.",
    SHARE_PREFIX + "2z." + body,
    SHARE_PREFIX + "1z." + body.slice(0, body.length / 2),
    SHARE_PREFIX + "1z." + body + "!",
    SHARE_PREFIX + "1z." + "A".repeat(41),
    plain.slice(0, -7),
    SHARE_PREFIX + "1j." + toBase64Url(new TextEncoder().encode("{not json")),
    SHARE_PREFIX + "1j." + toBase64Url(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])),
  ];
  for (const fragment of damaged) {
    assert.deepEqual(await decodeShare("#" + fragment), { problem: "damaged" }, fragment);
  }
});

test("a small link that would inflate without end is refused", async () => {
  const huge = await encodeShare({ notes: "0".repeat(3_000_000) }, true);
  assert.ok(huge.length < 20_000, String(huge.length));
  assert.deepEqual(await decodeShare(huge), { problem: "damaged" });
});

test("base64url both ways, any byte", () => {
  const bytes = Uint8Array.from({ length: 256 }, (_value, index) => index);
  const text = toBase64Url(bytes);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(fromBase64Url(text), bytes);
  assert.deepEqual(fromBase64Url(""), new Uint8Array());
  assert.equal(fromBase64Url("a+b/"), null);
  assert.equal(fromBase64Url("abcde"), null);
});

test("the link is the page's address with the fragment in place of any other", () => {
  assert.equal(withFragment("https://kb.example/ready/#training", "worksheets-share=1j.e30"),
    "https://kb.example/ready/#worksheets-share=1j.e30");
  assert.equal(withFragment("https://kb.example/ready/?a=1", "x"), "https://kb.example/ready/?a=1#x");
});

test("a link carries no more than an answers file may hold, however well it compresses", async () => {
  const limit = 256 * 1024;
  const bomb = { ...DOCUMENT, notes: { a: "x".repeat(2 * limit) } };
  const fragment = await encodeShare(bomb);
  assert.ok(fragment.length < 4000, "a few KB of link");
  assert.deepEqual(await decodeShare(fragment, limit), { problem: "damaged" });
  const plain = await encodeShare(bomb, false);
  assert.deepEqual(await decodeShare(plain, limit), { problem: "damaged" });
  assert.equal((await decodeShare(await encodeShare(DOCUMENT), limit)).problem, null);
});
