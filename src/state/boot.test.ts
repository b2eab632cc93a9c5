import { beforeEach, describe, expect, it } from "vitest";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import { DJANGO_POSTGRES, FLASK_FAT } from "../examples/index";
import { encodePermalink, toWire } from "../permalink/codec";
import type { SharedState } from "../permalink/shared-state";
import { flushAutosave, snapshotOf, startAutosave } from "./autosave";
import { boot, openLink } from "./boot";
import { memoryStorage } from "./storage";
import { useAppStore } from "./store";

const INITIAL = useAppStore.getState();

const LINKED: SharedState = {
  dockerfile: "FROM python:3.12-slim\n# from the link\n",
  requirements: [{ path: "requirements.txt", text: "flask\n" }],
  projectFiles: [{ path: "pyproject.toml", text: "[project]\nname = \"app\"\n" }],
  dockerignore: ".git\n",
  decisions: { "size/base-variant": { action: "skip" } },
  selectedStep: "size/multistage",
  contextBytes: 9_000_000,
  arch: "aarch64",
  packageSizes: { "my-private-lib": 12_000_000 },
  tablesVersion: TABLES_VERSION,
};

function environment(hash: string, storage = memoryStorage()) {
  const replaced: string[] = [];
  return {
    env: {
      location: { hash, pathname: "/whaleweight/", search: "" },
      history: { replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)) },
      storage,
    },
    replaced,
  };
}

/** Put a previous visit's autosave into storage. */
function savedVisit(dockerfile: string) {
  const storage = memoryStorage();
  useAppStore.getState().restore({ ...LINKED, dockerfile, decisions: {}, selectedStep: null, contextBytes: null });
  const stop = startAutosave(storage);
  stop();
  useAppStore.setState(INITIAL, true);
  return storage;
}

beforeEach(() => {
  useAppStore.setState(INITIAL, true);
});

describe("boot", () => {
  it("opens the default example on a first visit", async () => {
    await boot(environment("").env);
    expect(useAppStore.getState().dockerfile).toBe(FLASK_FAT.dockerfile);
    expect(useAppStore.getState().notice).toBeNull();
  });

  it("restores the autosave on a reload", async () => {
    const { env } = environment("", savedVisit("FROM python:3.11\n# mine\n"));
    await boot(env);
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.11\n# mine\n");
  });

  it("a link wins over the autosave, leaves the address bar, and offers the old text back", async () => {
    const { env, replaced } = environment(`#${encodePermalink(LINKED)}`, savedVisit("FROM python:3.11\n# mine\n"));
    await boot(env);
    const state = useAppStore.getState();
    expect(snapshotOf(state)).toEqual(LINKED);
    expect(replaced).toEqual(["/whaleweight/"]);
    expect(state.notice?.tone).toBe("info");
    state.notice?.action?.run();
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.11\n# mine\n");
  });

  it("says when the link's size tables are older than the page's", async () => {
    await boot(environment(`#${encodePermalink({ ...LINKED, tablesVersion: "2019-01-01.00000000" })}`).env);
    expect(useAppStore.getState().notice?.message).toContain("older size tables (2019-01-01.00000000");
  });

  it("a broken link shows an error and keeps the user's text", async () => {
    const { env, replaced } = environment("#v1.broken!", savedVisit("FROM python:3.11\n# mine\n"));
    await boot(env);
    const state = useAppStore.getState();
    expect(state.dockerfile).toBe("FROM python:3.11\n# mine\n");
    expect(state.notice).toMatchObject({ tone: "error" });
    expect(state.notice?.message).toContain("could not be opened");
    expect(replaced).toEqual([]);
  });

  it("leaves an ordinary #anchor alone", async () => {
    await boot(environment("#layers").env);
    expect(useAppStore.getState().dockerfile).toBe(FLASK_FAT.dockerfile);
    expect(useAppStore.getState().notice).toBeNull();
  });

  it("an autosave with no readable text: the example, and the page says so", async () => {
    const storage = memoryStorage();
    storage.setItem("whaleweight:autosave:v1", JSON.stringify({ d: 42 }));
    await boot(environment("", storage).env);
    expect(useAppStore.getState().dockerfile).toBe(FLASK_FAT.dockerfile);
    expect(useAppStore.getState().notice).toMatchObject({ tone: "error", message: expect.stringContaining("could not be read") });
  });

  it("a damaged autosave is salvaged, said so, and kept beside the recovered copy", async () => {
    const storage = memoryStorage();
    const whole = JSON.stringify(toWire({ ...LINKED, dockerfile: "FROM python:3.11\n# mine, a long line that gets cut\n" }));
    const cut = whole.slice(0, whole.indexOf("gets cut"));
    storage.setItem("whaleweight:autosave:v1", cut);
    await boot(environment("", storage).env);
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.11\n# mine, a long line that ");
    expect(useAppStore.getState().notice).toMatchObject({ tone: "error", message: expect.stringContaining("damaged") });
    const raws = Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? "") ?? "");
    expect(raws).toContain(cut);
  });

  it("a reload after a link shows the link and still offers the user's own text", async () => {
    const storage = savedVisit("FROM python:3.11\n# mine\n");
    await boot(environment(`#${encodePermalink(LINKED)}`, storage).env);
    useAppStore.setState(INITIAL, true);
    await boot(environment("", storage).env);
    expect(useAppStore.getState().dockerfile).toBe(LINKED.dockerfile);
    const notice = useAppStore.getState().notice;
    expect(notice?.message).toContain("your own previous text is saved too");
    notice?.action?.run();
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.11\n# mine\n");
  });

  it("a reload after a link whose step was selected since still offers the user's own text", async () => {
    const storage = savedVisit("FROM python:3.11\n# mine\n");
    await boot(environment(`#${encodePermalink(LINKED)}`, storage).env);
    const stop = startAutosave(storage);
    useAppStore.getState().selectStep("size/base-variant");
    flushAutosave();
    stop();
    useAppStore.setState(INITIAL, true);
    await boot(environment("", storage).env);
    expect(useAppStore.getState()).toMatchObject({ dockerfile: LINKED.dockerfile, selectedStep: "size/base-variant" });
    useAppStore.getState().notice?.action?.run();
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.11\n# mine\n");
  });

  it("a link opened in an open tab with storage full replaces the text on screen, not an older save, and offers it back", async () => {
    const storage = savedVisit("FROM python:3.11\n# saved long ago\n");
    await boot(environment("", storage).env);
    useAppStore.getState().setDockerfile("FROM python:3.12\n# typed since, never saved\n");
    storage.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    await openLink(environment("", storage).env, `#${encodePermalink(LINKED)}`);
    expect(useAppStore.getState().dockerfile).toBe(LINKED.dockerfile);
    const notice = useAppStore.getState().notice;
    expect(notice?.message).toContain("storage is full");
    notice?.action?.run();
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.12\n# typed since, never saved\n");
  });

  it("a broken link opened in an open tab keeps the text on screen, not the older save", async () => {
    const storage = savedVisit("FROM python:3.11\n# saved long ago\n");
    await boot(environment("", storage).env);
    useAppStore.getState().setDockerfile("FROM python:3.12\n# typed since\n");
    await openLink(environment("", storage).env, "#v1.broken!");
    expect(useAppStore.getState().dockerfile).toBe("FROM python:3.12\n# typed since\n");
    expect(useAppStore.getState().notice?.tone).toBe("error");
  });
});

describe("store actions", () => {
  it("applying the default alternative stores no decision", () => {
    const { decide } = useAppStore.getState();
    decide("size/base-variant", { action: "apply", alternative: "slim" });
    expect(useAppStore.getState().decisions).toEqual({ "size/base-variant": { action: "apply", alternative: "slim" } });
    decide("size/base-variant", { action: "apply" });
    expect(useAppStore.getState().decisions).toEqual({});
  });

  it("an empty .dockerignore means none", () => {
    useAppStore.getState().setDockerignore("  \n");
    expect(useAppStore.getState().dockerignore).toBeNull();
  });

  it("loading an example starts its plan afresh", () => {
    const store = useAppStore.getState();
    store.decide("size/base-variant", { action: "skip" });
    store.selectStep("size/base-variant");
    store.loadExample(DJANGO_POSTGRES);
    const state = useAppStore.getState();
    expect(state.dockerfile).toBe(DJANGO_POSTGRES.dockerfile);
    expect(state.decisions).toEqual({});
    expect(state.selectedStep).toBeNull();
  });
});
