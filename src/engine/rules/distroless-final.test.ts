import { describe } from "vitest";
import { distrolessFinal } from "./distroless-final";
import { runRuleTests } from "./rule-tester";

const split = (image: string, cmd = `CMD ["python", "app.py"]`, extra = ""): string =>
  `FROM ${image} AS builder\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --no-cache-dir flask\n\nFROM ${image}\n${extra}COPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY app.py .\n${cmd}\n`;

describe("size/distroless-final", () => {
  runRuleTests(distrolessFinal, {
    valid: [
      { name: "single stage", dockerfile: "FROM python:3.11-slim-bookworm\nRUN pip install --no-cache-dir flask\n" },
      { name: "prefix layout: no venv to move", dockerfile: "FROM python:3.11-slim-bookworm AS builder\nRUN pip install --no-cache-dir --prefix=/install flask\nFROM python:3.11-slim-bookworm\nCOPY --from=builder /install /usr/local\n" },
    ],
    invalid: [
      {
        name: "Python 3.11 on bookworm: distroless debian12",
        dockerfile: split("python:3.11-slim-bookworm"),
        findings: ["6:distroless"],
        output: `FROM debian:bookworm-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --no-cache-dir flask\n\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY app.py .\nENTRYPOINT ["/opt/venv/bin/python3"]\nCMD ["app.py"]\n`,
        reasonIncludes: ["Python 3.11", "By the base-image table"],
      },
      {
        // After the venv's bin is on PATH, python3 -m pip is the venv's.
        name: "python3 -m pip in the venv is kept",
        dockerfile: split("python:3.11-slim-bookworm").replace("RUN pip install --no-cache-dir flask", "RUN python3 -m pip install --no-cache-dir flask"),
        findings: ["6:distroless"],
        output: `FROM debian:bookworm-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN python3 -m pip install --no-cache-dir flask\n\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY app.py .\nENTRYPOINT ["/opt/venv/bin/python3"]\nCMD ["app.py"]\n`,
      },
      {
        name: "an ENTRYPOINT that runs python is pointed at the venv's python3",
        dockerfile: split("python:3.11-slim-bookworm", `ENTRYPOINT ["python", "-m", "app"]`),
        findings: ["6:distroless"],
        output: `FROM debian:bookworm-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --no-cache-dir flask\n\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY app.py .\nENTRYPOINT ["/opt/venv/bin/python3", "-m", "app"]\n`,
      },
      { name: "Python 3.12 matches no distroless image: says why", dockerfile: split("python:3.12-slim-bookworm"), findings: ["6:noDistroless"], output: null, messageIncludes: ["the image is Python 3.12 on Debian bookworm, and gcr.io/distroless/python3-debian12 (Debian bookworm) has Python 3.11"] },
      {
        // python:3.11-slim is trixie since 2025: trixie's distroless image has 3.13, bookworm's has 3.11.
        name: "Python 3.11 on trixie: names the base on which bookworm's distroless image would be offered",
        dockerfile: split("python:3.11-slim"),
        findings: ["6:noDistroless"],
        output: null,
        messageIncludes: ["gcr.io/distroless/python3-debian12 has Python 3.11 but is Debian bookworm, so on a python:3.11-slim-bookworm base it would be offered"],
      },
      { name: "Alpine: musl", dockerfile: split("python:3.11-alpine"), findings: ["6:noDistroless"], output: null },
      { name: "a RUN in the final stage needs a shell", dockerfile: split("python:3.11-slim-bookworm", `CMD ["python", "app.py"]`, "RUN mkdir /data\n"), findings: ["6:noDistroless"], output: null },
      { name: "a shell-form CMD needs a shell", dockerfile: split("python:3.11-slim-bookworm", "CMD python app.py"), findings: ["6:noDistroless"], output: null },
      {
        name: "a HEALTHCHECK needs a shell (or curl)",
        dockerfile: split("python:3.11-slim-bookworm", `HEALTHCHECK CMD python -c "print(1)" || exit 1\nCMD ["python", "app.py"]`),
        findings: ["6:noDistroless"],
        output: null,
        messageIncludes: ["has a HEALTHCHECK (line 10)"],
      },
      {
        // Debian's python3 with python3-venv has no pip module, and it is externally managed.
        name: "python3 -m pip before the venv is on PATH",
        dockerfile: split("python:3.11-slim-bookworm").replace("RUN python -m venv /opt/venv", "RUN python3 -m pip install --upgrade pip && python3 -m venv /opt/venv"),
        findings: ["6:noDistroless"],
        output: null,
        messageIncludes: ["runs python3 -m pip before the venv is on PATH"],
      },
      {
        name: "/usr/local/bin/python in the builder",
        dockerfile: split("python:3.11-slim-bookworm").replace("RUN python -m venv /opt/venv", "RUN /usr/local/bin/python3 -m venv /opt/venv"),
        findings: ["6:noDistroless"],
        output: null,
        messageIncludes: ["names /usr/local/bin/python"],
      },
    ],
  });
});
