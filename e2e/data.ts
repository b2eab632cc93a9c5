// Texts the tests paste. The fat Dockerfile is the classic first attempt: the full python image, the
// source copied before the dependency install, pip's cache kept, apt lists left behind — every seed rule
// has something to do.

export const FAT_DOCKERFILE = `FROM python:3.12
ENV PYTHONUNBUFFERED=1
WORKDIR /code
RUN apt-get update && apt-get install -y curl
COPY . /code/
RUN pip install -r requirements.txt
EXPOSE 8000
CMD ["gunicorn", "app:app", "--bind", "0.0.0.0:8000"]
`;

/** Packages with musl wheels (or pure Python), so the base step offers alpine as well as slim. */
export const FAT_REQUIREMENTS = `flask==3.0.3
gunicorn==22.0.0
requests==2.32.3
sqlalchemy==2.0.31
`;

/** About 1 MB of Dockerfile: many small RUN lines, the shape of a generated file. */
export function megabyteDockerfile(): string {
  const lines = ["FROM python:3.12"];
  for (let i = 0; lines.join("\n").length < 1_000_000 && i < 100_000; i++) {
    lines.push(...Array.from({ length: 100 }, (_, j) => `RUN echo "line ${i * 100 + j}" && pip install --no-cache-dir flask==3.0.${j % 4}`));
  }
  return `${lines.join("\n")}\n`;
}

export const HOSTILE_DOCKERFILE = `FROM python:3.12
LABEL note="<img src=x onerror=alert(1)>"
RUN echo "<script>alert(2)</script>" > /index.html
COPY . /app
`;

export const HOSTILE_REQUIREMENTS = `<img src=x onerror="alert(3)">
flask==3.0.3 ; <svg onload=alert(4)>
`;
