import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../dockerfile/parse-dockerfile";
import { hiddenInstall, runRole } from "./run-roles";
import { instructionText } from "./stages";

function firstRun(run: string) {
  const model = parseDockerfile(`FROM python:3.12-slim\n${run}\n`);
  const node = model.instructions.find((n) => n.keyword === "RUN");
  if (node === undefined) throw new Error(`no RUN in ${run}`);
  return { node, text: instructionText(model.text, node) };
}

describe("runRole", () => {
  it.each([
    { run: "RUN pip install flask", role: "python-install" },
    { run: "RUN apt-get update && apt-get install -y gcc && pip install x && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*", role: "python-install" },
    { run: "RUN sh -c \"apk add --virtual .d gcc && pip install x && apk del .d\"", role: "python-install" },
    { run: "RUN python -m venv /opt/venv", role: "python-install" },
    { run: "RUN pip install django && python manage.py collectstatic", role: "mixed" },
    { run: "RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*", role: "system-install" },
    { run: "RUN apt-get update && apt-get install -y nginx && echo ok", role: "system-install" },
    // `echo … > file` writes a file (a sources list): the RUN is not only an install.
    { run: "RUN echo 'deb http://x y main' > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y z", role: "mixed" },
    { run: "RUN apk del .build-deps", role: "cleanup" },
    { run: "RUN apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*", role: "cleanup" },
    { run: "RUN rm -rf /root/.cache/pip", role: "cleanup" },
    { run: "RUN rm -rf /app/tests", role: "work" },
    { run: "RUN apt-get purge -y gcc && python setup_db.py", role: "mixed" },
    { run: "RUN useradd -m app && mkdir /data", role: "work" },
  ])("$run → $role", ({ run, role }) => {
    const { node, text } = firstRun(run);
    expect(runRole(node, text)).toBe(role);
  });
});

describe("hiddenInstall", () => {
  it.each([
    { run: "RUN ./install.sh", hidden: "./install.sh" },
    { run: "RUN bash scripts/setup.sh --fast", hidden: "bash scripts/setup.sh" },
    { run: "RUN curl -sSL https://get.example.com | sh", hidden: "sh (a script read from a pipe)" },
    { run: "RUN cd /src && make install", hidden: "make install" },
    { run: "RUN python setup.py install", hidden: "python setup.py install" },
    { run: "RUN conda install -y numpy", hidden: "conda install" },
    { run: "RUN sh -c 'cd /src && ./configure'", hidden: "./configure" },
    { run: "RUN pip install flask", hidden: null },
    { run: "RUN python manage.py collectstatic", hidden: null },
    { run: "RUN chmod +x entrypoint.sh", hidden: null },
  ])("$run → $hidden", ({ run, hidden }) => {
    expect(hiddenInstall(firstRun(run).node)).toBe(hidden);
  });
});
