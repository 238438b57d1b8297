FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir uv && uv pip install --system --no-cache -r pyproject.toml
COPY . .
RUN DEBUG=false SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0
RUN useradd --system app
USER app
EXPOSE 8000
CMD ["gunicorn", "newsreader.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
