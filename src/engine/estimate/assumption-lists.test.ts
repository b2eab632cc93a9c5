import { describe, expect, it } from "vitest";
import { ASSUMPTION_ITEMS_SHOWN, assumptionLists } from "./assumption-lists";

const text = (listed: string): string => `Here: ${listed}.`;
const textsOf = (lists: ReturnType<typeof assumptionLists>): Record<string, string> => Object.fromEntries(lists.texts());

describe("assumption lists", () => {
  it.each([
    { name: "one use", uses: [["a", "b"]], expected: "Here: a, b." },
    { name: "uses merged in order", uses: [["a"], ["b", "c"], ["d"]], expected: "Here: a, b, c, d." },
    { name: "repeats named once", uses: [["a", "b"], ["b", "a"], ["c"]], expected: "Here: a, b, c." },
    { name: "past the cap, counted", uses: [["a", "b", "c"], ["d", "e"], ["f", "a"]], expected: "Here: a, b, c, d and 2 more." },
  ])("$name", ({ uses, expected }) => {
    const lists = assumptionLists();
    for (const items of uses) lists.add("id", items, text);
    expect(textsOf(lists)).toEqual({ id: expected });
  });

  it("keeps one list per id", () => {
    const lists = assumptionLists();
    lists.add("x", ["a"], text);
    lists.add("y", ["b"], (listed) => `${listed}: why`);
    lists.add("x", ["c"], text);
    expect(textsOf(lists)).toEqual({ x: "Here: a, c.", y: "b: why" });
  });

  it("bounds the text however many items there are", () => {
    const lists = assumptionLists();
    for (let i = 0; i < 10_000; i++) lists.add("id", [`item${i}`], text);
    expect(textsOf(lists).id).toBe(`Here: item0, item1, item2, item3 and ${10_000 - ASSUMPTION_ITEMS_SHOWN} more.`);
  });

  it("reads an array passed again only once", () => {
    // A cached list (a requirements file's notes) is the same array at every install; read it, and the
    // array changed afterwards is not read again (the contract: items are not changed after the call).
    const lists = assumptionLists();
    const cached = ["a", "b"];
    lists.add("id", cached, text);
    cached.push("c");
    lists.add("id", cached, text);
    expect(textsOf(lists).id).toBe("Here: a, b.");
  });
});
