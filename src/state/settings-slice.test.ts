import { afterEach, describe, expect, it } from "vitest";
import { DJANGO_POSTGRES } from "../examples/index";
import { encodePermalink } from "../permalink/codec";
import { snapshotOf, startAutosave } from "./autosave";
import { boot } from "./boot";
import { normalizePackageName } from "../engine/knowledge/python-packages";
import { MAX_PACKAGE_BYTES, packageKey, parseMegabytes } from "./package-sizes";
import { memoryStorage } from "./storage";
import { useAppStore } from "./store";

const INITIAL = useAppStore.getState();

afterEach(() => {
  useAppStore.setState(INITIAL, true);
});

function bootWith(hash: string, storage = memoryStorage()): Promise<void> {
  return boot({ location: { hash, pathname: "/", search: "" }, history: { replaceState: () => undefined }, storage });
}

describe("setPackageSize", () => {
  it.each([
    { name: "keys by the PEP 503 name", calls: [["My_Private.Lib", 5_000_000]], sizes: { "my-private-lib": 5_000_000 } },
    { name: "rounds to whole bytes", calls: [["lib", 1.6]], sizes: { lib: 2 } },
    { name: "keeps 0 B (a package that adds nothing)", calls: [["lib", 0]], sizes: { lib: 0 } },
    { name: "keeps the 100 GB ceiling", calls: [["lib", MAX_PACKAGE_BYTES]], sizes: { lib: MAX_PACKAGE_BYTES } },
    { name: "refuses a size past 100 GB", calls: [["lib", MAX_PACKAGE_BYTES + 1]], sizes: {} },
    { name: "refuses a negative size", calls: [["lib", -1]], sizes: {} },
    { name: "refuses NaN and Infinity", calls: [["lib", Number.NaN], ["lib", Number.POSITIVE_INFINITY]], sizes: {} },
    { name: "refuses a name that is not a package name", calls: [["__proto__", 1], ["", 1], ["a b", 1]], sizes: {} },
    { name: "a later size replaces an earlier one", calls: [["lib", 1], ["LIB", 2]], sizes: { lib: 2 } },
    { name: "null forgets the size", calls: [["lib", 1], ["other", 3], ["Lib", null]], sizes: { other: 3 } },
  ] as const)("$name", ({ calls, sizes }) => {
    for (const [name, bytes] of calls) useAppStore.getState().setPackageSize(name, bytes);
    expect(useAppStore.getState().packageSizes).toEqual(sizes);
    expect(Object.getPrototypeOf(useAppStore.getState().packageSizes)).toBe(Object.prototype);
  });

  it("a refused size leaves the state object as it was (no re-plan, no re-save)", () => {
    useAppStore.getState().setPackageSize("lib", 1);
    const before = useAppStore.getState().packageSizes;
    useAppStore.getState().setPackageSize("lib", -5);
    useAppStore.getState().setPackageSize("lib", 1);
    expect(useAppStore.getState().packageSizes).toBe(before);
  });
});

describe("setArch", () => {
  it("stores x86_64, the engine's default, as null", () => {
    useAppStore.getState().setArch("aarch64");
    expect(useAppStore.getState().arch).toBe("aarch64");
    useAppStore.getState().setArch("x86_64");
    expect(useAppStore.getState().arch).toBeNull();
  });
});

describe("parseMegabytes", () => {
  it.each([
    { text: "12", expected: { ok: true, bytes: 12_000_000 } },
    { text: " 0.5 ", expected: { ok: true, bytes: 500_000 } },
    { text: "0", expected: { ok: true, bytes: 0 } },
    { text: "", expected: { ok: true, bytes: null } },
    { text: "100000", expected: { ok: true, bytes: 100e9 } },
    { text: "100000.001", expected: { ok: false } },
    { text: "-1", expected: { ok: false } },
    { text: "abc", expected: { ok: false } },
    { text: "Infinity", expected: { ok: false } },
  ])("$text → $expected.ok", ({ text, expected }) => {
    expect(parseMegabytes(text)).toMatchObject(expected);
  });
});

describe("the settings travel", () => {
  it("through the autosave: a reload keeps the architecture and the typed sizes", async () => {
    const storage = memoryStorage();
    useAppStore.getState().setArch("aarch64");
    useAppStore.getState().setPackageSize("acme-sdk", 42_000_000);
    startAutosave(storage)();
    useAppStore.setState(INITIAL, true);
    await bootWith("", storage);
    expect(useAppStore.getState()).toMatchObject({ arch: "aarch64", packageSizes: { "acme-sdk": 42_000_000 } });
  });

  it("through a link: opening it restores them", async () => {
    useAppStore.getState().setPackageSize("acme-sdk", 7_000_000);
    const fragment = encodePermalink(snapshotOf(useAppStore.getState()));
    useAppStore.setState(INITIAL, true);
    await bootWith(`#${fragment}`);
    expect(useAppStore.getState().packageSizes).toEqual({ "acme-sdk": 7_000_000 });
    expect(useAppStore.getState().arch).toBeNull();
  });

  it("an example keeps them (they describe the user's packages, not the text)", () => {
    useAppStore.getState().setPackageSize("acme-sdk", 1);
    useAppStore.getState().loadExample(DJANGO_POSTGRES);
    expect(useAppStore.getState().packageSizes).toEqual({ "acme-sdk": 1 });
  });
});

describe("packageKey", () => {
  it.each(["Flask_Login", "flask.login", "  FLASK--login ", "zope.interface", "a", "__proto__", "a b", "", "-x"])("agrees with the engine on %j", (name) => {
    const engine = normalizePackageName(name);
    expect(packageKey(name)).toBe(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(engine) ? engine : null);
  });
});
