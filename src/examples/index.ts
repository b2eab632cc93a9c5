// The playground's examples, as plain data: the engine's tests use the same texts, so what the examples
// menu shows is what the rules are tested against.

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly dockerfile: string;
  readonly requirements: readonly { readonly path: string; readonly text: string }[];
  readonly dockerignore: string | null;
  /** pyproject.toml / lock files, when the example has them. */
  readonly projectFiles?: readonly { readonly path: string; readonly text: string }[];
}

export const FLASK_FAT: Example = {
  id: "flask",
  title: "Flask web app (fat image)",
  dockerfile: `FROM python:3.12
COPY . /app
WORKDIR /app
RUN pip install -r requirements.txt
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
`,
  requirements: [{
    path: "requirements.txt",
    text: `flask==3.0.3
flask-sqlalchemy==3.1.1
flask-login==0.6.3
flask-wtf==1.2.1
gunicorn==22.0.0
`,
  }],
  dockerignore: null,
};

export const DJANGO_POSTGRES: Example = {
  id: "django",
  title: "Django with PostgreSQL",
  dockerfile: `FROM python:3.11
ENV PYTHONUNBUFFERED=1
WORKDIR /code
RUN apt-get update && apt-get install -y libpq-dev gcc
COPY . /code/
RUN pip install -r requirements.txt
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
`,
  requirements: [{
    path: "requirements.txt",
    text: `Django>=4.2,<5.0
psycopg2>=2.9
gunicorn>=21.2
whitenoise>=6.6
`,
  }],
  dockerignore: `.git
__pycache__/
*.pyc
.venv/
`,
};

export const FASTAPI: Example = {
  id: "fastapi",
  title: "FastAPI service",
  dockerfile: `FROM python:3.12
WORKDIR /srv
COPY . .
RUN pip install --upgrade pip && pip install -r requirements.txt
ENV PORT=8080
EXPOSE 8080
CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]
`,
  requirements: [{
    path: "requirements.txt",
    text: `fastapi==0.115.0
uvicorn[standard]==0.30.6
pydantic==2.9.2
httpx==0.27.2
`,
  }],
  dockerignore: null,
};

export const DATA_JOB: Example = {
  id: "data-job",
  title: "numpy/pandas batch job",
  dockerfile: `FROM python:3.11-bookworm
RUN apt-get update && apt-get install -y build-essential
WORKDIR /job
COPY . .
RUN pip install -r requirements.txt
RUN rm -rf /root/.cache/pip
ENTRYPOINT ["python", "run_job.py"]
`,
  requirements: [{
    path: "requirements.txt",
    text: `numpy==1.26.4
pandas==2.2.2
pyarrow==16.1.0
`,
  }],
  dockerignore: null,
};

export const EXAMPLES: readonly Example[] = [FLASK_FAT, DJANGO_POSTGRES, FASTAPI, DATA_JOB];
