// The estimator reads COPY/ADD, ENV, ARG, USER and WORKDIR words as BuildKit's lexer does (unquote.ts):
// quotes, escapes and variables in one pass, with the file's escape character.
import { describe, expect, it } from "vitest";
import { estimate, layerAt, problemCodes, warningCodes } from "./test-support";

const SLIM = "python:3.12-slim";
const REQUIREMENTS = { requirements: { "requirements.txt": "flask\n" } };
const paths = (dockerfile: string, line: number) => layerAt(estimate(dockerfile, REQUIREMENTS), line).items.map((i) => i.path);

describe("COPY words as BuildKit reads them", () => {
  it.each([
    { name: "quoted source and destination", copy: 'COPY "requirements.txt" "/app/"', path: "/app/requirements.txt" },
    { name: "single quotes", copy: "COPY 'requirements.txt' '/app/'", path: "/app/requirements.txt" },
    { name: "quoted part of a path", copy: 'COPY requirements.txt "/srv"/app/', path: "/srv/app/requirements.txt" },
    { name: "JSON form with a space", copy: 'COPY ["requirements.txt", "/my app/"]', path: "/my app/requirements.txt" },
    { name: "JSON form expands variables", copy: 'ARG D=/opt\nCOPY ["requirements.txt", "${D}/"]', path: "/opt/requirements.txt" },
    { name: "variable in double quotes", copy: 'ENV APP=/srv/app\nCOPY requirements.txt "$APP/"', path: "/srv/app/requirements.txt" },
    { name: "quotes inside an ENV value", copy: 'ENV APP=/srv/"app"\nCOPY requirements.txt $APP/', path: "/srv/app/requirements.txt" },
  ])("$name", ({ copy, path }) => {
    const lines = copy.split("\n").length;
    expect(paths(`FROM ${SLIM}\n${copy}\n`, 1 + lines)).toEqual([path]);
  });

  it("a quoted --from names the stage", () => {
    const e = estimate(`FROM ${SLIM} AS build\nRUN pip install --no-cache-dir flask\nFROM ${SLIM}\nCOPY --from="build" /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n`);
    expect(warningCodes(e)).not.toContain("copy-from-image");
    expect(problemCodes(e)).not.toContain("copy-from-unknown-stage");
    expect(layerAt(e, 4).bytes).toBeGreaterThan(0);
  });
});

describe("the escape directive", () => {
  // With `# escape=\``, BuildKit reads a backslash as a plain character: it was read as an escape.
  it("keeps backslashes in WORKDIR and COPY words", () => {
    expect(paths(`# escape=\`\nFROM ${SLIM}\nWORKDIR /srv/a\\b\nCOPY requirements.txt .\n`, 4)).toEqual(["/srv/a\\b/requirements.txt"]);
  });

  it("escapes with the backtick instead", () => {
    expect(paths(`# escape=\`\nFROM ${SLIM}\nCOPY requirements.txt /srv/a\`$b/\n`, 3)).toEqual(["/srv/a$b/requirements.txt"]);
  });
});

describe("USER", () => {
  // `pip install --user` writes to the user's home: `USER "app"` is app, whose home is /home/app.
  it.each([
    { user: 'USER "app"', home: "/home/app/" },
    { user: 'ARG U=app\nUSER "${U}"', home: "/home/app/" },
    { user: "USER 'root'", home: "/root/" },
  ])("$user installs under $home", ({ user, home }) => {
    const e = estimate(`FROM ${SLIM}\n${user}\nRUN pip install --no-cache-dir --user flask\n`);
    const items = e.layers.at(-1)?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.path.startsWith(`${home}.local/`))).toBe(true);
  });
});
